import path from 'node:path';
import { createAccount } from '@linli/accounts/testing';
import { insertPartyMember, insertPartyOrg } from '@linli/party/testing';
import { insertResident } from '@linli/people/testing';
import { login } from '@linli/server/test/helpers';
import { createNode, type TestNode } from '@linli/territory/testing';
import type { BrowserContext, Locator, Page } from 'playwright-core';
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

// The small things of daily work, on one server: buildings in natural order (1号楼 … 10号楼) on the
// territory screens, each 楼栋党小组 counting the party members living in its building, keyboard focus
// drawn in blue (red means an error), one state for the Open311 service account on the accounts and
// the Open311 pages, and the month under way plotted as 本月至今 on the demand dashboard.

const WAIT = 45_000;
const tenantId = '370785';
const CLIENT = '市民通 App';
const shots = process.env.E2E_SCREENSHOTS;

let e: E2E;
const contexts: BrowserContext[] = [];
let compound: TestNode;
/** The compound's buildings as created (10号楼 and 3号楼 after 1号楼 and 2号楼, 10 before 3). */
let buildings: TestNode[];
const orgIds: Record<string, string> = {};
let clientAccountId = '';
let demandNumber = '';

beforeAll(async () => {
  e = await startE2E();
  await addPropertyStaffAndResident(e);
  const db = e.t.deps.db;
  await createAccount(db, {
    tenantId,
    username: 'secadmin1',
    displayName: '安全管理员一',
    password: PASSWORD,
    grants: [{ role: 'security_admin', nodeId: e.tree.county.id }],
  });

  // 第1小区 has 1号楼 and 2号楼 (buildSmallTree); 10号楼 is added before 3号楼, so neither creation
  // nor plain text order (1, 10, 2, 3) is the natural one.
  compound = e.tree.compounds[0]!;
  const b10 = await createNode(db, { tenantId, parentId: compound.id, kind: 'building', name: '10号楼' });
  const b3 = await createNode(db, { tenantId, parentId: compound.id, kind: 'building', name: '3号楼' });
  buildings = [e.tree.buildings[0]!, e.tree.buildings[1]!, b10, b3];

  // The party organisation as the seed has it: (subdistrict committee →) community committee → compound branch → building groups
  // (created 10, 1, 2), the members registered with the branch and living in their buildings.
  const top = await insertPartyOrg(db, { node: e.tree.subdistricts[0]!, kind: 'subdistrict_committee', name: '第1街道党工委' });
  const committee = await insertPartyOrg(db, {
    node: e.tree.communities[0]!,
    kind: 'community_committee',
    name: '第1社区党委',
    parent: top,
  });
  const branch = await insertPartyOrg(db, { node: compound, kind: 'compound_branch', name: '第1小区党支部', parent: committee });
  orgIds.committee = committee.id;
  orgIds.branch = branch.id;
  for (const [name, building] of [
    ['10号楼党小组', b10],
    ['1号楼党小组', buildings[0]!],
    ['2号楼党小组', buildings[1]!],
  ] as const) {
    orgIds[name] = (await insertPartyOrg(db, { node: building, kind: 'building_group', name, parent: branch })).id;
  }
  // households[0..3] are in 1号楼, [4..7] in 2号楼: three members in 1号楼, one in 2号楼.
  for (const [i, name] of [
    [0, '党员甲'],
    [1, '党员乙'],
    [2, '党员丙'],
    [4, '党员丁'],
  ] as const) {
    const { id } = await insertResident(db, e.tree.households[i]!, { name, isPartyMember: true, tags: ['党员'] });
    await insertPartyMember(db, branch, id);
  }

  // An Open311 client (and its service account), created by the county's system admin.
  const admin = await login(e.t.app, 'admin1', PASSWORD);
  const created = await e.t.app.inject({
    method: 'POST',
    url: '/api/v1/open311-clients',
    headers: admin.headers,
    payload: { name: CLIENT },
  });
  expect(created.statusCode, created.body).toBe(201);
  const [client] = await e.t.database.query<{ account_id: string }>('SELECT account_id FROM open311_client WHERE name = $1', [CLIENT]);
  clientAccountId = client!.account_id;

  // A demand of this month for the dashboard and the inbox (its row has a selection checkbox).
  const categories = await e.t.database.query<{ id: string }>('SELECT id FROM demand_category WHERE tenant_id = $1 ORDER BY code LIMIT 1', [
    tenantId,
  ]);
  const resident = await login(e.t.app, 'resident1', PASSWORD);
  const demand = await e.t.app.inject({
    method: 'POST',
    url: '/api/v1/demands',
    headers: resident.headers,
    payload: {
      type: 'complaint',
      categoryId: categories[0]!.id,
      description: '楼道灯坏了，晚上看不见台阶',
      nodeId: e.tree.households[0]!.id,
    },
  });
  expect(demand.statusCode, demand.body).toBe(201);
  demandNumber = demand.json().number;
}, 300_000);
afterEach(printPagesIfFailed(contexts));
afterAll(() => closeE2E(e, contexts));

