import { createAccount } from '@linli/accounts/testing';
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

// Property reform end to end, at the county's desk and on a resident's phone: the compounds'
// management status computed from their contracts and collection rates, one set by hand with its
// reason kept in the history; a cluster plan (组团) solved in the browser and adopted, after which
// the compounds show their cluster; a resident reports an urban-management problem of their compound
// on the phone and the case reaches the desk; the county's dashboard shows the figures, and the resident
// sees their compound's company and fees. Companies, contracts and rates are entered through the API.

const WAIT = 45_000;
let e: E2E;
const contexts: BrowserContext[] = [];
let desk: Page;
let county: Session;
const names = ['万顺城', '岭南花园', '东关小区', '西苑小区'];

async function call<T>(method: 'POST' | 'PUT', url: string, payload: object): Promise<T> {
  const res = await e.t.app.inject({ method, url: `/api/v1${url}`, headers: county.headers, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

async function newPage(mobile: boolean): Promise<Page> {
  const context = await newZhContext(e, contexts, mobile);
  context.setDefaultTimeout(WAIT);
  return context.newPage();
}

/** The profile table's row of a compound: the one whose name button reads exactly `name` (a cluster may be named after it). */
const row = (page: Page, name: string) =>
  page.getByTestId('property-profiles-table').locator('tr', { has: page.getByRole('button', { name, exact: true }) });

beforeAll(async () => {
  e = await startE2E();
  await addPropertyStaffAndResident(e);
  const t = e.tree;
  await createAccount(e.t.deps.db, {
    tenantId: '370785',
    username: 'county1',
    password: PASSWORD,
    grants: [{ role: 'county_staff', nodeId: t.county.id }],
  });
  county = await login(e.t.app, 'county1', PASSWORD);
  // The first street's four compounds, named and placed within a kilometre of each other.
  for (const [i, name] of names.entries()) {
    await e.t.database.query("UPDATE territory_node SET name = $1, lat = $2, lng = $3 WHERE tenant_id = '370785' AND id = $4", [
      name,
      36.37 + i * 0.002,
      119.72 + i * 0.002,
      t.compounds[i]!.id,
    ]);
  }
  const company = await call<{ id: string }>('POST', '/property/companies', {
    communityId: t.communities[0]!.id,
    name: '高密市安居物业服务有限公司',
    kind: 'market',
  });
  // 万顺城 pays 95 % of its fees, 岭南花园 and 东关小区 half; 西苑小区 has no company at all.
  for (const [i, rate] of [0.95, 0.5, 0.5].entries()) {
    const contract = await call<{ id: string }>('POST', '/property/contracts', {
      companyId: company.id,
      compoundId: t.compounds[i]!.id,
      startsOn: '2025-01-01',
      feePerM2Month: 1.2,
    });
    await call('POST', `/property/contracts/${contract.id}/collections`, { period: '2025', rate });
  }
  for (const c of t.compounds.slice(0, 4)) await call('PUT', `/property/compounds/${c.id}`, { floorAreaM2: 20_000 });
  desk = await newPage(false);
  await signIn(desk, e.url, 'county1');
}, 300_000);
afterEach(printPagesIfFailed(contexts));
afterAll(() => closeE2E(e, contexts));

describe('property reform in the browser', { timeout: 240_000 }, () => {
  it('shows every compound’s status from its records, and keeps the reason of one set by hand', async () => {
    await desk.goto(`${e.url}/property`);
    await expect.poll(() => row(desk, '万顺城').innerText()).toContain('管得好');
    expect(await row(desk, '岭南花园').innerText()).toContain('管不好');
    expect(await row(desk, '西苑小区').innerText()).toContain('无人管');
    // The residents of 西苑小区 run it themselves since the spring: set by hand, with the reason.
    await row(desk, '西苑小区').getByTestId('property-override').click();
    const form = desk.getByTestId('property-override-form');
    await form.locator('.ant-select').click();
    await desk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '自己管' }).click();
    await desk.getByTestId('property-override-reason').fill('业主大会决定自行管理，已报街道备案');
    await desk.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => row(desk, '西苑小区').innerText()).toContain('自己管');
    await row(desk, '西苑小区').getByRole('button', { name: '西苑小区', exact: true }).click();
    await expect.poll(() => desk.getByTestId('property-history').innerText()).toContain('业主大会决定自行管理');
  });

  it('solves a cluster plan for the street in the browser and adopts it: the compounds show their cluster', async () => {
    const scenario = await call<{ id: string }>('POST', '/service-clusters/scenarios', {
      nodeId: e.tree.subdistricts[0]!.id,
      name: '第1街道组团方案',
      parameters: { minHouseholds: 0, maxDistanceKm: 3, timeLimitSeconds: 5 },
    });
    await desk.goto(`${e.url}/service-clusters/${scenario.id}`);
    await desk.getByTestId('cluster-solve').click();
    // The table of the plan shows once the solve ends: one cluster 一托多 over the four compounds within reach.
    const table = desk.getByTestId('clusters-table');
    await expect.poll(() => table.innerText(), { timeout: 90_000 }).toContain('一托多');
    const cluster = /(\S+组团)/.exec(await table.innerText())?.[1];
    expect(cluster).toBeTruthy();
    await desk.getByTestId('cluster-adopt').click();
    await desk.getByTestId('cluster-adopt-form').waitFor();
    await desk.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => desk.locator('.ant-card-head').first().innerText()).toContain('已采纳');
    // Every compound of the plan now names its cluster in its property profile.
    await desk.goto(`${e.url}/property`);
    for (const name of names) await expect.poll(() => row(desk, name).innerText()).toContain(cluster!);
  });

  it('takes a resident’s report of a problem in their compound on the phone to the desk', async () => {
    const phone = await newPage(true);
    await signIn(phone, e.url, 'resident1');
    await phone.goto(`${e.url}/m/urban-cases/new`);
    const form = phone.getByTestId('m-urban-case-form');
    // 乱堆乱放 is chosen already (what residents report most); a tap would take it off.
    await expect.poll(() => form.locator('.adm-selector-item-active').innerText()).toBe('乱堆乱放');
    await form.locator('textarea').fill('3号楼楼道堆放旧家具，影响通行');
    await phone.getByTestId('m-urban-case-submit').click();
    await phone.waitForURL((u) => u.pathname === '/m/urban-cases');
    await expect.poll(() => phone.locator('body').innerText()).toContain('3号楼楼道堆放旧家具');
    await desk.goto(`${e.url}/urban-cases`);
    await expect.poll(() => desk.locator('body').innerText()).toContain('3号楼楼道堆放旧家具');
  });

  it('shows the county’s figures on the property dashboard, exports and prints them, and the compound’s five-level linkage', async () => {
    await desk.goto(`${e.url}/property/dashboard`);
    const card = (key: string) => desk.getByTestId(`property-kpi-${key}`).locator('.ant-statistic-content-value');
    // Four compounds on file: 万顺城 well, 岭南花园 and 东关小区 poor, 西苑小区 self-managed by hand; one adopted cluster.
    await expect.poll(() => card('status-well').innerText()).toBe('1');
    expect(await card('compounds').innerText()).toBe('4');
    expect(await card('status-poor').innerText()).toBe('2');
    expect(await card('status-self').innerText()).toBe('1');
    expect(await card('clusters').innerText()).toBe('1');
    await desk.getByTestId('property-dashboard-status-chart').locator('canvas').waitFor();
    const download = desk.waitForEvent('download');
    await desk.getByTestId('export-excel').click();
    expect((await download).suggestedFilename()).toMatch(/物业改革数据\.xlsx$/);
    // Printed: the menu and the controls stay off the paper.
    await desk.emulateMedia({ media: 'print' });
    expect(await desk.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await desk.getByTestId('property-dashboard-print').isVisible()).toBe(false);
    await desk.emulateMedia({ media: 'screen' });

    await desk.goto(`${e.url}/property`);
    await row(desk, '万顺城').getByRole('button', { name: '万顺城', exact: true }).click();
    const linkage = desk.getByTestId('property-linkage');
    await expect.poll(() => linkage.innerText()).toContain('社区党组织');
    expect(await linkage.innerText()).toContain('业委会（物管会）');
  });

  it('shows the resident their compound’s company, fee standard and collection rate on the phone', async () => {
    const phone = await newPage(true);
    await signIn(phone, e.url, 'resident1');
    await phone.goto(`${e.url}/m/property`);
    const mine = phone.getByTestId('m-my-compound');
    await expect.poll(() => mine.innerText()).toContain('高密市安居物业服务有限公司');
    const text = await mine.innerText();
    expect(text).toContain('万顺城');
    expect(text).toContain('1.20 元/㎡·月');
    expect(text).toContain('95%（2025）');
    expect(text).toContain('管得好');
    expect(await phone.getByTestId('m-my-committee').innerText()).toContain('暂无业委会');
  });
});
