import { dispatchOutbox } from '@linli/notifications';
import { login, type Session } from '@linli/server/test/helpers';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPropertyStaffAndResident, closeE2E, type E2E, newZhContext, PASSWORD, signIn, startE2E } from './support.ts';

// Notifications and the working-day calendar in the browser: the resident reads the progress of a
// demand on the mobile pages, property staff find their assignment under the header bell, the
// county admin adds a day to the calendar.

let e: E2E;
const contexts: BrowserContext[] = [];
let demand: { id: string; number: string; version: number };

async function call(session: Session, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await e.t.app.inject({ method, url: `/api/v1${url}`, headers: session.headers, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  e = await startE2E();
  const tenantId = '370785';
  await addPropertyStaffAndResident(e);
  const [noise] = await e.t.database.query<{ id: string }>("SELECT id FROM demand_category WHERE tenant_id = $1 AND code = 'noise'", [
    tenantId,
  ]);
  const resident = await login(e.t.app, 'resident1', PASSWORD);
  const worker = await login(e.t.app, 'worker1', PASSWORD);
  demand = await call(resident, 'POST', '/demands', {
    type: 'complaint',
    categoryId: noise!.id,
    description: '楼上夜里装修',
    nodeId: e.tree.households[0]!.id,
  });
  await call(worker, 'POST', `/demands/${demand.id}/accept`, {});
  await call(worker, 'POST', `/demands/${demand.id}/dispatch`, { level: 'compound' });
  // The server of these tests runs no background jobs: deliver the outbox here.
  await dispatchOutbox(e.t.deps.db);
});
afterAll(() => closeE2E(e, contexts));

async function newPage(mobile = false): Promise<Page> {
  return (await newZhContext(e, contexts, mobile)).newPage();
}

describe('notifications in the browser', () => {
  it('the resident sees the progress under 消息 and opens the demand from it', async () => {
    const page = await newPage(true);
    await signIn(page, e.url, 'resident1');
    await page.goto(`${e.url}/m/notifications`);
    const items = page.getByTestId('mobile-notification');
    await items.first().waitFor({ timeout: 20_000 });
    const texts = await items.allInnerTexts();
    expect(texts.join('\n')).toContain(`您的诉求 ${demand.number} 已派单办理。`);
    expect(texts.join('\n')).toContain(`您的诉求 ${demand.number} 已受理。`);
    expect(texts.join('\n')).not.toContain('物业人员一');
    await items.first().click();
    await page.waitForURL(new RegExp(`/m/demands/${demand.id}$`), { timeout: 20_000 });
    const resident = await login(e.t.app, 'resident1', PASSWORD);
    expect((await call(resident, 'GET', '/notifications/unread-count')).count).toBe(1);
  });

  it('property staff find the assignment under the bell, and opening it marks it read', async () => {
    const page = await newPage();
    await signIn(page, e.url, 'property1');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.innerText(), { timeout: 20_000 }).toContain('1');
    await bell.click();
    const item = page.getByTestId('notification-item').first();
    await item.waitFor({ timeout: 20_000 });
    expect(await item.innerText()).toContain(`派单：${demand.number}`);
    await item.click();
    await page.waitForURL(new RegExp(`/demands/${demand.id}$`), { timeout: 20_000 });
    const property = await login(e.t.app, 'property1', PASSWORD);
    expect((await call(property, 'GET', '/notifications/unread-count')).count).toBe(0);
  });

  it('the county admin adds a local holiday on the working-day calendar page', async () => {
    const page = await newPage();
    await signIn(page, e.url, 'admin1');
    await page.goto(`${e.url}/demand-calendar`);
    await page.getByTestId('working-calendar-page').waitFor({ timeout: 20_000 });
    await page.getByTestId('calendar-add').click();
    const row = page.getByTestId('calendar-override-row').last();
    const year = new Intl.DateTimeFormat('en-CA', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date());
    await row.locator('input').first().click();
    await row.locator('input').first().fill(`${year}-03-16`);
    await row.locator('input').first().press('Enter');
    await row.getByPlaceholder('名称').fill('地方节日');
    await page.getByTestId('calendar-save').click();
    const admin = await login(e.t.app, 'admin1', PASSWORD);
    await expect
      .poll(async () => (await call(admin, 'GET', `/demand-calendar/${year}`)).overrides, { timeout: 20_000 })
      .toEqual([{ day: `${year}-03-16`, workday: false, name: '地方节日' }]);
  });
});
