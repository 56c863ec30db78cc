import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { oldExcelFile, zipBomb } from '@linli/core/zip-testing';
import { buildDemandWorld, type DemandWorld } from '@linli/demands/testing';
import { createTestApp, login, type Session, type TestApp } from '@linli/server/test/helpers';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemandImportConfig } from './contract.ts';
import { layoutOf } from './export.ts';
import { nyc311Config } from './presets.ts';

// The real NYC 311 export of one day (2,386 work orders, 52 columns) imported over HTTP through a
// saved mapping made from the built-in preset.
const nycFile = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/nyc311_2013-12-25.csv'));
const nycLines = nycFile.toString('utf8').split('\n');
/** The export without its one row closed before it was created (line 2072). */
const nycFixed = Buffer.from(nycLines.filter((_, i) => i !== 2071).join('\n'));

let t: TestApp;
let world: DemandWorld;
let county: Session;
let grid: Session;
let mappingId: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildDemandWorld(t.deps.db);
  county = await login(t.app, world.accounts.county!.username, world.accounts.county!.password);
  grid = await login(t.app, world.accounts.grid!.username, world.accounts.grid!.password);
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const api = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const boundary = `----linli${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
    );
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const upload = (s: Session, url: string, fields: Record<string, string>, file?: { name: string; data: Buffer }) => {
  const body = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { ...s.headers, 'content-type': body.contentType },
    payload: body.payload,
  });
};

const count = async (table: string, where = 'true') =>
  (await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0]!.n;

describe('work-order import and export over HTTP', () => {
  it('saves the NYC 311 preset as a mapping (demand.intake on the county, audited), refusing bad ones', async () => {
    const presets = await api(county, 'GET', '/demand-imports/presets');
    expect(presets.statusCode).toBe(200);
    const nyc = presets.json().find((p: { key: string }) => p.key === 'nyc311');
    expect(nyc.name).toBe('NYC 311 (Socrata export)');

    expect((await api(grid, 'POST', '/demand-imports/mappings', { name: 'NYC', config: nyc.config })).statusCode).toBe(403);
    const bad: DemandImportConfig = {
      ...nyc.config,
      timeZone: 'Mars/Base',
      valueMaps: { ...nyc.config.valueMaps, category: { HEATING: 'no_such_code' } },
    };
    const refused = await api(county, 'POST', '/demand-imports/mappings', { name: 'NYC', config: bad });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { field: 'config.timeZone', reason: 'is not a known IANA time zone', value: 'Mars/Base' },
      { field: 'config.valueMaps.category.HEATING', reason: 'is not an active category code', value: 'no_such_code' },
    ]);

    const saved = await api(county, 'POST', '/demand-imports/mappings', { name: 'NYC 311', config: nyc.config });
    expect(saved.statusCode).toBe(201);
    mappingId = saved.json().id;
    expect(saved.json().config).toEqual(nyc311Config);
    expect((await api(county, 'POST', '/demand-imports/mappings', { name: 'NYC 311', config: nyc.config })).statusCode).toBe(409);
    expect(await count('audit_event', `action = 'demand.import_mapping.create'`)).toBe(1);

    const renamed = await api(county, 'PUT', `/demand-imports/mappings/${mappingId}`, {
      name: 'NYC 311 Socrata',
      config: nyc.config,
      version: 1,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().version).toBe(2);
    const stale = await api(county, 'PUT', `/demand-imports/mappings/${mappingId}`, { name: 'x', config: nyc.config, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await api(grid, 'GET', '/demand-imports/mappings')).json().map((m: { name: string }) => m.name)).toEqual(['NYC 311 Socrata']);
  });

  it('offers the header and values of an uploaded file for building a mapping', async () => {
    const res = await upload(county, '/demand-imports/inspect', {}, { name: 'nyc.csv', data: nycFile });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rows).toBe(2386);
    expect(body.headers).toContain('Complaint Type');
    expect(body.values.Status).toEqual(['Assigned', 'Closed', 'Open', 'Pending', 'Started']);
    expect(body.values['Unique Key']).toBeUndefined(); // too many distinct values for a value map
  });

  it('refuses the real export as a whole: 422 with the row closed before it was created, nothing written', async () => {
    const before = await count('demand');
    const res = await upload(county, '/demand-imports', { mappingId }, { name: 'nyc311_2013-12-25.csv', data: nycFile });
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('unprocessable');
    expect(error.details).toEqual([
      {
        row: 2072,
        column: 'Closed Date',
        reason: 'closed before it was created (12/25/2013 12:00:00 AM)',
        value: '10/30/2013 12:00:00 AM',
      },
    ]);
    expect(await count('demand')).toBe(before);
    expect(await count('import_job', `kind = 'demands' AND status = 'failed'`)).toBe(1);
    expect(await count('audit_event', `action = 'demand.import' AND result = 'failed'`)).toBe(1);
  });

  it('imports the corrected export with its real times, numbers, deadlines and one audit record; re-import changes nothing', async () => {
    const before = await count('demand');
    const started = performance.now();
    const res = await upload(county, '/demand-imports', { mappingId }, { name: 'nyc311_2013-12-25.csv', data: nycFixed });
    const ms = performance.now() - started;
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ rows: 2385, created: 2385, updated: 0, unchanged: 0 });
    console.info(
      `[measure] NYC 311 import (${t.database.driver}): 2385 rows in ${Math.round(ms)} ms = ${Math.round(2385 / (ms / 1000))} rows/s`,
    );
    expect(await count('demand')).toBe(before + 2385);

    const [d] = await t.database.query<Record<string, unknown>>(
      `SELECT d.*, c.code AS category_code, n.kind AS node_kind FROM demand d
       JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id
       JOIN territory_node n ON n.tenant_id = d.tenant_id AND n.id = d.node_id
       WHERE d.external_id = '26984072'`,
    );
    expect(d).toMatchObject({
      status: 'closed',
      channel: 'hotline_12345',
      type: 'complaint',
      title: 'Blocked Driveway',
      category_code: 'illegal_parking',
      node_kind: 'county',
      address: '952 EAST 58 STREET',
      reporter_kind: 'anonymous',
      level: 'compound',
    });
    expect(new Date(d!.submitted_at as string).toISOString()).toBe('2013-12-26T04:59:08.000Z');
    expect(new Date(d!.resolved_at as string).toISOString()).toBe('2013-12-26T06:15:00.000Z');
    expect(new Date(d!.closed_at as string).toISOString()).toBe('2013-12-26T06:15:00.000Z');
    // Deadlines from the category rule (parking: answer within 24 hours) relative to the submission.
    expect(new Date(d!.response_due_at as string).toISOString()).toBe('2013-12-27T04:59:08.000Z');
    expect(d!.number).toMatch(/^2013-\d{6}$/);
    const timeline = await t.database.query<{ action: string; from_status: string | null; to_status: string }>(
      `SELECT action, from_status, to_status FROM demand_event WHERE demand_id = '${d!.id}' ORDER BY seq`,
    );
    expect(timeline).toEqual([{ action: 'imported', from_status: null, to_status: 'closed' }]);

    expect(await count('demand', `external_id IS NOT NULL AND status = 'closed'`)).toBe(2302);
    expect(await count('demand', `external_id IS NOT NULL AND status = 'submitted' AND closed_at IS NULL`)).toBe(46);
    expect(await count('demand', `external_id IS NOT NULL AND closed_at < submitted_at`)).toBe(0);
    // The KPI rollup, rebuilt once for a large import, counts them (December 2013, Beijing time).
    const [rollup] = await t.database.query<{ submitted: number; closed: number }>(
      `SELECT sum(submitted)::int AS submitted, sum(closed)::int AS closed FROM demand_kpi_month WHERE month = '2013-12-01'`,
    );
    expect(rollup).toEqual({ submitted: 2385, closed: 2302 });
    expect(await count('audit_event', `action = 'demand.import' AND result = 'ok'`)).toBe(1);
    expect(await count('outbox_event', `type = 'demand.imported'`)).toBe(1);
    const job = await api(county, 'GET', `/demand-imports/${result.jobId}`);
    expect(job.json()).toMatchObject({ status: 'succeeded', totalRows: 2385, processedRows: 2385, createdRows: 2385, errors: [] });
    // Another account does not read the job report.
    expect((await api(grid, 'GET', `/demand-imports/${result.jobId}`)).statusCode).toBe(404);

    const again = await upload(county, '/demand-imports', { mappingId }, { name: 'again.csv', data: nycFixed });
    expect(again.json()).toMatchObject({ rows: 2385, created: 0, updated: 0, unchanged: 2385 });
    expect(await count('demand')).toBe(before + 2385);
    expect(await count('demand_event', `action = 'imported'`)).toBe(2385);
  }, 120_000);

  it('updates by external id: a work order closed at the source since is closed here, with a timeline entry', async () => {
    const header = nycLines[0]!;
    const open = nycLines.find((l) => l.startsWith('26996604,'))!;
    const closed = open
      .replace(',12/25/2013 11:58:40 PM,,', ',12/25/2013 11:58:40 PM,12/27/2013 09:00:00 AM,')
      .replace(',Open,', ',Closed,');
    const res = await upload(county, '/demand-imports', { mappingId }, { name: 'update.csv', data: Buffer.from(`${header}\n${closed}\n`) });
    expect(res.json()).toMatchObject({ rows: 1, created: 0, updated: 1, unchanged: 0 });
    const [d] = await t.database.query<{ id: string; status: string; closed_at: string; version: number }>(
      `SELECT id, status, closed_at, version FROM demand WHERE external_id = '26996604'`,
    );
    expect(d!.status).toBe('closed');
    expect(new Date(d!.closed_at).toISOString()).toBe('2013-12-27T14:00:00.000Z');
    expect(d!.version).toBe(2);
    const timeline = await t.database.query<{ from_status: string; to_status: string }>(
      `SELECT from_status, to_status FROM demand_event WHERE demand_id = '${d!.id}' ORDER BY seq`,
    );
    expect(timeline).toEqual([
      { from_status: null, to_status: 'submitted' },
      { from_status: 'submitted', to_status: 'closed' },
    ]);
  });

  it('takes a job id chosen by the client, so its progress can be followed; the same id again is a conflict that imports nothing', async () => {
    // A row imported before, as it was: the import finds it unchanged and changes nothing else.
    const [header, row] = nycFixed.toString('utf8').split('\n');
    const jobId = '01900000-0000-7000-8000-0000000001ab';
    const file = { name: 'one.csv', data: Buffer.from(`${header}\n${row}\n`) };
    const res = await upload(county, '/demand-imports', { mappingId, jobId }, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ jobId, rows: 1, unchanged: 1 });
    const job = await api(county, 'GET', `/demand-imports/${jobId}`);
    expect(job.json()).toMatchObject({ id: jobId, status: 'succeeded', totalRows: 1, processedRows: 1 });
    // Someone else cannot read the job's report.
    expect((await api(grid, 'GET', `/demand-imports/${jobId}`)).statusCode).toBe(404);

    const jobs = await count('import_job');
    const again = await upload(county, '/demand-imports', { mappingId, jobId }, file);
    expect(again.statusCode).toBe(409);
    expect(await count('import_job')).toBe(jobs);
    const bad = await upload(county, '/demand-imports', { mappingId, jobId: 'job-1' }, file);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ field: 'jobId', reason: 'must be a UUID chosen for this import' }]);
  });

  it('exports in the mapping layout with the source values and dates, and the export imports again unchanged', async () => {
    const res = await api(county, 'GET', `/demand-imports/export.xlsx?mappingId=${mappingId}&importedOnly=true`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([...layoutOf(nyc311Config).map((c) => c.header), 'Linli 编号', 'Linli 状态']);
    expect(sheet.rowCount).toBe(2386);
    const rows = new Map<string, Record<string, unknown>>();
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      rows.set(String(values[0]), Object.fromEntries(headers.map((h, i) => [h as string, values[i]])));
    });
    expect(rows.get('26984072')).toMatchObject({
      'Created Date': '12/25/2013 11:59:08 PM',
      'Closed Date': '12/26/2013 01:15:00 AM',
      Status: 'Closed',
      'Complaint Type': 'Blocked Driveway',
      Descriptor: 'No Access / Street/Sidewalk',
      'Incident Address': '952 EAST 58 STREET',
      Latitude: 40.63186547963468,
    });
    expect(rows.get('26985142')).toBeDefined();
    expect(await count('audit_event', `action = 'demand.export'`)).toBe(1);

    const back = await upload(county, '/demand-imports', { mappingId }, { name: 'export.xlsx', data: res.rawPayload });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ rows: 2385, created: 0, updated: 0, unchanged: 2385 });
  }, 120_000);

  it('exports with filters, and only what the caller sees', async () => {
    const rowsOf = async (s: Session, query: string) => {
      const res = await api(s, 'GET', `/demand-imports/export.xlsx?mappingId=${mappingId}${query}`);
      expect(res.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return workbook.worksheets[0]!.rowCount - 1;
    };
    // 46 open at the source, one of them since closed by the update above.
    expect(await rowsOf(county, '&status=submitted&importedOnly=true')).toBe(45);
    // Christmas Day in New York is 25–26 December in Beijing, the days the filter speaks of.
    expect(await rowsOf(county, '&importedOnly=true&from=2013-12-25&to=2013-12-26')).toBe(2385);
    expect(await rowsOf(county, '&importedOnly=true&from=2013-12-26&to=2013-12-31')).toBeGreaterThan(0);
    expect(await rowsOf(county, '&importedOnly=true&from=2013-12-27&to=2013-12-31')).toBe(0);
    // The work orders sit at the county: a community's staff sees none of them.
    expect(await rowsOf(grid, '&importedOnly=true')).toBe(0);
    const bad = await api(county, 'GET', `/demand-imports/export.xlsx?mappingId=${mappingId}&from=2014-01-02&to=2014-01-01`);
    expect(bad.statusCode).toBe(400);
  });

  it('gives the template of a mapping', async () => {
    const res = await api(county, 'GET', `/demand-imports/template.xlsx?mappingId=${mappingId}`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(layoutOf(nyc311Config).map((c) => c.header));
  });

  it('answers bad uploads with 4xx and the field, never 500, writing nothing', async () => {
    const before = await count('demand');
    const notMultipart = await api(county, 'POST', '/demand-imports', { mappingId });
    expect(notMultipart.statusCode).toBe(400);
    const noMapping = await upload(county, '/demand-imports', {}, { name: 'x.csv', data: nycFixed });
    expect(noMapping.json().error.details).toEqual([{ field: 'mappingId', reason: 'must be the id of a saved mapping' }]);
    const unknown = await upload(
      county,
      '/demand-imports',
      { mappingId: '01900000-0000-7000-8000-00000000dead' },
      { name: 'x.csv', data: nycFixed },
    );
    expect(unknown.statusCode).toBe(404);
    const broken = await upload(county, '/demand-imports', { mappingId }, { name: 'x.xlsx', data: Buffer.from('PK not really') });
    expect(broken.statusCode).toBe(422);
    const missing = await upload(
      county,
      '/demand-imports',
      { mappingId },
      { name: 'x.csv', data: Buffer.from('Unique Key,Created Date\n1,12/25/2013 11:59:08 PM\n') },
    );
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details).toContainEqual({ row: 1, column: 'Status', reason: 'column of status is missing from the file' });
    expect((await upload(grid, '/demand-imports', { mappingId }, { name: 'x.csv', data: nycFixed })).statusCode).toBe(403);
    expect(await count('demand')).toBe(before);
  });

  it('refuses a zip bomb and an old .xls with 422 naming the file before reading them, writing nothing', async () => {
    const before = await count('demand');
    const zh = { 'accept-language': 'zh-CN' };
    const send = (name: string, data: Buffer) => {
      const body = multipart({ mappingId }, { name, data });
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/demand-imports',
        headers: { ...county.headers, ...zh, 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    // 200 MB of zeros in a 200 KB workbook; and the same entry with a directory that says 1,000 bytes.
    for (const bomb of [await zipBomb(), await zipBomb(200 * 1024 * 1024, 1000)]) {
      const res = await send('orders.xlsx', bomb);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details).toEqual([
        {
          field: 'file',
          row: 1,
          column: '',
          reason: expect.stringMatching(/^工作簿内有文件.*（疑似压缩炸弹），未读取$/),
          reasonEn: expect.any(String),
        },
      ]);
    }
    for (const name of ['orders.xls', 'orders.csv']) {
      const res = await send(name, oldExcelFile());
      expect(res.statusCode, name).toBe(422);
      expect(res.json().error.details[0].reason).toBe('不支持旧版 Excel（.xls）文件，请另存为 .xlsx 后上传');
    }
    expect(await count('demand')).toBe(before);
  });

  it('deletes a mapping (audited)', async () => {
    expect((await api(grid, 'DELETE', `/demand-imports/mappings/${mappingId}`)).statusCode).toBe(403);
    expect((await api(county, 'DELETE', `/demand-imports/mappings/${mappingId}`)).statusCode).toBe(204);
    expect((await api(county, 'GET', `/demand-imports/mappings/${mappingId}`)).statusCode).toBe(404);
    expect(await count('audit_event', `action = 'demand.import_mapping.delete'`)).toBe(1);
  });
});
