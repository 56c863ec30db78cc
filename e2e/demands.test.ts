import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { login, type Session } from '@linli/server/test/helpers';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addPropertyStaffAndResident,
  clickUntilShown,
  closeE2E,
  type E2E,
  newZhContext,
  PASSWORD,
  printPagesIfFailed,
  signIn,
  startE2E,
} from './support.ts';

// The demands screens in the browser: one server per file; staff act through the inbox and the
// detail page, the resident through the mobile pages. Each test asserts what the user sees.

// Generous waits: the shared 2-core machine is often loaded by other test runs; nothing here waits on a timer.
const WAIT = 45_000;

let e: E2E;
let categories: Record<string, string>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  e = await startE2E();
  const tenantId = '370785';
  await addPropertyStaffAndResident(e);
  const rows = await e.t.database.query<{ code: string; id: string }>('SELECT code, id FROM demand_category WHERE tenant_id = $1', [
    tenantId,
  ]);
  categories = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
afterEach(printPagesIfFailed(contexts));
afterAll(() => closeE2E(e, contexts));

async function newPage(mobile = false): Promise<Page> {
  const context = await newZhContext(
    e,
    contexts,
    mobile,
    // The phone's position (高密市) for "add my current location".
    mobile ? { geolocation: { latitude: 36.38264, longitude: 119.75531 }, permissions: ['geolocation'] } : {},
  );
  context.setDefaultTimeout(WAIT);
  return context.newPage();
}

async function api(session: Session, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await e.t.app.inject({ method, url: `/api/v1${url}`, headers: session.headers, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; number: string; version: number; status: string };
}

/** A resident's submission through the API, as the seed of a staff test. */
async function submitAsResident(description: string) {
  const resident = await login(e.t.app, 'resident1', PASSWORD);
  return api(resident, 'POST', '/demands', {
    type: 'complaint',
    categoryId: categories.noise,
    description,
    nodeId: e.tree.households[0]!.id,
  });
}

/** A 1×1 PNG on disk, for the photo inputs. */
function photo(name: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-')), name);
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  fs.writeFileSync(file, Buffer.from(png, 'base64'));
  return file;
}

/** Every image in the element has loaded from the server (a broken one has no natural width). */
async function imagesLoaded(page: Page, testId: string): Promise<number> {
  return page
    .getByTestId(testId)
    .locator('img')
    .evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0).length);
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

async function kpi(page: Page, key: string): Promise<string> {
  await page.goto(`${e.url}/demands/dashboard`);
  await page.getByTestId('demand-dashboard').waitFor();
  // The KPI request has answered once the submitted count is a number.
  await expect.poll(() => text(page, 'kpi-submitted'), { timeout: WAIT }).toMatch(/\d/);
  return text(page, `kpi-${key}`);
}

async function act(page: Page, action: string, fill?: () => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId(`action-form-${action}`).waitFor();
  await fill?.();
  await page.getByTestId('action-submit').click();
  await page.getByTestId(`action-form-${action}`).waitFor({ state: 'detached', timeout: WAIT });
}

/**
 * Picks the reply template that holds `template` from the open dropdown and waits until it is in the
 * form's text field (a click on an option still animating in can miss under load).
 */
async function chooseReplyTemplate(page: Page, action: string, template: string) {
  await page.getByTestId('reply-template').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: template }).click();
  await expect
    .poll(() => page.getByTestId(`action-form-${action}`).locator('textarea').first().inputValue(), { timeout: WAIT })
    .toContain(template);
}

