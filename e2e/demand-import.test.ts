import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccount } from '@linli/accounts/testing';
import { login } from '@linli/server/test/helpers';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, PASSWORD, signIn, startE2E } from './support.ts';

// 12345 work orders in the browser: a county official imports the real NYC 311 export through a saved
// mapping, sees the row errors of the raw file (nothing written), then imports the corrected file.

const WAIT = 45_000;
const TENANT = '370785';
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../modules/demand-import/src/fixtures');
const nycFile = path.join(fixtures, 'nyc311_2013-12-25.csv');
const nyc2022File = path.join(fixtures, 'nyc311_2022-05.csv');

let e: E2E;
let context: BrowserContext;
let mappingName: string;

beforeAll(async () => {
  e = await startE2E();
  await createAccount(e.t.deps.db, {
    tenantId: TENANT,
    username: 'county1',
    displayName: '县热线办一',
    password: PASSWORD,
    grants: [{ role: 'county_staff', nodeId: e.tree.county.id }],
  });
  // The mapping is saved from the built-in preset through the API; the page reuses it.
  const county = await login(e.t.app, 'county1', PASSWORD);
  const presets = await e.t.app.inject({ method: 'GET', url: '/api/v1/demand-imports/presets', headers: county.headers });
  const nyc = presets.json().find((p: { key: string }) => p.key === 'nyc311');
  mappingName = 'NYC 311 工单';
  const saved = await e.t.app.inject({
    method: 'POST',
    url: '/api/v1/demand-imports/mappings',
    headers: county.headers,
    payload: { name: mappingName, config: nyc.config },
  });
  expect(saved.statusCode).toBe(201);
  // Today's export through an older mapping (no channel column, three current types missing from its category
  // map) and through the current preset: the re-import that repairs the first import.
  const now = presets.json().find((p: { key: string }) => p.key === 'nyc311_2022').config;
  const missing = ['Noise - Park', 'Abandoned Vehicle', 'Encampment'];
  const older = {
    ...now,
    columns: { ...now.columns, channel: null },
    valueMaps: {
      ...now.valueMaps,
      category: Object.fromEntries(Object.entries(now.valueMaps.category).filter(([k]) => !missing.includes(k))),
    },
  };
  for (const [name, config] of [
    ['NYC 311 旧映射', older],
    ['NYC 311 (2022)', now],
  ] as const) {
    const res = await e.t.app.inject({
      method: 'POST',
      url: '/api/v1/demand-imports/mappings',
      headers: county.headers,
      payload: { name, config },
    });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await e?.close();
});

async function importPage(mapping = mappingName): Promise<Page> {
  context = await e.browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(WAIT);
  const page = await context.newPage();
  await signIn(page, e.url, 'county1');
  await page.goto(`${e.url}/demand-import`);
  await chooseMapping(page, mapping);
  return page;
}

async function chooseMapping(page: Page, name: string) {
  await page.getByTestId('demand-import-mapping').click();
  await page.locator('.ant-select-item-option', { hasText: name }).click();
}

const demands = async () => (await e.t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM demand'))[0]!.n;

describe('work-order import in the browser', () => {
  it('shows the row errors of the raw export and writes nothing; the corrected file imports every work order', async () => {
    const page = await importPage();
    const before = await demands();

    // The real export has one work order closed before it was created: the whole file is refused, with the row.
    await page.getByTestId('demand-import-file').locator('input[type=file]').setInputFiles(nycFile);
    await page.getByTestId('demand-import-start').click();
    const errors = page.getByTestId('demand-import-errors');
    await errors.waitFor();
    const shown = await errors.innerText();
    expect(shown).toContain('2072');
    expect(shown).toContain('Closed Date');
    expect(await demands()).toBe(before);

    // Without that row, all 2,385 work orders arrive.
    const fs = await import('node:fs');
    const lines = fs.readFileSync(nycFile, 'utf8').split('\n');
    await page
      .getByTestId('demand-import-file')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'nyc311-fixed.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(lines.filter((_, i) => i !== 2071).join('\n')),
      });
    await page.getByTestId('demand-import-start').click();
    const result = page.getByTestId('demand-import-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('2385');
    expect(await demands()).toBe(before + 2385);
    const [job] = await e.t.database.query<{ status: string; total_rows: number; processed_rows: number }>(
      "SELECT status, total_rows, processed_rows FROM import_job WHERE kind = 'demands' AND file_name = 'nyc311-fixed.csv'",
    );
    expect(job).toEqual({ status: 'succeeded', total_rows: 2385, processed_rows: 2385 });
  });

  it('re-imports with category and channel too: shows how many demands would change, then updates them once confirmed', async () => {
    await context?.close();
    const page = await importPage('NYC 311 旧映射');
    const fs = await import('node:fs');
    const { parse } = await import('csv-parse/sync');
    const source = parse(fs.readFileSync(nyc2022File), { columns: true }) as Record<string, string>[];
    const changing = source.filter(
      (r) =>
        ['Noise - Park', 'Abandoned Vehicle', 'Encampment'].includes(r['Complaint Type']!) ||
        ['ONLINE', 'MOBILE'].includes(r['Open Data Channel Type']!),
    ).length;
    const file = page.getByTestId('demand-import-file').locator('input[type=file]');
    await file.setInputFiles(nyc2022File);
    await page.getByTestId('demand-import-start').click();
    await page.getByTestId('demand-import-result').waitFor();
    const classification = async () =>
      (
        await e.t.database.query<{ other: number; phone: number }>(
          `SELECT count(*) FILTER (WHERE c.code = 'other')::int AS other, count(*) FILTER (WHERE d.channel = 'hotline_12345')::int AS phone
           FROM demand d JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id WHERE d.external_id LIKE '5%'`,
        )
      )[0]!;
    const before = await classification();
    expect(before.phone).toBe(source.length);

    // The corrected mapping, with "update category and channel too": the count is shown first, nothing written yet.
    await page.getByRole('button', { name: '再导入一个文件' }).click();
    await chooseMapping(page, 'NYC 311 (2022)');
    await file.setInputFiles(nyc2022File);
    await page.getByTestId('demand-import-update-classification').click();
    await page.getByTestId('demand-import-start').click();
    const preview = page.getByTestId('demand-import-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain(`将有 ${changing} 条已导入的诉求更改分类或渠道`);
    await page.screenshot({ path: '/tmp/h10/demand-import-reclassify-preview.png' });
    expect(await classification()).toEqual(before);

    await page.getByTestId('demand-import-confirm').click();
    const result = page.getByTestId('demand-import-result');
    await result.waitFor();
    expect(await result.innerText()).toContain(`更新 ${changing} 条`);
    const after = await classification();
    expect(after.phone).toBeLessThan(before.phone);
    expect(after.other).toBeLessThan(before.other);
  });
});
