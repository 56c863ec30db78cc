import { login, type Session } from '@linli/server/test/helpers';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, PASSWORD, printPagesIfFailed, signIn, startE2E } from './support.ts';

// 诉求类别与时限 in the browser: the county admin adds a subcategory, overrides one urgency's deadline
// (and one for a demand type) while the others stay inherited, and demands submitted in it get those
// deadlines; retired categories are shown behind 显示已停用 and reactivated; a save on a category someone else
// saved meanwhile is refused and the page says so; a community worker sees the same page without anything to change.

// Generous waits: the shared 2-core machine is often loaded by other test runs; nothing here waits on a timer.
const WAIT = 45_000;
const TENANT = '370785';
const HOUR = 3_600_000;

let e: E2E;
const contexts: BrowserContext[] = [];

async function api<T>(session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<T> {
  const res = await e.t.app.inject({ method, url: `/api/v1${url}`, headers: session.headers, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

beforeAll(async () => {
  e = await startE2E();
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
  contexts.push(context);
  return context.newPage();
}

const categoryRow = (page: Page, name: string) => page.getByTestId('category-table').locator('tbody tr', { hasText: name });
const ruleRow = (page: Page, key: string) => page.getByTestId('deadline-table').locator(`tbody tr[data-row-key="${key}"]`);

/** antd puts an InputNumber's data-testid on the input or on its wrapper, depending on the version. */
const numberInput = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

interface CategoryNode {
  id: string;
  code: string;
  name: string;
  defaultLevel: string;
  deadlines: { urgency: string; type: string | null; resolveValue: number; resolveUnit: string; inherited: boolean }[];
  children: CategoryNode[];
}
const find = (nodes: CategoryNode[], code: string): CategoryNode | undefined =>
  nodes.flatMap((n) => (n.code === code ? [n] : [find(n.children, code)].filter((c) => c !== undefined)))[0];

describe('demand categories and deadlines in the browser', { timeout: 240_000 }, () => {
  it('an admin adds a subcategory with its default level and an urgent deadline; demands in it get the new deadlines', async () => {
    const page = await newPage();
    await signIn(page, e.url, 'admin1');
    await page.getByTestId('menu-demands-settings-categories').click();
    await page.getByTestId('demand-settings-page').waitFor();
    // The working calendar is one click away.
    await page.getByTestId('calendar-link').waitFor();

    // Filter by name: 噪音扰民 (under 邻里纠纷) stays, 垃圾清运 goes.
    await categoryRow(page, '垃圾清运').waitFor();
    await page.getByTestId('category-search').fill('噪音');
    await expect.poll(() => categoryRow(page, '垃圾清运').count(), { timeout: WAIT }).toBe(0);
    await categoryRow(page, '噪音扰民').waitFor();

    // Add 夜间施工噪音 under it, handled by the community by default.
    await page.getByTestId('add-child-noise').click();
    await page.getByTestId('category-form').waitFor();
    await page.getByTestId('category-code').fill('night_construction');
    await page.getByTestId('category-name').fill('夜间施工噪音');
    await choose(page, 'category-level', '社区');
    await page.getByTestId('category-submit').click();
    await page.getByTestId('category-form').waitFor({ state: 'detached', timeout: WAIT });
    const created = categoryRow(page, '夜间施工噪音');
    await created.waitFor();
    expect(await created.innerText()).toContain('社区');
    // The zh-CN table names the category; its code stays in the form and the database, not on screen.
    expect(await created.innerText()).not.toContain('night_construction');

    // The same code again is refused on the field (409).
    await page.getByTestId('add-child-noise').click();
    await page.getByTestId('category-code').fill('night_construction');
    await page.getByTestId('category-name').fill('另一个名称');
    await page.getByTestId('category-submit').click();
    const codeItem = page.getByTestId('category-form').locator('.ant-form-item', { has: page.getByTestId('category-code') });
    await codeItem.locator('.ant-form-item-explain-error').waitFor();
    expect(await codeItem.getAttribute('class')).toContain('ant-form-item-has-error');
    await page.getByTestId('category-cancel').click();
    await page.getByTestId('category-form').waitFor({ state: 'detached', timeout: WAIT });

    // The new category is selected: every urgency follows the parent for now.
    const editor = page.getByTestId('deadline-editor');
    await expect.poll(() => editor.locator('.ant-card-head').innerText(), { timeout: WAIT }).toContain('夜间施工噪音');
    for (const key of ['normal/any', 'urgent/any', 'critical/any']) {
      await expect.poll(() => ruleRow(page, key).innerText(), { timeout: WAIT }).toContain('继承自上级');
    }
    expect(await ruleRow(page, 'urgent/any').innerText()).toContain('24 小时');

    // Override 紧急: resolve within 12 hours; 一般 and 特急 stay inherited.
    await page.getByTestId('override-urgent-any').click();
    await numberInput(page, 'resolve-value-urgent-any').fill('12');
    await choose(page, 'resolve-unit-urgent-any', '小时');
    expect(await ruleRow(page, 'urgent/any').innerText()).toContain('本级');
    for (const key of ['normal/any', 'critical/any']) expect(await ruleRow(page, key).innerText()).toContain('继承自上级');
    // And a rule for 举报 only: urgent reports are resolved within 8 hours.
    await choose(page, 'add-rule-urgency', '紧急');
    await choose(page, 'add-rule-type', '举报');
    await page.getByTestId('add-rule').click();
    await numberInput(page, 'resolve-value-urgent-report').fill('8');
    await page.getByTestId('deadline-save').click();
    await expect.poll(() => page.getByTestId('deadline-save').isDisabled(), { timeout: WAIT }).toBe(true);
    expect(await ruleRow(page, 'urgent/any').innerText()).toContain('本级');
    expect(await ruleRow(page, 'normal/any').innerText()).toContain('继承自上级');

    // Stored as the category's own rules, the rest still inherited.
    const rules = await e.t.database.query<{ urgency: string; demand_type: string; resolve_value: number; resolve_unit: string }>(
      `SELECT r.urgency, r.demand_type, r.resolve_value, r.resolve_unit FROM demand_deadline_rule r
         JOIN demand_category c ON c.tenant_id = r.tenant_id AND c.id = r.category_id
        WHERE c.tenant_id = $1 AND c.code = 'night_construction' ORDER BY r.demand_type`,
      [TENANT],
    );
    expect(rules).toEqual([
      { urgency: 'urgent', demand_type: 'any', resolve_value: 12, resolve_unit: 'hours' },
      { urgency: 'urgent', demand_type: 'report', resolve_value: 8, resolve_unit: 'hours' },
    ]);
    const admin = await login(e.t.app, 'admin1', PASSWORD);
    const tree = await api<{ items: CategoryNode[] }>(admin, 'GET', '/demand-categories');
    const category = find(tree.items, 'night_construction');
    expect(category).toMatchObject({ name: '夜间施工噪音', defaultLevel: 'community' });
    expect(category!.deadlines.filter((d) => !d.inherited).map((d) => [d.urgency, d.type, d.resolveValue, d.resolveUnit])).toEqual([
      ['urgent', null, 12, 'hours'],
      ['urgent', 'report', 8, 'hours'],
    ]);
    expect(category!.deadlines.filter((d) => d.inherited).map((d) => d.urgency)).toEqual(expect.arrayContaining(['normal', 'critical']));

    // Urgent demands submitted in it: a complaint is due 12 hours later, a report 8.
    const worker = await login(e.t.app, 'worker1', PASSWORD);
    const submit = (type: string) =>
      api<{ submittedAt: string; resolveDueAt: string; level: string }>(worker, 'POST', '/demands', {
        channel: 'hotline_12345',
        type,
        categoryId: category!.id,
        urgency: 'urgent',
        title: '工地夜间施工扰民',
        description: '工地晚上十一点后还在施工，请尽快处理',
        nodeId: e.tree.households[0]!.id,
      });
    const complaint = await submit('complaint');
    expect(Date.parse(complaint.resolveDueAt) - Date.parse(complaint.submittedAt)).toBe(12 * HOUR);
    const report = await submit('report');
    expect(Date.parse(report.resolveDueAt) - Date.parse(report.submittedAt)).toBe(8 * HOUR);

    // Hand it to a department by default: the department is asked for, then shown in the tree.
    const [department] = await e.t.database.query<{ name: string }>(
      `SELECT name FROM department WHERE tenant_id = $1 AND active ORDER BY sort_order, name LIMIT 1`,
      [TENANT],
    );
    await page.getByTestId('edit-night_construction').click();
    await page.getByTestId('category-form').waitFor();
    expect(await page.getByTestId('category-name').inputValue()).toBe('夜间施工噪音');
    await choose(page, 'category-level', '职能部门');
    await page.getByTestId('category-submit').click();
    await page.getByTestId('category-form').locator('.ant-form-item-explain-error').waitFor();
    await choose(page, 'category-department', department!.name);
    await page.getByTestId('category-submit').click();
    await page.getByTestId('category-form').waitFor({ state: 'detached', timeout: WAIT });
    await expect.poll(() => created.innerText(), { timeout: WAIT }).toContain(department!.name);
    expect(await created.innerText()).toContain('职能部门');
  });

  it('an admin retires a category, shows the retired ones and reactivates it; a stale save is refused and reloaded', async () => {
    const page = await newPage();
    await signIn(page, e.url, 'admin1');
    await page.getByTestId('menu-demands-settings-categories').click();
    await page.getByTestId('demand-settings-page').waitFor();
    const pets = categoryRow(page, '宠物饲养');
    await pets.waitFor();
    const active = async () =>
      (
        await e.t.database.query<{ active: boolean; name: string }>(
          `SELECT active, name FROM demand_category WHERE tenant_id = $1 AND code = 'pets'`,
          [TENANT],
        )
      )[0]!;

    // Retired in the edit form: it leaves the list.
    await page.getByTestId('edit-pets').click();
    await page.getByTestId('category-form').waitFor();
    await page.getByTestId('category-active').click();
    await page.getByTestId('category-submit').click();
    await page.getByTestId('category-form').waitFor({ state: 'detached', timeout: WAIT });
    await expect.poll(() => pets.count(), { timeout: WAIT }).toBe(0);
    expect((await active()).active).toBe(false);

    // 显示已停用: back in the tree, greyed, tagged 停用, with a button to reactivate it.
    await page.getByTestId('show-inactive').click();
    await pets.waitFor();
    expect(await pets.getAttribute('data-inactive')).toBe('true');
    await page.getByTestId('inactive-pets').waitFor();
    expect(await page.getByTestId('inactive-pets').innerText()).toBe('停用');
    expect(await categoryRow(page, '噪音扰民').getAttribute('data-inactive')).toBeNull();
    await page.getByTestId('reactivate-pets').click();
    await expect.poll(() => page.getByTestId('reactivate-pets').count(), { timeout: WAIT }).toBe(0);
    expect(await pets.innerText()).toContain('启用');
    expect(await pets.getAttribute('data-inactive')).toBeNull();
    expect((await active()).active).toBe(true);

    // Someone else renames it while the form is open: saving is refused (409), nothing is overwritten,
    // and the page shows the other save and says why.
    await page.getByTestId('edit-pets').click();
    await page.getByTestId('category-form').waitFor();
    await page.getByTestId('category-name').fill('宠物管理');
    const [pet] = await e.t.database.query<{ id: string }>(`SELECT id FROM demand_category WHERE tenant_id = $1 AND code = 'pets'`, [
      TENANT,
    ]);
    const other = await login(e.t.app, 'admin1', PASSWORD);
    await api(other, 'PATCH', `/demand-categories/${pet!.id}`, { name: '养宠管理' });
    await page.getByTestId('category-submit').click();
    await page.getByTestId('stale-alert').waitFor();
    expect(await page.getByTestId('stale-alert').innerText()).toContain('已被他人修改');
    await page.getByTestId('category-form').waitFor({ state: 'detached', timeout: WAIT });
    await categoryRow(page, '养宠管理').waitFor();
    expect((await active()).name).toBe('养宠管理');
  });

  it('a community worker sees categories and deadlines but nothing to change', async () => {
    const page = await newPage();
    await signIn(page, e.url, 'worker1');
    await page.getByTestId('menu-demands-settings-categories').click();
    await page.getByTestId('read-only').waitFor();
    await categoryRow(page, '噪音扰民').click();
    await expect.poll(() => ruleRow(page, 'urgent/any').innerText(), { timeout: WAIT }).toContain('24 小时');
    expect(await page.getByTestId('category-table').locator('[data-testid^="edit-"], [data-testid^="add-child-"]').count()).toBe(0);
    expect(await page.getByTestId('add-root').count()).toBe(0);
    expect(await page.getByTestId('show-inactive').count()).toBe(0);
    expect(await page.getByTestId('deadline-editor').locator('button, input').count()).toBe(0);
  });
});
