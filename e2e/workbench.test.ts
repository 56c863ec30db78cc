import fs from 'node:fs';
import { createAccount } from '@linli/accounts/testing';
import { insertPartyOrg } from '@linli/party/testing';
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

// The workbench (工作台) of each role and the resident's phone home, in the browser: what the page
// shows equals what the API answers for the same person, and each card leads to the inbox with its tab.

const WAIT = 45_000;
const SHOTS = process.env.LINLI_SCREENSHOTS;

let e: E2E;
const contexts: BrowserContext[] = [];
const tenantId = '370785';

interface WorkCount {
  kind: string;
  count: number;
  more: boolean;
}
interface PeriodFigures {
  submitted: number;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}
interface WorkbenchBody {
  counts: WorkCount[];
  today: { total: number; items: { id: string; number: string }[] } | null;
  figures: { thisMonth: PeriodFigures; lastMonth: PeriodFigures } | null;
  territory: Record<string, number> | null;
  compounds: {
    compound: { name: string };
    figures: { thisMonth: PeriodFigures };
    open: { total: number; items: { title: string }[] };
    board: { title: string }[];
  }[];
  notices: { unread: number; latest: { title: string }[] };
}

async function call<T>(session: Session, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const res = await e.t.app.inject({ method, url: `/api/v1${url}`, headers: session.headers, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

beforeAll(async () => {
  e = await startE2E();
  await addPropertyStaffAndResident(e);
  const db = e.t.deps.db;
  const t = e.tree;
  for (const [username, displayName, role, node] of [
    ['county1', '县级工作人员', 'county_staff', t.county],
    ['committee1', '业委会成员一', 'owners_committee_member', t.compounds[0]!],
  ] as const) {
    await createAccount(db, { tenantId, username, displayName, password: PASSWORD, grants: [{ role, nodeId: node.id }] });
  }
  // Party organisations the county counts: branches in two compounds, a group in one building, two member households.
  const committee = await insertPartyOrg(db, { node: t.subdistricts[0]!, kind: 'subdistrict_committee', name: '第1街道党工委' });
  for (const [node, kind, name] of [
    [t.compounds[0]!, 'compound_branch', '第1小区党支部'],
    [t.compounds[1]!, 'compound_branch', '第2小区党支部'],
    [t.buildings[0]!, 'building_group', '1号楼党小组'],
    [t.households[0]!, 'member_household', '党员中心户一'],
    [t.households[2]!, 'member_household', '党员中心户二'],
  ] as const) {
    await insertPartyOrg(db, { node, kind, name, parent: committee });
  }
  // Demands through the API: four from the resident; the worker accepts three and dispatches two to the
  // compound; property staff resolve one and the resident is satisfied with it.
  const rows = await e.t.database.query<{ id: string }>(
    'SELECT id FROM demand_category WHERE tenant_id = $1 AND is_public AND parent_id IS NOT NULL ORDER BY code LIMIT 1',
    [tenantId],
  );
  const categoryId = rows[0]!.id;
  const resident = await login(e.t.app, 'resident1', PASSWORD);
  const worker = await login(e.t.app, 'worker1', PASSWORD);
  const property = await login(e.t.app, 'property1', PASSWORD);
  const texts = ['楼道的灯坏了好几天，晚上看不见路', '单元门的门禁坏了关不上', '小区门口的井盖松动有响声', '二号楼前的垃圾桶满了没人清'];
  const made: { id: string; version: number }[] = [];
  for (const description of texts) {
    made.push(await call(resident, 'POST', '/demands', { type: 'complaint', categoryId, description, nodeId: e.tree.households[0]!.id }));
  }
  for (const d of made.slice(1)) await call(worker, 'POST', `/demands/${d.id}/accept`, {});
  for (const d of made.slice(2)) await call(worker, 'POST', `/demands/${d.id}/dispatch`, { level: 'compound' });
  await call(property, 'POST', `/demands/${made[3]!.id}/resolve`, { result: '已联系保洁清运' });
  await call(resident, 'POST', `/demands/${made[3]!.id}/evaluate`, { satisfaction: 'satisfied' });
  // A loaded machine (scrypt for each sign-in, the server's start) can take longer than the default hook time.
}, 300_000);
afterEach(printPagesIfFailed(contexts));
afterAll(() => closeE2E(e, contexts));

async function newPage(mobile = false): Promise<Page> {
  const context = await newZhContext(e, contexts, mobile);
  context.setDefaultTimeout(WAIT);
  return context.newPage();
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const percentText = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** Signs in, opens the home page and returns the workbench the API gives the same person. */
async function openWorkbench(username: string): Promise<{ page: Page; body: WorkbenchBody }> {
  const page = await newPage();
  await signIn(page, e.url, username);
  await page.goto(`${e.url}/`);
  await page.getByTestId('wb-cards').waitFor();
  const body = await call<WorkbenchBody>(await login(e.t.app, username, PASSWORD), 'GET', '/workbench');
  return { page, body };
}

/** Every card shows the API's count. */
async function expectCards(page: Page, body: WorkbenchBody): Promise<void> {
  const shown = await page.locator('[data-testid^="wb-card-"]').count();
  expect(shown).toBe(body.counts.length);
  for (const c of body.counts) {
    await expect.poll(() => page.getByTestId(`wb-count-${c.kind}`).innerText()).toBe(c.more ? `${c.count}+` : String(c.count));
  }
}

async function expectFigures(page: Page, testId: string, f: PeriodFigures): Promise<void> {
  expect(await page.getByTestId(`${testId}-submitted`).innerText()).toBe(String(f.submitted));
  expect(await page.getByTestId(`${testId}-resolutionRate`).innerText()).toBe(percentText(f.resolutionRate));
  expect(await page.getByTestId(`${testId}-satisfactionRate`).innerText()).toBe(percentText(f.satisfactionRate));
}

/** A card leads to the inbox with its tab open, and the inbox counts what the card said. */
async function followCard(page: Page, body: WorkbenchBody, kind: string): Promise<void> {
  const count = body.counts.find((c) => c.kind === kind)!.count;
  await page.getByTestId(`wb-link-${kind}`).click();
  await page.waitForURL((u) => u.pathname === '/demands' && u.searchParams.get('tab') === kind);
  await expect
    .poll(() => page.locator('.ant-tabs-tab-active').innerText())
    .toContain((await page.getByTestId(`inbox-tab-${kind}`).innerText()).trim());
  await expect.poll(() => page.getByTestId('inbox-count').innerText()).toContain(`共 ${count} 条`);
}

describe('the workbench of each role', () => {
  it('a community worker: the work of their community, today’s deadlines, the month’s figures; the cards open the inbox tabs', async () => {
    const { page, body } = await openWorkbench('worker1');
    expect(body.counts.map((c) => c.kind)).toEqual(['to_accept', 'to_dispatch', 'due_soon', 'overdue', 'to_callback', 'unread_notices']);
    expect(body.counts.find((c) => c.kind === 'to_accept')?.count).toBe(1);
    expect(body.counts.find((c) => c.kind === 'to_dispatch')?.count).toBe(1);
    expect(body.counts.find((c) => c.kind === 'to_callback')?.count).toBe(1);
    await expectCards(page, body);
    await expectFigures(page, 'wb-figures', body.figures!.thisMonth);
    await page.getByTestId('wb-figures-bars').waitFor();
    expect(await page.getByTestId('wb-today-item').count()).toBe(body.today!.items.length);
    await expect.poll(() => page.getByTestId('wb-shortcut-inbox').isVisible()).toBe(true);
    await shot(page, 'workbench-community');
    await followCard(page, body, 'to_accept');
    await page.goto(`${e.url}/`);
    await followCard(page, body, 'to_dispatch');
    await page.goto(`${e.url}/`);
    await followCard(page, body, 'to_callback');
  });

  it('the county: every community, and the territory’s party branches, groups, member households and demands', async () => {
    const { page, body } = await openWorkbench('county1');
    await expectCards(page, body);
    await expectFigures(page, 'wb-figures', body.figures!.thisMonth);
    expect(body.territory).toMatchObject({ compoundBranches: 2, buildingGroups: 1, memberHouseholds: 2 });
    for (const key of ['compoundBranches', 'buildingGroups', 'memberHouseholds'] as const) {
      expect(await page.getByTestId(`wb-territory-${key}`).innerText()).toBe(String(body.territory![key]));
    }
    const year = body.territory!.year as unknown as { submitted: number; resolved: number };
    expect(await page.getByTestId('wb-territory-submitted').innerText()).toBe(String(year.submitted));
    expect(await page.getByTestId('wb-territory-resolved').innerText()).toBe(String(year.resolved));
    await page.getByTestId('wb-territory-chart').locator('canvas').waitFor();
    await shot(page, 'workbench-county');
    await followCard(page, body, 'to_accept');
  });

  it('property staff: what was dispatched to their compound, to handle', async () => {
    const { page, body } = await openWorkbench('property1');
    expect(body.counts.map((c) => c.kind)).toEqual(['in_progress', 'due_soon', 'overdue', 'unread_notices']);
    expect(body.counts.find((c) => c.kind === 'in_progress')?.count).toBe(1);
    await expectCards(page, body);
    expect(body.territory).toBeNull();
    await shot(page, 'workbench-property');
    await followCard(page, body, 'in_progress');
  });

  it('an owners’ committee member: their compound’s figures and its public board, no empty menu', async () => {
    const { page, body } = await openWorkbench('committee1');
    expect(body.counts.map((c) => c.kind)).toEqual(['unread_notices']);
    expect(body.compounds).toHaveLength(1);
    const [view] = body.compounds;
    await page.getByTestId('wb-compound').waitFor();
    expect(await page.getByTestId('wb-compound').innerText()).toContain(view!.compound.name);
    await expectFigures(page, 'wb-compound-figures', view!.figures.thisMonth);
    // The compound's public demands still being handled: the three the worker has not closed yet.
    expect(view!.open.total).toBe(3);
    expect(await page.getByTestId('wb-compound-open-item').count()).toBe(view!.open.items.length);
    expect(await page.getByTestId('wb-compound-board-item').count()).toBe(view!.board.length);
    expect(view!.board.length).toBeGreaterThan(0);
    await shot(page, 'workbench-committee');
    await page.getByTestId('wb-compound-board-link').click();
    await page.waitForURL((u) => u.pathname.startsWith(`/board/${tenantId}/${e.tree.communities[0]!.id}`));
  });

  it('the resident’s phone home: the full address, the open demands and the board', async () => {
    const page = await newPage(true);
    await signIn(page, e.url, 'resident1');
    await page.goto(`${e.url}/m`);
    await page.getByTestId('resident-home').waitFor();
    const home = await call<{
      homes: { compound: string; building: string; entrance: string; room: string }[];
      openDemands: { total: number; items: { title: string }[] };
      board: { items: unknown[] } | null;
    }>(await login(e.t.app, 'resident1', PASSWORD), 'GET', '/workbench/home');
    expect(home.homes).toHaveLength(1);
    const h = home.homes[0]!;
    expect(await page.getByTestId('mobile-address').innerText()).toBe(`${h.compound} ${h.building} ${h.entrance} ${h.room}`);
    expect(await page.getByTestId('mobile-address').innerText()).toBe('第1小区 1号楼 1单元 101');
    // Four submitted, one evaluated: three open.
    expect(home.openDemands.total).toBe(3);
    expect(await page.getByTestId('mobile-open-demands').innerText()).toContain(`办理中 ${home.openDemands.total} 件`);
    expect(await page.getByTestId('mobile-open-demand').count()).toBe(home.openDemands.items.length);
    expect(await page.getByTestId('mobile-board-item').count()).toBe(home.board?.items.length ?? 0);
    await shot(page, 'resident-home');
  });
});