async function newPage(mobile = false): Promise<Page> {
  const context = await newZhContext(e, contexts, mobile);
  context.setDefaultTimeout(WAIT);
  return context.newPage();
}

async function signedIn(username: string, mobile = false): Promise<Page> {
  const page = await newPage(mobile);
  await signIn(page, e.url, username);
  return page;
}

/**
 * Screenshots for a person to look at, when E2E_SCREENSHOTS names a folder: at the page's width and
 * at a phone's (390 px), then back.
 */
async function shot(page: Page, name: string) {
  if (!shots) return;
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  const size = page.viewportSize();
  if (!size || size.width <= 390) return;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(shots, `${name}-390.png`), fullPage: true });
  await page.setViewportSize(size);
}

const NATURAL = ['1号楼', '2号楼', '3号楼', '10号楼'];

describe('buildings in natural order', () => {
  it('the tree, the children table and the compound page list 1号楼, 2号楼, 3号楼, 10号楼', async () => {
    const page = await signedIn('worker1');
    // The building's own page opens the tree down to it, with its compound's buildings loaded.
    await page.goto(`${e.url}/territory/${buildings[0]!.id}`);
    const tree = page.getByTestId('territory-tree');
    await tree.locator(`[data-testid="tree-node-${buildings[3]!.id}"]`).waitFor();
    expect(await tree.locator('[data-kind="building"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-name')))).toEqual(
      NATURAL,
    );

    await page.goto(`${e.url}/territory/${compound.id}`);
    const table = page.getByTestId('children-table');
    await table.getByText('10号楼').waitFor();
    const names = await table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
    expect(names.map((n) => n.trim())).toEqual(NATURAL);

    await page.goto(`${e.url}/compounds/${compound.id}`);
    const list = page.getByTestId('compound-buildings');
    await list.getByText('10号楼').waitFor();
    const ids = await list.locator('[data-testid^="building-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(ids).toEqual([0, 1, 3, 2].map((i) => `building-${buildings[i]!.id}`));
    // Each building's entrance count stands apart from its name, named (not "1号楼2").
    const first = page.getByTestId(`building-${buildings[0]!.id}`);
    expect(await first.getByTestId('compound-building-entrances').innerText()).toBe('2 个单元');
    const nameBox = (await first.getByTestId('compound-building-name').boundingBox())!;
    const countBox = (await first.getByTestId('compound-building-entrances').boundingBox())!;
    expect(countBox.x - (nameBox.x + nameBox.width)).toBeGreaterThan(16);
    // The compound's counts are of what lies in it: no 街道 0, 社区 0, 小区 1 (itself).
    const counts = await page.getByTestId('counts-cards').innerText();
    expect(counts).toContain('楼栋');
    expect(counts).not.toMatch(/街道|社区|小区/);
    // Its residents' households show building / entrance / household, in full (not cut after
    // 第1街道 / 第1社区), the whole path as the title.
    const households = page.getByTestId('resident-household');
    await households.first().waitFor();
    for (const household of await households.all()) {
      expect(await household.innerText()).toMatch(/^1号楼 \/ \d单元 \/ \d01$/);
      expect(await household.getAttribute('title')).toMatch(/^第1街道 \/ 第1社区 \/ 第1小区 \/ 1号楼 \/ \d单元 \/ \d01$/);
      const cell = household.locator('xpath=ancestor::td[1]');
      expect(await cell.evaluate((td) => td.scrollWidth <= td.clientWidth)).toBe(true);
    }
    await shot(page, 'compound-page');
    // At a phone's width the leaders' table scrolls sideways: its headings stay on one line.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() =>
        page
          .getByTestId('compound-leaders')
          .locator('thead th')
          .evaluateAll((ths) => Math.max(...ths.map((th) => th.clientHeight))),
      )
      .toBeLessThan(48);
  });
});

