import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, printPagesIfFailed, recordTrouble, signIn, startE2E } from './support.ts';

// Open311 接入 in the browser: the county admin registers a client and reads its api key once from
// the modal; the key submits a service request through GeoReport v2. Rotating the key refuses the
// old one and accepts the new; deactivating refuses the client. A community worker has no such page.

// Generous waits: the shared 2-core machine is often loaded by other test runs; nothing here waits on a timer.
const WAIT = 45_000;
const TENANT = '370785';
const CLIENT = '市民通 App';

let e: E2E;
let serviceCode: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  e = await startE2E();
  // A category without required Open311 attributes: its code is the service_code.
  const [category] = await e.t.database.query<{ code: string }>(
    `SELECT code FROM demand_category WHERE tenant_id = $1 AND open311_attributes = '[]'::jsonb ORDER BY code LIMIT 1`,
    [TENANT],
  );
  serviceCode = category!.code;
});
afterEach(printPagesIfFailed(contexts));
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await e?.close();
});

async function newPage(): Promise<Page> {
  const context = await e.browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(WAIT);
  recordTrouble(context);
  contexts.push(context);
  return context.newPage();
}

/** POST /open311/v2/requests.json over HTTP with this key: the status and the parsed body. */
async function submit(apiKey: string, description: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${e.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      api_key: apiKey,
      jurisdiction_id: TENANT,
      service_code: serviceCode,
      address_string: '高密市',
      description,
    }),
  });
  return { status: res.status, body: await res.json() };
}

const demandsWith = async (description: string) =>
  (await e.t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM demand WHERE description = $1', [description]))[0]!.n;

/** The key shown in the key modal, which is then closed. */
async function readKey(page: Page): Promise<string> {
  const shown = page.getByTestId('open311-api-key');
  await shown.waitFor();
  // The warning that the key is not shown again stands beside it.
  await page.getByText('此密钥只显示这一次', { exact: false }).waitFor();
  expect(await shown.locator('.ant-typography-copy').count()).toBe(1);
  const key = /[A-Za-z0-9_-]{43}/.exec(await shown.innerText())?.[0];
  expect(key).toBeDefined();
  await page.getByTestId('open311-key-done').click();
  await shown.waitFor({ state: 'hidden' });
  return key!;
}

const refused = [{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }];

describe('Open311 clients in the browser', { timeout: 240_000 }, () => {
  it('an admin creates a client whose key submits a demand, rotates the key and deactivates the client', async () => {
    const page = await newPage();
    await signIn(page, e.url, 'admin1');
    await page.getByTestId('menu-open311-clients').click();
    await page.getByTestId('open311-clients-page').waitFor();

    await page.getByTestId('open311-create').click();
    const name = page.getByTestId('open311-name');
    await name.fill(CLIENT);
    // The form is ready and holds the name before it is sent.
    expect(await name.inputValue()).toBe(CLIENT);
    await page.getByTestId('open311-create-ok').click();
    const firstKey = await readKey(page);
    const row = page.getByTestId(`open311-row-${CLIENT}`);
    await row.waitFor();
    expect(await row.innerText()).toContain(TENANT);
    expect(await row.innerText()).toContain('从未提交');
    // The key is nowhere on the page once its modal is closed.
    expect(await page.locator('body').innerText()).not.toContain(firstKey);

    const first = await submit(firstKey, '路灯不亮，第一把密钥');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((first.body as { service_request_id: string }[])[0]!.service_request_id).toMatch(/\S/);
    expect(await demandsWith('路灯不亮，第一把密钥')).toBe(1);
    await page.reload();
    await row.waitFor();
    expect(await row.innerText()).not.toContain('从未提交');

    // Rotate: confirm, read the new key once; the old one is refused at once.
    await page.getByTestId(`open311-rotate-${CLIENT}`).click();
    await page.getByTestId('open311-rotate-ok').click();
    const secondKey = await readKey(page);
    expect(secondKey).not.toBe(firstKey);
    const old = await submit(firstKey, '旧密钥提交');
    expect(old).toEqual({ status: 403, body: refused });
    expect(await demandsWith('旧密钥提交')).toBe(0);
    expect((await submit(secondKey, '新密钥提交')).status).toBe(201);

    // Deactivate: the switch turns the client off and its key is refused.
    await page.getByTestId(`open311-active-${CLIENT}`).click();
    await row.locator('.ant-tag', { hasText: '停用' }).waitFor();
    expect(await submit(secondKey, '停用后提交')).toEqual({ status: 403, body: refused });
    expect(await demandsWith('停用后提交')).toBe(0);
  });

  it('a community worker has no Open311 page', async () => {
    const page = await newPage();
    await signIn(page, e.url, 'worker1');
    await page.getByTestId('side-menu').waitFor();
    expect(await page.getByTestId('menu-open311-clients').count()).toBe(0);
    await page.goto(`${e.url}/open311-clients`);
    await page.getByText('403').first().waitFor();
    expect(await page.getByTestId('open311-clients-page').count()).toBe(0);
  });
});