describe('demands in the browser', { timeout: 240_000 }, () => {
  it('staff inbox → accept → bulk dispatch → property staff start and resolve, with the KPI moving', async () => {
    const first = await submitAsResident('楼上夜间装修噪音扰民，已经持续一周');
    const second = await submitAsResident('楼下广场舞音响声音太大');

    const staff = await newPage();
    await signIn(staff, e.url, 'worker1');
    await staff.getByTestId('menu-demands').click();
    await staff.getByTestId('inbox-tab-to_accept').click();
    await staff.getByTestId(`demand-link-${first.number}`).waitFor({ timeout: WAIT });
    expect(await text(staff, 'inbox-table')).toContain(second.number);

    // Accept both on their detail pages: the timeline shows the new status.
    for (const d of [first, second]) {
      await staff.getByTestId(`demand-link-${d.number}`).click();
      await staff.getByTestId('demand-detail').waitFor();
      expect(await text(staff, 'demand-timeline')).toContain('待受理');
      await act(staff, 'accept', () => chooseReplyTemplate(staff, 'accept', '您的诉求已受理'));
      await expect.poll(() => text(staff, 'demand-timeline'), { timeout: WAIT }).toContain('待派单');
      expect(await text(staff, 'demand-timeline')).toContain('您的诉求已受理');
      await staff.goBack();
      await staff.getByTestId('inbox-table').waitFor();
    }

    // Bulk dispatch from the 待派单 tab: both go, each with its own result.
    await staff.getByTestId('inbox-tab-to_dispatch').click();
    for (const d of [first, second]) {
      const row = staff.locator('tr', { has: staff.getByTestId(`demand-link-${d.number}`) });
      await row.waitFor({ timeout: WAIT });
      await row.locator('input[type=checkbox]').check();
    }
    await staff.getByTestId('bulk-dispatch').click();
    await clickUntilShown(staff.getByTestId('bulk-start'), staff.getByTestId('bulk-progress'));
    await expect.poll(() => text(staff, 'bulk-summary'), { timeout: WAIT }).toContain('成功 2 条，失败 0 条');
    expect(await text(staff, `bulk-row-${first.number}`)).toContain('已派单');
    await staff.getByTestId('bulk-close').click();
    await expect.poll(() => text(staff, 'inbox-table'), { timeout: WAIT }).not.toContain(first.number);

    expect(await kpi(staff, 'resolutionRate')).toContain('0.0%');

    // Property staff of the compound find it in their inbox, start and resolve it.
    const property = await newPage();
    await signIn(property, e.url, 'property1');
    await property.goto(`${e.url}/demands?tab=in_progress`);
    await property.getByTestId(`demand-link-${first.number}`).click();
    await property.getByTestId('demand-detail').waitFor();
    expect(await text(property, 'demand-unit')).toBe(e.tree.compounds[0]!.name);
    await act(property, 'start');
    await expect.poll(() => text(property, 'demand-timeline'), { timeout: WAIT }).toContain('办理中');
    await act(property, 'resolve', async () => {
      await property.getByTestId('action-result').fill('已上门协调，装修时间调整为白天，噪音问题已解决');
      await property.locator('[data-testid=resolve-photos] input[type=file]').setInputFiles(photo('现场.png'));
      await property.locator('.ant-upload-list-item-done').waitFor({ timeout: WAIT });
    });
    await expect.poll(() => text(property, 'demand-timeline'), { timeout: WAIT }).toContain('已办结');
    expect(await text(property, 'demand-result')).toContain('噪音问题已解决');
    expect(await text(property, 'demand-status')).toBe('已办结');
    await expect.poll(() => imagesLoaded(property, 'demand-attachments'), { timeout: WAIT }).toBe(1);
    // Printed, the detail keeps its facts and timeline but loses the menu and the action buttons.
    await property.emulateMedia({ media: 'print' });
    expect(await property.getByTestId('side-menu').isVisible()).toBe(false);
    expect(await property.getByTestId('demand-actions').isVisible()).toBe(false);
    expect(await property.getByTestId('demand-timeline').isVisible()).toBe(true);
    await property.emulateMedia({ media: 'screen' });
    expect(await property.getByTestId('demand-actions').isVisible()).toBe(true);

    // One of the two accepted demands is resolved: the dispatcher's dashboard shows 50 %.
    expect(await kpi(staff, 'resolutionRate')).toContain('50.0%');
    // The rankings of compounds: with a minimum sample of one resolved demand, the compound ranks first.
    const rankings = staff.getByTestId('kpi-rankings');
    await rankings.locator('input.ant-input-number-input').fill('1');
    await expect
      .poll(() => rankings.locator('tbody tr', { hasText: e.tree.compounds[0]!.name }).innerText(), { timeout: WAIT })
      .toMatch(/^1\s/);
    // The table says what it is ranked by: 按期办结率, right after the unit, with a descending arrow.
    const headers = await rankings.locator('thead th').allInnerTexts();
    expect(headers.slice(0, 4).map((h) => h.trim())).toEqual(['名次', '单位', '按期办结率', '满意率']);
    expect(
      await rankings
        .getByTestId('ranking-sorted-column')
        .getByRole('img', { name: /按按期办结率从高到低排名/ })
        .count(),
    ).toBe(1);
  });

  it('bulk dispatch reports each row: one changed meanwhile fails with the reason, the other goes', async () => {
    const worker = await login(e.t.app, 'worker1', PASSWORD);
    const a = await submitAsResident('地下车库积水');
    const b = await submitAsResident('地下车库照明不足');
    for (const d of [a, b]) await api(worker, 'POST', `/demands/${d.id}/accept`, {});

    const staff = await newPage();
    await signIn(staff, e.url, 'worker1');
    await staff.goto(`${e.url}/demands?tab=to_dispatch`);
    for (const d of [a, b]) {
      const row = staff.locator('tr', { has: staff.getByTestId(`demand-link-${d.number}`) });
      await row.waitFor({ timeout: WAIT });
      await row.locator('input[type=checkbox]').check();
    }
    await staff.getByTestId('bulk-dispatch').click();
    for (const d of [a, b]) await staff.getByTestId(`bulk-row-${d.number}`).waitFor({ timeout: WAIT });
    // A colleague dispatches one of them while the dialog is open.
    await api(worker, 'POST', `/demands/${a.id}/dispatch`, {});
    await clickUntilShown(staff.getByTestId('bulk-start'), staff.getByTestId('bulk-progress'));
    await expect.poll(() => text(staff, 'bulk-summary'), { timeout: WAIT }).toContain('成功 1 条，失败 1 条');
    expect(await text(staff, `bulk-row-${a.number}`)).toContain('已被他人更新（当前状态：已派单）');
    expect(await text(staff, `bulk-row-${b.number}`)).toContain('已派单');
    const rows = await e.t.database.query<{ id: string; status: string }>('SELECT id, status FROM demand WHERE id = ANY($1::uuid[])', [
      [a.id, b.id],
    ]);
    expect(rows.map((r) => r.status)).toEqual(['dispatched', 'dispatched']);

    // The inbox and the KPIs download as Excel workbooks (zip files).
    await staff.getByTestId('bulk-close').click();
    for (const [where, button] of [
      ['/demands', 'export-excel'],
      ['/demands/dashboard', 'kpi-export'],
    ] as const) {
      await staff.goto(`${e.url}${where}`);
      const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByTestId(button).click()]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = await download.path();
      expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('staff record a caller’s demand with the intake form and land on its detail', async () => {
    const staff = await newPage();
    await signIn(staff, e.url, 'worker1');
    await staff.goto(`${e.url}/demands`);
    await staff.getByTestId('intake-open').click();
    await staff.getByTestId('intake-description').fill('来电反映：社区活动室空调漏水');
    await staff.getByTestId('intake-place').click();
    await staff.locator('.ant-select-tree-node-content-wrapper', { hasText: e.tree.communities[0]!.name }).first().click();
    await staff.getByTestId('intake-category').click();
    await staff.locator('.ant-select-tree-node-content-wrapper', { hasText: '环境卫生' }).first().click();
    await staff.locator('#reporterName').fill('张先生');
    await staff.locator('#reporterPhone').fill('13912345678');
    await staff.getByTestId('intake-submit').click();
    await staff.waitForURL(/\/demands\/[0-9a-f-]{36}$/, { timeout: WAIT });
    await staff.getByTestId('demand-detail').waitFor();
    expect(await text(staff, 'demand-status')).toBe('待受理');
    expect(await text(staff, 'demand-description')).toBe('来电反映：社区活动室空调漏水');
    const detail = await staff.getByTestId('demand-detail').innerText();
    expect(detail).toContain('12345热线');
    // The contact is shown masked, never in full.
    expect(detail).toContain('139****5678');
    expect(detail).not.toContain('13912345678');
    // A callback needs the number: revealing it shows it in full and leaves an audit record.
    await staff.getByTestId('reveal-contact').click();
    await expect.poll(() => text(staff, 'demand-reporter'), { timeout: WAIT }).toContain('13912345678');
    const id = staff.url().split('/').pop()!;
    const audits = await e.t.database.query<{ result: string }>(
      "SELECT result FROM audit_event WHERE action = 'demand.reveal' AND target_id = $1",
      [id],
    );
    expect(audits.map((a) => a.result)).toEqual(['ok']);
  });

  it('a callback from the 待回访 tab takes the demand off that tab and shows in its timeline', async () => {
    const d = await submitAsResident('消防通道被车辆占用');
    const worker = await login(e.t.app, 'worker1', PASSWORD);
    const propertyStaff = await login(e.t.app, 'property1', PASSWORD);
    await api(worker, 'POST', `/demands/${d.id}/accept`, {});
    await api(worker, 'POST', `/demands/${d.id}/dispatch`, { level: 'compound' });
    await api(propertyStaff, 'POST', `/demands/${d.id}/resolve`, { result: '已联系车主挪车并设置禁停标识' });

    const staff = await newPage();
    await signIn(staff, e.url, 'worker1');
    const tab = `${e.url}/demands?tab=to_callback&q=${d.number}`;
    await staff.goto(tab);
    await expect.poll(() => text(staff, 'inbox-count'), { timeout: WAIT }).toContain('共 1 条');
    await staff.getByTestId(`demand-link-${d.number}`).click();
    await act(staff, 'callback', async () => {
      await staff.getByTestId('action-form-callback').getByText('已联系上', { exact: true }).click();
      await staff.getByTestId('action-form-callback').getByText('满意', { exact: true }).click();
      await chooseReplyTemplate(staff, 'callback', '已电话回访');
    });
    await expect.poll(() => text(staff, 'demand-timeline'), { timeout: WAIT }).toContain('回访');
    expect(await text(staff, 'demand-timeline')).toContain('已电话回访');
    await staff.goto(tab);
    await expect.poll(() => text(staff, 'inbox-count'), { timeout: WAIT }).toContain('共 0 条');
    const callbacks = await e.t.database.query<{ satisfaction: string }>('SELECT satisfaction FROM demand_callback WHERE demand_id = $1', [
      d.id,
    ]);
    expect(callbacks.map((c) => c.satisfaction)).toEqual(['satisfied']);
  });

  it('dispatch from the detail to a chosen level and unit (大事社区办)', async () => {
    const d = await submitAsResident('小区与社区道路交界处路面塌陷');
    const worker = await login(e.t.app, 'worker1', PASSWORD);
    await api(worker, 'POST', `/demands/${d.id}/accept`, {});
    const community = e.tree.communities[0]!.name;

    const staff = await newPage();
    await signIn(staff, e.url, 'worker1');
    await staff.goto(`${e.url}/demands/${d.id}`);
    await act(staff, 'dispatch', async () => {
      await staff.getByTestId('action-level').click();
      await staff.locator('.ant-select-item-option', { hasText: '社区' }).first().click();
      await staff.getByTestId('action-unit').click();
      await staff.locator('.ant-select-item-option', { hasText: community }).click();
    });
    await expect.poll(() => text(staff, 'demand-unit'), { timeout: WAIT }).toBe(community);
    expect(await text(staff, 'demand-timeline')).toContain(`派往 ${community}`);
    expect(await text(staff, 'demand-status')).toBe('已派单');
  });

  it('a stale form gets 409 "someone else changed this demand" and keeps what was typed', async () => {
    const d = await submitAsResident('小区门口路灯不亮');
    const staff = await newPage();
    await signIn(staff, e.url, 'worker1');
    await staff.goto(`${e.url}/demands/${d.id}`);
    await staff.getByTestId('action-reject').click();
    await staff.getByTestId('action-reason').fill('不属于受理范围');
    // Meanwhile a colleague accepts it.
    const colleague = await login(e.t.app, 'worker1', PASSWORD);
    await api(colleague, 'POST', `/demands/${d.id}/accept`, {});
    await staff.getByTestId('action-submit').click();
    await staff.getByTestId('action-conflict').waitFor({ timeout: WAIT });
    expect(await text(staff, 'action-conflict')).toContain('此诉求已被他人更新');
    expect(await text(staff, 'action-conflict')).toContain('当前状态：待派单');
    expect(await staff.getByTestId('action-reason').inputValue()).toBe('不属于受理范围');
    const rows = await e.t.database.query<{ status: string }>('SELECT status FROM demand WHERE id = $1', [d.id]);
    expect(rows[0]?.status).toBe('accepted');
  });

  it('resident submit → staff resolve → resident evaluate, with the satisfaction rate moving', async () => {
    const staff = await newPage();
    await signIn(staff, e.url, 'worker1');
    expect(await kpi(staff, 'satisfactionRate')).toContain('—');

    const phone = await newPage(true);
    await signIn(phone, e.url, 'resident1');
    await phone.getByTestId('mobile-report').click();
    await phone.getByTestId('m-submit-demand').waitFor();
    await phone.getByTestId('m-description').locator('textarea').fill('3号楼东侧垃圾桶满了没人清运，气味很大');
    await phone.getByTestId('m-category').getByText('环境卫生', { exact: true }).click();
    await phone.getByTestId('m-locate').click();
    await expect.poll(() => text(phone, 'm-position'), { timeout: WAIT }).toBe('36.38264, 119.75531');
    await phone.locator('.adm-image-uploader input[type=file]').setInputFiles(photo('垃圾桶.png'));
    await phone.locator('.adm-image-uploader-cell img').waitFor({ timeout: WAIT });
    const keys: string[] = [];
    phone.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/demands') keys.push(r.headers()['idempotency-key'] ?? '');
    });
    await phone.getByTestId('m-submit').click();
    // Open demands similar to this one may be offered first; this is a different problem.
    const anyway = phone.getByTestId('m-submit-anyway');
    await Promise.race([phone.waitForURL(/\/m\/demands\/[0-9a-f-]{36}$/, { timeout: WAIT }), anyway.waitFor({ timeout: WAIT })]);
    if (await anyway.isVisible()) await anyway.click();
    await phone.waitForURL(/\/m\/demands\/[0-9a-f-]{36}$/, { timeout: WAIT });
    await phone.getByTestId('m-demand-view').waitFor();
    expect(await text(phone, 'm-timeline')).toContain('待受理');
    const id = phone.url().split('/').pop()!;
    const stored = await e.t.database.query<{ number: string; description: string; lat: number; lng: number }>(
      'SELECT number, description, lat, lng FROM demand WHERE description LIKE $1',
      ['3号楼东侧垃圾桶%'],
    );
    expect(stored).toHaveLength(1);
    expect([stored[0]!.lat, stored[0]!.lng]).toEqual([36.38264, 119.75531]);
    // The submission carried a UUID as Idempotency-Key, so a retry after a lost answer creates nothing new.
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await expect.poll(() => imagesLoaded(phone, 'm-photos'), { timeout: WAIT }).toBe(1);

    // Staff take it through to resolution (their screens are covered above).
    const worker = await login(e.t.app, 'worker1', PASSWORD);
    const propertyStaff = await login(e.t.app, 'property1', PASSWORD);
    await api(worker, 'POST', `/demands/${id}/accept`, {});
    await api(worker, 'POST', `/demands/${id}/dispatch`, { level: 'compound' });
    await api(propertyStaff, 'POST', `/demands/${id}/start`, {});
    await api(propertyStaff, 'POST', `/demands/${id}/resolve`, { result: '已安排保洁清运并消毒' });

    // The resident sees the result and the steps, then evaluates.
    await phone.reload();
    await phone.getByTestId('m-evaluate').waitFor({ timeout: WAIT });
    expect(await text(phone, 'm-demand-result')).toContain('已安排保洁清运并消毒');
    const steps = await text(phone, 'm-timeline');
    for (const status of ['待受理', '待派单', '已派单', '办理中', '已办结']) expect(steps).toContain(status);
    await phone.getByTestId('m-satisfaction').getByText('满意', { exact: true }).click();
    await phone.getByTestId('m-evaluate-submit').click();
    await expect.poll(() => text(phone, 'm-timeline'), { timeout: WAIT }).toContain('已评价');
    expect(await text(phone, 'm-demand-status')).toBe('已评价');
    expect(await phone.getByTestId('m-evaluate').count()).toBe(0);

    // Back to my demands: it is listed with its number.
    await phone.locator('.adm-nav-bar-back').click();
    await expect.poll(() => text(phone, 'm-my-demands'), { timeout: WAIT }).toContain(stored[0]!.number);

    expect(await kpi(staff, 'satisfactionRate')).toContain('100.0%');
  });
  it('a resident writing the same problem again is shown the open demand and need not submit twice', async () => {
    const first = await submitAsResident('单元门门禁坏了，外人随意进出');
    const phone = await newPage(true);
    await signIn(phone, e.url, 'resident1');
    await phone.goto(`${e.url}/m/demands/new`);
    await phone.getByTestId('m-description').locator('textarea').fill('单元门门禁坏了，外人随意进出');
    await phone.getByTestId('m-category').getByText('环境卫生', { exact: true }).click();
    await phone.getByTestId('m-submit').click();
    await phone.getByTestId('m-similar').waitFor({ timeout: WAIT });
    expect(await text(phone, 'm-similar')).toContain(first.number);
    await phone.getByTestId('m-same-problem').click();
    await phone.getByTestId('m-my-demands').waitFor();
    const rows = await e.t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM demand WHERE description = $1', [
      '单元门门禁坏了，外人随意进出',
    ]);
    expect(rows[0]?.n).toBe(1);
  });

  it('a dissatisfied resident reopens the demand from their phone', async () => {
    const d = await submitAsResident('楼道灯坏了');
    const worker = await login(e.t.app, 'worker1', PASSWORD);
    const propertyStaff = await login(e.t.app, 'property1', PASSWORD);
    const resident = await login(e.t.app, 'resident1', PASSWORD);
    await api(worker, 'POST', `/demands/${d.id}/accept`, {});
    await api(worker, 'POST', `/demands/${d.id}/dispatch`, { level: 'compound' });
    await api(propertyStaff, 'POST', `/demands/${d.id}/resolve`, { result: '已更换灯泡' });
    await api(resident, 'POST', `/demands/${d.id}/evaluate`, { satisfaction: 'dissatisfied' });

    const phone = await newPage(true);
    await signIn(phone, e.url, 'resident1');
    await phone.goto(`${e.url}/m/demands/${d.id}`);
    await phone.getByTestId('m-reopen').waitFor({ timeout: WAIT });
    await phone.getByTestId('m-reopen-reason').locator('textarea').fill('换了以后第二天又不亮了');
    await phone.getByTestId('m-reopen-submit').click();
    await expect.poll(() => text(phone, 'm-timeline'), { timeout: WAIT }).toContain('重办');
    expect(await text(phone, 'm-demand-status')).toBe('已派单');
    expect(await phone.getByTestId('m-reopen').count()).toBe(0);
  });

  it('shows every string of the inbox and the detail in English after switching the language', async () => {
    const d = await submitAsResident('小区健身器材损坏');
    const staff = await newPage();
    await signIn(staff, e.url, 'worker1');
    await staff.goto(`${e.url}/demands`);
    await staff.getByTestId('language-switch').getByText('EN').click();
    await expect.poll(() => text(staff, 'demand-inbox'), { timeout: WAIT }).toContain('To accept');
    await staff.getByTestId(`demand-link-${d.number}`).click();
    await staff.getByTestId('demand-detail').waitFor();
    const page = await staff.locator('body').innerText();
    expect(page).toContain('Timeline');
    expect(page).toContain('Accept');
    // An untranslated key would show as its path.
    expect(page).not.toMatch(/demands\.[a-z]+\.[a-zA-Z_]+/);
  });
});
