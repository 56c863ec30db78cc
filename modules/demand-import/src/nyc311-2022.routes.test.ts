import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDeadlineJob } from '@linli/demands';
import { buildDemandWorld, type DemandWorld } from '@linli/demands/testing';
import { dispatchOutbox } from '@linli/notifications';
import { createTestApp, login, type Session, type TestApp } from '@linli/server/test/helpers';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nyc311Config2022 } from './presets.ts';

// A 2022-shaped NYC 311 export (the 41 columns of today's Socrata export): real 2013 rows re-shaped to
// the current columns and type names, plus rows of the types added since (scripts/make-nyc311-2022-fixture.py).
const file = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/nyc311_2022-05.csv'));
const source = parse(file, { columns: true }) as Record<string, string>[];

let t: TestApp;
let world: DemandWorld;
let county: Session;
let mappingId: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildDemandWorld(t.deps.db);
  county = await login(t.app, world.accounts.county!.username, world.accounts.county!.password);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const api = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

function upload(s: Session, fields: Record<string, string>, name: string, data: Buffer, url = '/api/v1/demand-imports') {
  const boundary = `----linli${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`),
  );
  parts.push(data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}

const query = <T>(text: string) => t.database.query<T>(text);

describe('NYC 311 export of 2022 (41 columns) through the current preset', () => {
  it('is offered beside the 2013 preset and saves as a mapping with its agency map', async () => {
    const presets = (await api(county, 'GET', '/demand-imports/presets')).json() as { key: string; config: unknown }[];
    expect(presets.map((p) => p.key)).toEqual(expect.arrayContaining(['nyc311', 'nyc311_2022']));
    const header = fs
      .readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/nyc311_2022-05.csv'), 'utf8')
      .split('\n')[0];
    expect(header?.split(',')).toHaveLength(41);
    const saved = await api(county, 'POST', '/demand-imports/mappings', {
      name: 'NYC 311 (2022)',
      config: presets.find((p) => p.key === 'nyc311_2022')!.config,
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json().config).toEqual(nyc311Config2022);
    mappingId = saved.json().id;

    const wrong = await api(county, 'POST', '/demand-imports/mappings', {
      name: 'wrong agency',
      config: { ...nyc311Config2022, valueMaps: { ...nyc311Config2022.valueMaps, department: { HPD: 'no_such_department' } } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      { field: 'config.valueMaps.department.HPD', reason: 'is not an active department of this county', value: 'no_such_department' },
    ]);
  });

  it('imports every row: few in 其他, result and channel mapped, each mapped agency a handling unit, old open orders historical', async () => {
    const res = await upload(county, { mappingId }, 'nyc311_2022-05.csv', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: source.length, created: source.length, updated: 0 });
    expect(source.length).toBeGreaterThan(300);

    const imported = await query<{
      external_id: string;
      category: string;
      channel: string;
      result: string | null;
      status: string;
      level: string;
      department: string | null;
      handling_path: string | null;
      historical: boolean;
    }>(
      `SELECT d.external_id, c.code AS category, d.channel, d.result, d.status, d.level, dep.code AS department,
              d.handling_path::text AS handling_path, d.historical
       FROM demand d JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id
       LEFT JOIN department dep ON dep.tenant_id = d.tenant_id AND dep.id = d.handling_department_id
       WHERE d.external_id IS NOT NULL`,
    );
    expect(imported).toHaveLength(source.length);
    const byId = new Map(imported.map((d) => [d.external_id, d]));

    const other = imported.filter((d) => d.category === 'other');
    console.info(`[measure] NYC 311 2022 file: ${other.length} of ${imported.length} rows in 其他`);
    expect(other.length / imported.length).toBeLessThanOrEqual(0.02);
    // The new and renamed types land where they belong.
    const typeOf = (type: string) => source.filter((r) => r['Complaint Type'] === type).map((r) => byId.get(r['Unique Key']!)!.category);
    expect(new Set(typeOf('Noise - Park'))).toEqual(new Set(['noise']));
    expect(new Set(typeOf('Abandoned Vehicle'))).toEqual(new Set(['illegal_parking']));
    expect(new Set(typeOf('Encampment'))).toEqual(new Set(['social_assistance']));
    expect(new Set(typeOf('Street Flooding'))).toEqual(new Set(['water_supply']));
    expect(new Set(typeOf('HEAT/HOT WATER'))).toEqual(new Set(['property_service']));

    const agencies = nyc311Config2022.valueMaps.department ?? {};
    const channels = nyc311Config2022.valueMaps.channel;
    let withAgency = 0;
    for (const row of source) {
      const d = byId.get(row['Unique Key']!)!;
      // The result text is the Resolution Description; the channel the Open Data Channel Type.
      expect(d.result).toBe(row['Resolution Description'] || null);
      expect(d.channel).toBe(channels[row['Open Data Channel Type']!]);
      const department = agencies[row.Agency!];
      if (department) {
        withAgency += 1;
        expect({ id: d.external_id, department: d.department, level: d.level }).toEqual({
          id: row['Unique Key'],
          department,
          level: 'department',
        });
        expect(d.handling_path).not.toBeNull();
      }
      // Every open order of May 2022 is long past its deadline: historical. Closed ones too (their deadline passed).
      expect(d.historical).toBe(true);
    }
    expect(withAgency).toBeGreaterThan(source.length * 0.9);
    expect(new Set(imported.map((d) => d.channel))).toEqual(new Set(['hotline_12345', 'web', 'mobile']));
  }, 120_000);

  it('notifies no one of the imported history in the next deadline-job run, while the KPIs count it as it was', async () => {
    const open = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM demand WHERE external_id IS NOT NULL AND status NOT IN ('resolved', 'closed', 'rejected')`,
    );
    expect(open[0]!.n).toBeGreaterThan(30);
    // A fresh open order next to them (created an hour ago, its deadline ahead) is not historical and is reminded as usual.
    const created = new Date(Date.now() - 3_600_000);
    const us = (d: Date) =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/New_York',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hour12: true,
      })
        .format(d)
        .replace(',', '');
    const header = file.toString('utf8').split('\n')[0]!;
    const cols = header.split(',');
    const fresh = cols.map(
      (c) =>
        ({
          'Unique Key': '59000001',
          'Created Date': us(created),
          Agency: 'DOT',
          'Complaint Type': 'Street Condition',
          Descriptor: 'Pothole',
          Status: 'Open',
          'Open Data Channel Type': 'MOBILE',
        })[c] ?? '',
    );
    const freshRes = await upload(county, { mappingId }, 'fresh.csv', Buffer.from(`${header}\n${fresh.join(',')}\n`));
    expect(freshRes.statusCode).toBe(200);
    const [freshRow] = await query<{ historical: boolean; resolve_due_at: string }>(
      `SELECT historical, resolve_due_at FROM demand WHERE external_id = '59000001'`,
    );
    expect(freshRow!.historical).toBe(false);

    const beforeNotifications = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM notification`))[0]!.n;
    await dispatchOutbox(t.deps.db);
    const baseline = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM notification`))[0]!.n;
    const job = await runDeadlineJob(t.deps.db, { now: new Date() });
    expect(job).toMatchObject({ skipped: false, overdue: 0, reminders: 0, escalated: 0 });
    const events = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_event e JOIN demand d ON d.id::text = e.aggregate_id
       WHERE e.type IN ('demand.overdue', 'demand.deadline_reminder') AND d.historical`,
    );
    expect(events[0]!.n).toBe(0);
    await dispatchOutbox(t.deps.db);
    expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM notification`))[0]!.n).toBe(baseline);
    expect(baseline).toBeGreaterThanOrEqual(beforeNotifications);

    // The fresh order is not historical: when its deadline passes, the job flags it as usual.
    const later = await runDeadlineJob(t.deps.db, { now: new Date(new Date(freshRow!.resolve_due_at).getTime() + 60_000) });
    expect(later.overdue).toBe(1);

    // The KPIs of May 2022 count the history as it was: open orders past their deadline are late, not on time.
    const kpis = await api(county, 'GET', `/demands/kpis?nodeId=${world.tree.county.id}&from=2022-05-01&to=2022-06-30`);
    expect(kpis.statusCode).toBe(200);
    const k = kpis.json();
    expect(k.submitted).toBe(source.length);
    // The open ones are neither resolved nor closed in the figures: importing them as history hides nothing.
    const closed = source.filter((r) => r.Status === 'Closed').length;
    expect(k.closed).toBe(closed);
    expect(k.resolved).toBe(closed);
    expect(k.completionRate).toBeCloseTo(closed / source.length, 3);
  }, 120_000);
});

describe('re-import that updates category and channel too', () => {
  // The same work orders (other external ids) imported first through an older mapping: no channel column, and
  // three of today's types not yet in its category map, so they landed in 其他.
  const missing = ['Noise - Park', 'Abandoned Vehicle', 'Encampment'];
  const subset = source.filter((r) => !/^530/.test(r['Unique Key']!));
  const header = file.toString('utf8').split('\n')[0]!;
  const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const reKeyed = Buffer.from(
    `${header}\n${subset
      .map((r) =>
        header
          .split(',')
          .map((c) => csvCell(c === 'Unique Key' ? `7${r[c]}` : (r[c] ?? '')))
          .join(','),
      )
      .join('\n')}\n`,
  );
  const categoryChanges = subset.filter((r) => missing.includes(r['Complaint Type']!)).length;
  const channelChanges = subset.filter((r) => ['ONLINE', 'MOBILE'].includes(r['Open Data Channel Type']!)).length;
  const classificationChanges = subset.filter(
    (r) => missing.includes(r['Complaint Type']!) || ['ONLINE', 'MOBILE'].includes(r['Open Data Channel Type']!),
  ).length;
  let oldMapping: string;
  const categoriesOf = async () =>
    new Map(
      (
        await query<{ external_id: string; category: string; channel: string }>(
          `SELECT d.external_id, c.code AS category, d.channel FROM demand d
           JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id WHERE d.external_id LIKE '7%'`,
        )
      ).map((d) => [d.external_id, d]),
    );

  it('shows how many known demands would get another category or channel before anything is written', async () => {
    expect(categoryChanges).toBeGreaterThan(10);
    expect(channelChanges).toBeGreaterThan(10);
    const category = Object.fromEntries(Object.entries(nyc311Config2022.valueMaps.category).filter(([k]) => !missing.includes(k)));
    const saved = await api(county, 'POST', '/demand-imports/mappings', {
      name: 'NYC 311 (old)',
      config: {
        ...nyc311Config2022,
        columns: { ...nyc311Config2022.columns, channel: null },
        valueMaps: { ...nyc311Config2022.valueMaps, category },
      },
    });
    expect(saved.statusCode).toBe(201);
    oldMapping = saved.json().id;
    const first = await upload(county, { mappingId: oldMapping }, 'old.csv', reKeyed);
    expect(first.json()).toMatchObject({ rows: subset.length, created: subset.length });
    const before = await categoriesOf();
    expect([...before.values()].filter((d) => d.category === 'other').length).toBeGreaterThanOrEqual(categoryChanges);

    const events = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM demand_event`))[0]!.n;
    const preview = await upload(county, { mappingId }, 'corrected.csv', reKeyed, '/api/v1/demand-imports/preview');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      rows: subset.length,
      created: 0,
      existing: subset.length,
      categoryChanges,
      channelChanges,
      classificationChanges,
      errors: [],
    });
    // Nothing written by the preview.
    expect((await query<{ n: number }>(`SELECT count(*)::int AS n FROM demand_event`))[0]!.n).toBe(events);
    expect(await categoriesOf()).toEqual(before);
  }, 120_000);

  it('keeps category and channel on a plain re-import and updates them when asked, each with its timeline entry', async () => {
    const before = await categoriesOf();
    const plain = await upload(county, { mappingId }, 'corrected.csv', reKeyed);
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).toMatchObject({ rows: subset.length, created: 0, updated: 0, unchanged: subset.length });
    expect(await categoriesOf()).toEqual(before);

    const bad = await upload(county, { mappingId, updateClassification: 'maybe' }, 'corrected.csv', reKeyed);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ field: 'updateClassification', reason: 'must be true or false' }]);

    const fixed = await upload(county, { mappingId, updateClassification: 'true' }, 'corrected.csv', reKeyed);
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ rows: subset.length, created: 0, updated: classificationChanges });
    const after = await categoriesOf();
    for (const r of subset) {
      const d = after.get(`7${r['Unique Key']}`)!;
      expect(d.channel).toBe(nyc311Config2022.valueMaps.channel[r['Open Data Channel Type']!]);
      if (r['Complaint Type'] === 'Noise - Park') expect(d.category).toBe('noise');
      if (r['Complaint Type'] === 'Encampment') expect(d.category).toBe('social_assistance');
    }
    const entries = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM demand_event WHERE action = 'imported' AND data->>'classification' = 'true'`,
    );
    expect(entries[0]!.n).toBe(classificationChanges);
    const again = await upload(county, { mappingId }, 'corrected.csv', reKeyed, '/api/v1/demand-imports/preview');
    expect(again.json()).toMatchObject({ existing: subset.length, classificationChanges: 0 });
  }, 120_000);
});
