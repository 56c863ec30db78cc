import { createAccount } from '@linli/accounts/testing';
import { insertResident } from '@linli/people/testing';
import { login } from '@linli/server/test/helpers';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeE2E, type E2E, newZhContext, PASSWORD, printPagesIfFailed, signIn, startE2E } from './support.ts';

// Every screen speaks Chinese (no ability or action codes, no raw ids, no `{}`) and keeps its key
// columns in view at 1,440 px.

let e: E2E;
const contexts: BrowserContext[] = [];
const tenantId = '370785';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** An ability or action code such as `territory.read` or `auth.login`. */
const CODE = /\b[a-z_]+\.[a-z_]+(\.[a-z_]+)?\b/;
let residentId = '';

beforeAll(async () => {
  e = await startE2E();
  for (const [username, role, displayName] of [
    ['secadmin1', 'security_admin', '安全管理员一'],
    ['auditor1', 'audit_admin', '审计员一'],
  ] as const) {
    await createAccount(e.t.deps.db, { tenantId, username, displayName, password: PASSWORD, grants: [{ role, nodeId: e.tree.county.id }] });
  }
  const resident = await insertResident(e.t.deps.db, e.tree.households[0]!, {
    name: '李四海',
    phone: '13812345678',
    idNumber: '370785199001011234',
    tags: ['党员', '志愿者'],
    isPartyMember: true,
  });
  residentId = resident.id;
  // A change the trail should name: 社区工作者一 changes 李四海's phone.
  const worker = await login(e.t.app, 'worker1', PASSWORD);
  const res = await e.t.app.inject({
    method: 'PATCH',
    url: `/api/v1/people/residents/${residentId}`,
    headers: worker.headers,
    payload: { phone: '13900001111' },
  });
  expect(res.statusCode).toBe(200);
}, 300_000);
afterAll(() => closeE2E(e, contexts));
afterEach(printPagesIfFailed(contexts));

async function desktopPage(username: string): Promise<Page> {
  const page = await (await newZhContext(e, contexts, false)).newPage();
  await signIn(page, e.url, username);
  return page;
}

/** The element lies wholly inside the 1,440 px viewport (not scrolled or clipped off the right edge). */
async function expectInView(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
}

describe('every screen speaks Chinese', () => {
  it('the role picker says what each role may do in words, not ability codes', async () => {
    const page = await desktopPage('secadmin1');
    await page.goto(`${e.url}/accounts`);
    const table = page.getByTestId('accounts-table');
    await table.getByText('社区工作者一').waitFor();
    const worker = await e.t.database.query<{ id: string }>("SELECT id FROM account WHERE username = 'worker1'");
    const id = worker[0]!.id;
    // The actions stay in view at the end of a long row.
    await expectInView(page.getByTestId(`disable-${id}`));
    await page.getByTestId(`grant-role-${id}`).click();
    await page.getByTestId('grant-role').click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await dropdown.getByText('县（市、区）工作人员').first().waitFor();
    const text = await dropdown.innerText();
    expect(text).not.toMatch(CODE);
    expect(text).toMatch(/查看/);
  });

  it('the audit log says who did what to which named record, with the fields, and shows the IP', async () => {
    const page = await desktopPage('auditor1');
    await page.goto(`${e.url}/audit`);
    const table = page.getByTestId('audit-table');
    await table.getByText('修改居民').first().waitFor();
    const text = await table.innerText();
    expect(text).toContain('社区工作者一 修改了 居民 李** 的 电话');
    expect(text).toContain('登录');
    expect(text).not.toMatch(CODE);
    expect(text).not.toMatch(UUID);
    expect(text).not.toContain('{}');
    expect(text).not.toContain('李四海');
    await expectInView(table.locator('td', { hasText: '127.0.0.1' }).first());
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: '/tmp/zh-ui-audit.png' });
  });

  it('residents keep 查看完整信息 in view and show the 党员 tag once', async () => {
    const page = await desktopPage('worker1');
    await page.goto(`${e.url}/residents`);
    const row = page
      .getByTestId('residents-table')
      .locator('tr', { hasText: '李' })
      .filter({ has: page.getByTestId(`reveal-${residentId}`) });
    await row.waitFor();
    await expectInView(page.getByTestId(`reveal-${residentId}`));
    const tags = await row.locator('.ant-tag').allInnerTexts();
    expect(tags.filter((x) => x === '党员')).toHaveLength(1);
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: '/tmp/zh-ui-residents.png' });
  });

  it('the category table shows names, not codes, and Open311 names its fields in Chinese', async () => {
    const page = await desktopPage('admin1');
    const categories = await e.t.database.query<{ code: string; name: string }>(
      'SELECT code, name FROM demand_category WHERE tenant_id = $1 AND parent_id IS NULL ORDER BY code',
      [tenantId],
    );
    expect(categories.length).toBeGreaterThan(0);
    await page.goto(`${e.url}/demands/settings/categories`);
    await page.getByText(categories[0]!.name).first().waitFor();
    const shown = await page.locator('.ant-table').first().innerText();
    for (const c of categories) expect(shown).not.toMatch(new RegExp(`\\b${c.code}\\b`));
    await page.goto(`${e.url}/open311-clients`);
    await page.getByText('Open311 接入').first().waitFor();
    const open311 = await page.locator('.ant-layout-content').first().innerText();
    expect(open311).not.toMatch(/jurisdiction_id(?!）)/);
  });
});