describe('楼栋党小组 count the members living in their building', () => {
  it('the party tree and the group detail show 3 for 1号楼, 1 for 2号楼, 0 for 10号楼, groups in natural order', async () => {
    const page = await signedIn('worker1');
    await page.goto(`${e.url}/party`);
    const tree = page.getByTestId('party-tree');
    // Open the committee, then the branch.
    for (const id of [orgIds.committee!, orgIds.branch!]) {
      const node = tree.locator('.ant-tree-treenode', { has: page.getByTestId(`party-node-${id}`) });
      await node.waitFor();
      await node.locator('.ant-tree-switcher').click();
    }
    const group1 = page.getByTestId(`party-node-${orgIds['1号楼党小组']}`);
    await group1.waitFor();
    const badge = async (id: string) => (await page.getByTestId(`party-node-${id}`).locator('.ant-badge').innerText()).trim();
    expect(await badge(orgIds['1号楼党小组']!)).toBe('3');
    expect(await badge(orgIds['2号楼党小组']!)).toBe('1');
    expect(await badge(orgIds.branch!)).toBe('4');
    // A zero count shows no badge number, never a misleading one.
    expect(await page.getByTestId(`party-node-${orgIds['10号楼党小组']}`).innerText()).not.toMatch(/\d+\s*$/);
    const groups = await tree.locator('[data-kind="building_group"]').allInnerTexts();
    expect(groups.map((g) => g.match(/\d+号楼党小组/)?.[0])).toEqual(['1号楼党小组', '2号楼党小组', '10号楼党小组']);

    await group1.click();
    const detail = page.getByTestId('party-org-detail');
    await detail.getByText('1号楼党小组').first().waitFor();
    await expect.poll(() => detail.locator('.ant-descriptions-item', { hasText: '党员数' }).innerText()).toMatch(/党员数\s*3/);
    await shot(page, 'party-groups');
    // At a phone's width the coverage card keeps its title whole (the scope picker moves below it).
    await page.setViewportSize({ width: 390, height: 844 });
    const title = page.getByTestId('party-coverage').locator('.ant-card-head-title');
    await expect.poll(() => title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await title.innerText()).toBe('组织覆盖情况');
    await page.getByTestId('party-coverage').getByText('统计范围').waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });

    // The compound page lists the same counts beside its buildings.
    await page.goto(`${e.url}/compounds/${compound.id}`);
    const card = page.getByTestId('compound-party-orgs');
    await card.getByText('1号楼党小组').waitFor();
    const line = (name: string) => card.locator('.ant-list-item', { hasText: name }).innerText();
    expect(await line('1号楼党小组')).toMatch(/党员数\s*3/);
    expect(await line('2号楼党小组')).toMatch(/党员数\s*1/);
    expect(await line('10号楼党小组')).toMatch(/党员数\s*0/);
  });
});

/** 'blue', 'red' or 'other' for a CSS colour such as rgb(22, 119, 255). */
function hue(colour: string): 'blue' | 'red' | 'other' {
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).map(Number) as [number, number, number];
  if (b > r + 60 && b > g) return 'blue';
  if (r > b + 60 && r > g + 60) return 'red';
  return 'other';
}

