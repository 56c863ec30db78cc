import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { login, type Session } from '@linli/server/test/helpers';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addPropertyStaffAndResident,
  closeE2E,
  type E2E,
  newZhContext,
  PASSWORD,
  printPagesIfFailed,
  signIn,
  startE2E,
} from './support.ts';

// The demand screens as people use them, where they used to mislead: a suggested category that
// replaced the resident's choice, a failed photo dropped without a word, a deadline badge about an
// unnamed deadline, an empty callback that counted, text cut at 5,000 characters without a word, and
// an inbox wider than the screen. Each test asserts what the person sees and what was stored.

const WAIT = 45_000;
const tenantId = '370785';

let e: E2E;
let categories: Record<string, string>;
const contexts: BrowserContext[] = [];
const shots = process.env.E2E_SCREENSHOTS;

beforeAll(async () => {
  e = await startE2E();
  await addPropertyStaffAndResident(e);
  const rows = await e.t.database.query<{ code: string; id: string }>('SELECT code, id FROM demand_category WHERE tenant_id = $1', [
    tenantId,
  ]);
  categories = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
afterEach(printPagesIfFailed(contexts));
afterAll(() => closeE2E(e, contexts));

async function newPage(mobile = false): Promise<Page> {
  const context = await newZhContext(e, contexts, mobile);
  context.setDefaultTimeout(WAIT);
  return context.newPage();
}

/** A screenshot for a person to look at, when E2E_SCREENSHOTS names a folder. */
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

async function api(session: Session, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await e.t.app.inject({ method, url: `/api/v1${url}`, headers: session.headers, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; number: string; version: number; status: string };
}

async function submitAsResident(description: string) {
  const resident = await login(e.t.app, 'resident1', PASSWORD);
  return api(resident, 'POST', '/demands', {
    type: 'complaint',
    categoryId: categories.noise,
    description,
    nodeId: e.tree.households[0]!.id,
  });
}

/** A demand taken through to 已办结 over the API. */
async function resolvedDemand(description: string) {
  const d = await submitAsResident(description);
  const worker = await login(e.t.app, 'worker1', PASSWORD);
  const property = await login(e.t.app, 'property1', PASSWORD);
  await api(worker, 'POST', `/demands/${d.id}/accept`, {});
  await api(worker, 'POST', `/demands/${d.id}/dispatch`, { level: 'compound' });
  await api(property, 'POST', `/demands/${d.id}/resolve`, { result: '已处理完毕' });
  return d;
}

function tempFile(name: string, bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-')), name);
  fs.writeFileSync(file, bytes);
  return file;
}
const png = () =>
  tempFile(
    '现场.png',
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  );
/** Named like a photo, but text inside: the server refuses it by its content. */
const notAPhoto = () => tempFile('说明.png', Buffer.from('这不是一张照片，只是一段文字。'.repeat(20), 'utf8'));
/** A JPEG over the 10 MB limit of a photo (a JPEG signature, then zeros). */
const hugePhoto = () => tempFile('大图.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(11 * 1024 * 1024)]));

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
const countRows = async (sql: string, params: unknown[]) => (await e.t.database.query<{ n: number }>(sql, params))[0]!.n;

describe('the demand screens without traps', { timeout: 240_000 }, () => {
  it('the phone form shows a suggested category beside the resident’s choice and never replaces it', async () => {
    const phone = await newPage(true);
    await signIn(phone, e.url, 'resident1');
    await phone.goto(`${e.url}/m/demands/new`);
    const description = '5号楼楼道里有人飞线给电动车充电，电线裸露在外面，很危险';
    await phone.getByTestId('m-description').locator('textarea').fill(description);
    // Leaving the description asks for a suggestion; the resident taps 物业管理 meanwhile.
    const suggested = phone.waitForResponse((r) => r.url().endsWith('/api/v1/demands/suggest') && r.request().method() === 'POST');
    await phone.getByTestId('m-category').getByText('物业管理', { exact: true }).click();
    await suggested;
    const suggestion = phone.getByTestId('m-category-suggestion');
    await expect.poll(() => suggestion.innerText(), { timeout: WAIT }).toContain('建议：安全隐患');
    expect(await suggestion.innerText()).toContain('采用');
    // Still the resident's choice.
    const chosen = phone.getByTestId('m-category').locator('.adm-selector-item-active');
    expect(await chosen.innerText()).toBe('物业管理');
    await shot(phone, 'phone-category-suggestion');

    await phone.getByTestId('m-submit').click();
    const anyway = phone.getByTestId('m-submit-anyway');
    await Promise.race([phone.waitForURL(/\/m\/demands\/[0-9a-f-]{36}$/, { timeout: WAIT }), anyway.waitFor({ timeout: WAIT })]);
    if (await anyway.isVisible()) await anyway.click();
    await phone.waitForURL(/\/m\/demands\/[0-9a-f-]{36}$/, { timeout: WAIT });
    const stored = await e.t.database.query<{ code: string }>(
      'SELECT c.code FROM demand d JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id WHERE d.description = $1',
      [description],
    );
    expect(stored).toEqual([{ code: 'property' }]);
  });

  it('the resident adopts the suggestion only by tapping 采用', async () => {
    const phone = await newPage(true);
    await signIn(phone, e.url, 'resident1');
    await phone.goto(`${e.url}/m/demands/new`);
    await phone.getByTestId('m-description').locator('textarea').fill('楼里燃气管道有异味，怀疑漏气，这几天一直能闻到');
    const suggested = phone.waitForResponse((r) => r.url().endsWith('/api/v1/demands/suggest'));
    await phone.getByTestId('m-description').locator('textarea').blur();
    await suggested;
    await phone.getByTestId('m-category-adopt').click();
    expect(await phone.getByTestId('m-category').locator('.adm-selector-item-active').innerText()).toBe('安全隐患');
  });

  it('a photo that fails says why in Chinese on the phone and blocks the submission until it is removed', async () => {
    const phone = await newPage(true);
    await signIn(phone, e.url, 'resident1');
    await phone.goto(`${e.url}/m/demands/new`);
    const description = '单元门口的台阶破损了，老人容易绊倒';
    await phone.getByTestId('m-description').locator('textarea').fill(description);
    await phone.getByTestId('m-category').getByText('物业管理', { exact: true }).click();
    const input = phone.locator('.adm-image-uploader input[type=file]');
    // Refused by the server for its content, and refused before upload for its size.
    await input.setInputFiles(notAPhoto());
    await expect.poll(() => text(phone, 'm-photo-errors'), { timeout: WAIT }).toContain('说明.png');
    await input.setInputFiles(hugePhoto());
    await expect.poll(() => text(phone, 'm-photo-errors'), { timeout: WAIT }).toContain('大图.jpg');
    const errors = await text(phone, 'm-photo-errors');
    expect(errors).toMatch(/不是.*照片|文件类型/);
    expect(errors).toContain('超过 10 MB');
    expect(await phone.getByTestId('m-submit').isDisabled()).toBe(true);
    // 移除 stays on one line beside a long reason (it wrapped to 移/除 at 390 px).
    for (const remove of await phone.getByTestId('m-photo-remove').all()) {
      expect((await remove.boundingBox())!.height).toBeLessThan(36);
    }
    // The second row of categories is named as what it is, not a second 分类.
    const labels = await phone.locator('.adm-form-item-label').allInnerTexts();
    expect(labels.filter((l) => l.replace(/[*\s]/g, '') === '分类')).toHaveLength(1);
    expect(labels.some((l) => l.includes('具体问题'))).toBe(true);
    await shot(phone, 'phone-photo-errors');
    await phone.getByTestId('m-submit').click({ force: true });
    expect(await countRows('SELECT count(*)::int AS n FROM demand WHERE description = $1', [description])).toBe(0);

    // Removed and replaced by a real photo, the demand goes with it.
    for (let i = 0; i < 2; i++) await phone.getByTestId('m-photo-errors').getByRole('button').first().click();
    expect(await phone.getByTestId('m-photo-errors').count()).toBe(0);
    await input.setInputFiles(png());
    await phone.locator('.adm-image-uploader-cell img').waitFor({ timeout: WAIT });
    await expect.poll(() => phone.getByTestId('m-submit').isDisabled(), { timeout: WAIT }).toBe(false);
    await phone.getByTestId('m-submit').click();
    const anyway = phone.getByTestId('m-submit-anyway');
    await Promise.race([phone.waitForURL(/\/m\/demands\/[0-9a-f-]{36}$/, { timeout: WAIT }), anyway.waitFor({ timeout: WAIT })]);
    if (await anyway.isVisible()) await anyway.click();
    await phone.waitForURL(/\/m\/demands\/[0-9a-f-]{36}$/, { timeout: WAIT });
    expect(
      await countRows(
        `SELECT count(*)::int AS n FROM demand_attachment a JOIN demand d ON d.tenant_id = a.tenant_id AND d.id = a.demand_id
         WHERE d.description = $1`,
        [description],
      ),
    ).toBe(1);
  });

  it('a photo that fails at staff intake says why and blocks saving until it is removed', async () => {
    const staff = await newPage();
    await signIn(staff, e.url, 'worker1');
    await staff.goto(`${e.url}/demands`);
    await staff.getByTestId('intake-open').click();
    await staff.getByTestId('intake-description').fill('来电反映：小区东门道闸坏了');
    await staff.locator('[data-testid=intake-photos] input[type=file]').setInputFiles(notAPhoto());
    await expect.poll(() => text(staff, 'intake-photos-errors'), { timeout: WAIT }).toContain('说明.png');
    expect(await text(staff, 'intake-photos-errors')).toMatch(/不是.*照片|文件类型/);
    expect(await staff.getByTestId('intake-submit').isDisabled()).toBe(true);
    await shot(staff, 'staff-intake-photo-error');
  });

  it('text longer than 5,000 characters is not cut: the forms count it and refuse it', async () => {
    const long = `${'楼下商铺的油烟直接排到楼道里，'.repeat(340)}完`; // 5,101 characters
    expect([...long].length).toBeGreaterThan(5000);
    const phone = await newPage(true);
    await signIn(phone, e.url, 'resident1');
    await phone.goto(`${e.url}/m/demands/new`);
    const area = phone.getByTestId('m-description').locator('textarea');
    await area.fill(long);
    expect((await area.inputValue()).length).toBe(long.length);
    await phone.getByTestId('m-category').getByText('环境卫生', { exact: true }).click();
    await expect.poll(() => text(phone, 'm-submit-demand'), { timeout: WAIT }).toContain(`${long.length} / 5000`);
    await phone.getByTestId('m-submit').click();
    await expect.poll(() => text(phone, 'm-submit-demand'), { timeout: WAIT }).toContain('超出 5000 字');
    await shot(phone, 'phone-text-too-long');
    expect(await countRows('SELECT count(*)::int AS n FROM demand WHERE description LIKE $1', ['楼下商铺的油烟直接排到楼道里%'])).toBe(0);

    const staff = await newPage();
    await signIn(staff, e.url, 'worker1');
    await staff.goto(`${e.url}/demands`);
    await staff.getByTestId('intake-open').click();
    const intake = staff.getByTestId('intake-description');
    await intake.fill(long);
    expect((await intake.inputValue()).length).toBe(long.length);
    await staff.getByTestId('intake-submit').click();
    await expect.poll(() => text(staff, 'intake-form'), { timeout: WAIT }).toContain('超出 5000 字');
    expect(await text(staff, 'intake-form')).toContain(`${long.length} / 5000`);
    await shot(staff, 'staff-intake-text-too-long');
  });

  it('deadline badges name their deadline; 即将超期 holds demands whose resolution deadline is near, not new ones', async () => {
    const fresh = await submitAsResident('刚提交的诉求：楼道声控灯不亮');
    const near = await submitAsResident('办结时限将到：小区路面坑洼');
    const worker = await login(e.t.app, 'worker1', PASSWORD);
    await api(worker, 'POST', `/demands/${near.id}/accept`, {});
    // Filed four days ago, its resolution deadline is in five hours.
    await e.t.database.query(
      `UPDATE demand SET submitted_at = now() - interval '4 days', response_due_at = now() - interval '3 days',
         responded_at = now() - interval '4 days' + interval '1 hour', resolve_due_at = now() + interval '5 hours' WHERE id = $1`,
      [near.id],
    );

    const staff = await newPage();
    await signIn(staff, e.url, 'worker1');
    await staff.goto(`${e.url}/demands`);
    const row = (number: string) => staff.locator('tr', { has: staff.getByTestId(`demand-link-${number}`) });
    await row(fresh.number).waitFor({ timeout: WAIT });
    const freshBadge = await row(fresh.number).getByTestId('deadline-badge').innerText();
    expect(freshBadge).toContain('响应时限');
    expect(freshBadge).not.toContain('即将超期');
    const nearBadge = await row(near.number).getByTestId('deadline-badge').innerText();
    expect(nearBadge).toContain('办结时限');
    expect(nearBadge).toContain('即将超期');
    await shot(staff, 'staff-inbox-deadlines');

    // The tab holds the one demand whose resolution deadline is near (the new ones were in it before).
    await staff.getByTestId('inbox-tab-due_soon').click();
    await expect.poll(() => text(staff, 'inbox-count'), { timeout: WAIT }).toContain('共 1 条');
    expect(await text(staff, 'inbox-table')).toContain(near.number);
    expect(await text(staff, 'inbox-table')).not.toContain(fresh.number);

    // The detail names the deadline too.
    await staff.goto(`${e.url}/demands/${fresh.id}`);
    await staff.getByTestId('demand-detail').waitFor();
    expect(await text(staff, 'deadline-badge')).toContain('响应时限');
  });

  it('a callback needs its outcome; an empty one records nothing; no 回访 after 销号; the resident sees one 回访', async () => {
    const d = await resolvedDemand('小区消防通道被占用');
    const staff = await newPage();
    await signIn(staff, e.url, 'worker1');
    await staff.goto(`${e.url}/demands/${d.id}`);
    await staff.getByTestId('action-callback').click();
    const form = staff.getByTestId('action-form-callback');
    await form.waitFor();
    // Nothing filled in: refused, with the field named.
    await staff.getByTestId('action-submit').click();
    await expect.poll(() => form.innerText(), { timeout: WAIT }).toContain('请选择是否联系上诉求人');
    const callbacks = () => countRows('SELECT count(*)::int AS n FROM demand_callback WHERE demand_id = $1', [d.id]);
    expect(await callbacks()).toBe(0);
    // Not reached: the reason is required.
    await form.getByText('未联系上', { exact: true }).click();
    await staff.getByTestId('action-submit').click();
    await expect.poll(() => form.innerText(), { timeout: WAIT }).toContain('请填写未联系上的原因');
    expect(await callbacks()).toBe(0);
    await shot(staff, 'staff-callback-required');
    await staff.getByTestId('action-note').fill('两次拨打无人接听');
    await staff.getByTestId('action-submit').click();
    await form.waitFor({ state: 'detached', timeout: WAIT });
    // Reached: satisfaction is required.
    await staff.getByTestId('action-callback').click();
    await form.waitFor();
    await form.getByText('已联系上', { exact: true }).click();
    await staff.getByTestId('action-submit').click();
    await expect.poll(() => form.innerText(), { timeout: WAIT }).toContain('请选择诉求人的满意度');
    await form.getByText('满意', { exact: true }).click();
    await staff.getByTestId('action-submit').click();
    await form.waitFor({ state: 'detached', timeout: WAIT });
    const stored = await e.t.database.query<{ reached: boolean; satisfaction: string | null; note: string | null }>(
      'SELECT reached, satisfaction, note FROM demand_callback WHERE demand_id = $1 ORDER BY at',
      [d.id],
    );
    expect(stored).toEqual([
      { reached: false, satisfaction: null, note: '两次拨打无人接听' },
      { reached: true, satisfaction: 'satisfied', note: null },
    ]);

    // 销号: 回访 is no longer offered.
    const worker = await login(e.t.app, 'worker1', PASSWORD);
    await api(worker, 'POST', `/demands/${d.id}/close`, {});
    await staff.reload();
    await staff.getByTestId('demand-detail').waitFor();
    await expect.poll(() => text(staff, 'demand-status'), { timeout: WAIT }).toBe('已销号');
    expect(await staff.getByTestId('action-callback').count()).toBe(0);

    // The resident's timeline: one 回访 (the call that reached them), never "回访 · 已办结" twice.
    const phone = await newPage(true);
    await signIn(phone, e.url, 'resident1');
    await phone.goto(`${e.url}/m/demands/${d.id}`);
    const steps = await (await phone.getByTestId('m-timeline').elementHandle())!.innerText();
    expect(steps.match(/回访/g) ?? []).toHaveLength(1);
    expect(steps).not.toContain('回访 · 已办结');
    await shot(phone, 'phone-timeline-callback');
  });

  it('the 诉求办理 inbox at 1,440 px keeps title, status, deadline, submit time and actions in view', async () => {
    const d = await submitAsResident('小区北门的路灯坏了好几天，晚上回家很不方便，希望尽快修好');
    const staff = await newPage();
    await signIn(staff, e.url, 'worker1');
    await staff.goto(`${e.url}/demands`);
    const row = staff.locator('tr', { has: staff.getByTestId(`demand-link-${d.number}`) });
    await row.waitFor({ timeout: WAIT });
    await shot(staff, 'staff-inbox-1440');
    const width = staff.viewportSize()!.width;
    for (const key of ['title', 'status', 'resolveDueAt', 'submittedAt', 'actions']) {
      const cell = row.locator(`td[data-column="${key}"]`);
      const box = await cell.boundingBox();
      expect(box, key).not.toBeNull();
      expect(box!.x, key).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, key).toBeLessThanOrEqual(width);
      expect((await cell.innerText()).trim().length, key).toBeGreaterThan(0);
    }
    expect(await row.locator('td[data-column="actions"]').innerText()).toContain('办理');
    // For a person to look at: the same inbox on a phone-sized screen.
    if (shots) {
      await staff.setViewportSize({ width: 390, height: 844 });
      await shot(staff, 'staff-inbox-390');
    }
  });
});