/** Moves keyboard focus onto `target` by the keyboard (Shift+Tab away, Tab back), so :focus-visible applies. */
async function keyboardFocus(page: Page, target: Locator) {
  await target.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);
}

/** The outline colour of `ring` while `focused` has keyboard focus (antd draws checkbox/radio rings on the wrapper). */
async function outlineWhileFocused(page: Page, focused: Locator, ring: Locator): Promise<string> {
  await keyboardFocus(page, focused);
  expect(await focused.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
  let style = { color: '', style: '' };
  await expect
    .poll(async () => {
      style = await ring.evaluate((el) => ({ color: getComputedStyle(el).outlineColor, style: getComputedStyle(el).outlineStyle }));
      return style.style;
    })
    .toBe('solid');
  return style.color;
}

describe('keyboard focus is blue, never the red of an error', () => {
  it('a focused input, button, checkbox and radio are outlined in blue; the primary button stays red', async () => {
    const page = await signedIn('worker1');
    await page.goto(`${e.url}/demands`);
    const inbox = page.getByTestId('inbox-table');
    await inbox.getByText(demandNumber).waitFor();

    // The row's selection checkbox.
    const checkbox = inbox.locator(`[data-testid="select-${demandNumber}"]`);
    const checkboxInput = (await checkbox.evaluate((el) => el.tagName)) === 'INPUT' ? checkbox : checkbox.locator('input');
    const checkboxRing = checkboxInput.locator('xpath=ancestor::*[contains(@class,"ant-checkbox")][1]');
    expect(hue(await outlineWhileFocused(page, checkboxInput, checkboxRing))).toBe('blue');

    // A plain button.
    const exportButton = page.getByTestId('export-excel');
    expect(hue(await outlineWhileFocused(page, exportButton, exportButton))).toBe('blue');

    // The intake form: a field, radio buttons and the primary submit button.
    await page.getByTestId('intake-open').click();
    const description = page.getByTestId('intake-description');
    await description.waitFor();
    await description.click();
    // The border is drawn by the field's wrapper when it counts characters.
    const border = () =>
      description.evaluate((el) => {
        const box = el.closest('.ant-input-affix-wrapper') ?? el.querySelector('.ant-input-affix-wrapper, textarea') ?? el;
        return getComputedStyle(box).borderTopColor;
      });
    await expect.poll(async () => hue(await border())).toBe('blue');

    const radio = page.getByTestId('intake-form').locator('.ant-radio-wrapper input, .ant-radio-button-wrapper input').first();
    const radioRing = radio.locator(
      'xpath=ancestor::*[contains(concat(" ",@class," ")," ant-radio-button-wrapper ") or contains(concat(" ",@class," ")," ant-radio ")][1]',
    );
    expect(hue(await outlineWhileFocused(page, radio, radioRing))).toBe('blue');

    const submit = page.getByTestId('intake-submit');
    expect(hue(await submit.evaluate((el) => getComputedStyle(el).backgroundColor))).toBe('red');
    expect(hue(await outlineWhileFocused(page, submit, submit))).toBe('blue');
    await shot(page, 'focus-submit');
  });
});

describe('the Open311 service account has one state', () => {
  it('stopped on the accounts page it shows 已停用 on the Open311 page; started there it shows 正常 on the accounts page', async () => {
    const security = await signedIn('secadmin1');
    await security.goto(`${e.url}/accounts`);
    await security.getByTestId('accounts-q').locator('input').fill('Open311');
    await security.getByTestId('accounts-q').locator('input').press('Enter');
    const accountRow = security.getByTestId('accounts-table').locator('tr', { has: security.getByTestId(`disable-${clientAccountId}`) });
    await accountRow.waitFor();
    expect(await accountRow.locator('.ant-tag', { hasText: '正常' }).count()).toBe(1);
    await security.getByTestId(`disable-${clientAccountId}`).click();
    await security.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await security.getByTestId(`enable-${clientAccountId}`).waitFor();

    const admin = await signedIn('admin1');
    await admin.goto(`${e.url}/open311-clients`);
    const clientRow = admin.getByTestId(`open311-row-${CLIENT}`);
    await clientRow.waitFor();
    await clientRow.locator('.ant-tag', { hasText: '已停用' }).waitFor();
    // Times as on the other lists.
    expect(await clientRow.innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const toggle = admin.getByTestId(`open311-active-${CLIENT}`);
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await shot(admin, 'open311-stopped');
    // At a phone's width the table scrolls within the page: the page is no wider than the phone and
    // the headings stay on one line.
    await admin.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await admin.locator('.ant-table thead th').evaluateAll((ths) => Math.max(...ths.map((th) => th.clientHeight)))).toBeLessThan(64);
    await admin.setViewportSize({ width: 1440, height: 900 });

    await toggle.click();
    await clientRow.locator('.ant-tag', { hasText: '启用' }).waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await security.reload();
    await security.getByTestId('accounts-q').locator('input').fill('Open311');
    await security.getByTestId('accounts-q').locator('input').press('Enter');
    await security.getByTestId(`disable-${clientAccountId}`).waitFor();
    expect(await accountRow.locator('.ant-tag', { hasText: '正常' }).count()).toBe(1);
    expect(await security.getByTestId(`enable-${clientAccountId}`).count()).toBe(0);
  });
});

describe('the demand dashboard', () => {
  it('labels the month under way 本月至今 and draws it dashed', async () => {
    const page = await signedIn('worker1');
    await page.goto(`${e.url}/demands/dashboard`);
    const chart = page.getByTestId('chart-month').locator('.echarts-for-react');
    await chart.waitFor();
    // The option ECharts draws from, read from the chart component (echarts-for-react) on its element.
    const read = () =>
      chart.evaluate((el) => {
        const key = Object.keys(el).find((k) => k.startsWith('__reactFiber$'));
        type Fiber = { return: Fiber | null; stateNode: unknown };
        let fiber = key ? ((el as unknown as Record<string, Fiber>)[key] ?? null) : null;
        while (fiber) {
          const node = fiber.stateNode as { getEchartsInstance?: () => { getOption(): unknown } } | null;
          if (node && typeof node.getEchartsInstance === 'function') {
            const option = node.getEchartsInstance().getOption() as {
              xAxis: { data: string[]; axisLabel: { rotate: number } }[];
              series: { name: string; lineStyle?: { type?: string }; data: (number | null)[] }[];
            };
            return {
              labels: option.xAxis[0]!.data,
              rotate: option.xAxis[0]!.axisLabel.rotate,
              dashed: option.series.filter((s) => s.lineStyle?.type === 'dashed').length,
              // 诉求总数, solid through the whole months and dashed to the month under way.
              submitted: option.series.filter((s) => s.name === '诉求总数').map((s) => s.data),
            };
          }
          fiber = fiber.return;
        }
        return null;
      });
    await expect.poll(async () => (await read())?.labels.length ?? 0, { timeout: WAIT }).toBeGreaterThan(0);
    const option = (await read())!;
    const [year, month] = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).split('-').map(Number);
    // More than six months are slanted, each label on one line.
    if (option.labels.length > 6) expect(option.labels.every((l) => !l.includes('\n'))).toBe(true);
    expect(option.labels.at(-1)).toMatch(new RegExp(`^${year}年${month}月\\s本月至今$`));
    expect(option.labels.slice(0, -1).every((l) => !l.includes('本月至今'))).toBe(true);
    expect(option.dashed).toBeGreaterThan(0);
    // This month's demand is plotted on the dashed part only, at the month under way.
    const [solid, dashed] = option.submitted;
    expect(solid!.at(-1)).toBeNull();
    expect(dashed!.at(-1)).toBe(1);
    await shot(page, 'dashboard');
    // On a phone more than six months are slanted steeply enough not to overlap.
    if (option.labels.length > 6) {
      expect(option.rotate).toBe(30);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await chart.waitFor();
      await expect.poll(async () => (await read())?.rotate, { timeout: WAIT }).toBe(60);
    }
  });
});
