import { createAccount } from '@linli/accounts/testing';
import { login } from '@linli/server/test/helpers';
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

// Property-service evaluation end to end: the community opens a quarter's round, residents rate their
// compound's property service on their phones (stars on six dimensions, one rating per household), the
// community worker reads the ranking at the desk and closes the round, and the resident then sees the
// compound's result and rank on the phone.

const WAIT = 45_000;
let e: E2E;
const contexts: BrowserContext[] = [];
let staff: Page;
let phone: Page;
const period = `${new Date().getFullYear()}-Q${Math.floor(new Date().getMonth() / 3) + 1}`;

async function newPage(mobile: boolean): Promise<Page> {
  const context = await newZhContext(e, contexts, mobile);
  context.setDefaultTimeout(WAIT);
  return context.newPage();
}

/** Gives `n` stars on every dimension of the phone's form. */
async function rate(page: Page, n: number, fees = n): Promise<void> {
  for (const d of ['cleaning', 'security', 'greening', 'repairs', 'manners', 'fees']) {
    await page
      .getByTestId(`m-rate-${d}`)
      .locator('.adm-rate-star')
      .nth((d === 'fees' ? fees : n) - 1)
      .click();
  }
}

beforeAll(async () => {
  e = await startE2E();
  await addPropertyStaffAndResident(e);
  await createAccount(e.t.deps.db, {
    tenantId: '370785',
    username: 'resident2',
    password: PASSWORD,
    grants: [{ role: 'resident', nodeId: e.tree.households[1]!.id }],
  });
  // The round is opened through the API by the community worker (its dialog is a plain form).
  const worker = await login(e.t.app, 'worker1', PASSWORD);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const res = await e.t.app.inject({
    method: 'POST',
    url: '/api/v1/property-evaluation/rounds',
    headers: worker.headers,
    payload: { nodeId: e.tree.communities[0]!.id, period, opensOn: today, closesOn: '2099-12-31' },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  staff = await newPage(false);
  await signIn(staff, e.url, 'worker1');
  phone = await newPage(true);
}, 300_000);
afterEach(printPagesIfFailed(contexts));
afterAll(() => closeE2E(e, contexts));

describe('property-service evaluation in the browser', { timeout: 240_000 }, () => {
  it('two households rate on their phones; a second rating of the same household is not offered', async () => {
    await signIn(phone, e.url, 'resident1');
    await phone.goto(`${e.url}/m/property-evaluation`);
    const form = phone.getByTestId('m-rate-form');
    await expect.poll(() => form.innerText()).toContain(period);
    expect(await phone.getByTestId('m-property-evaluation').innerText()).toContain(e.tree.compounds[0]!.name);
    // Submit stays off until every dimension has its stars.
    expect(await phone.getByTestId('m-rate-submit').isDisabled()).toBe(true);
    await rate(phone, 5, 3);
    await phone.getByTestId('m-rate-submit').click();
    await phone.getByTestId('m-rated').waitFor();
    await phone.reload();
    await phone.getByTestId('m-rated').waitFor();
    expect(await phone.getByTestId('m-rate-form').count()).toBe(0);

    const second = await newPage(true);
    await signIn(second, e.url, 'resident2');
    await second.goto(`${e.url}/m/property-evaluation`);
    await rate(second, 3);
    await second.getByTestId('m-rate-submit').click();
    await second.getByTestId('m-rated').waitFor();
  });

  it('the community worker reads the ranking, exports it and closes the round; the resident sees the result', async () => {
    await staff.goto(`${e.url}/property-evaluation`);
    await expect.poll(() => staff.getByTestId('rounds-table').innerText()).toContain(period);
    await staff.getByTestId(`round-${period}`).click();
    const ranking = staff.getByTestId('ranking-card');
    // Per dimension (5 + 3) / 2 = 4 five times and fees (3 + 3) / 2 = 3: the mean 23 / 6 × 20 = 76.7 out of 100.
    await expect.poll(() => ranking.getByTestId('ranking-table').innerText()).toContain('76.7');
    expect(await ranking.getByTestId('ranking-table').innerText()).toContain(e.tree.compounds[0]!.name);
    await ranking.getByTestId('ranking-chart').locator('canvas').waitFor();
    const download = staff.waitForEvent('download');
    await ranking.getByTestId('ranking-export').click();
    expect((await download).suggestedFilename()).toBe(`物业服务测评${period}.xlsx`);
    await staff.getByTestId(`round-close-${period}`).click();
    await staff.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => staff.getByTestId('rounds-table').innerText()).toContain('已结束');
    // Closing kept and published the combined scores: no demands or inspections there this quarter, so the residents' 76.7.
    const scores = staff.getByTestId('scores-card');
    await expect.poll(() => scores.innerText()).toContain('已公布');
    expect(await scores.getByTestId('scores-table').innerText()).toContain('76.7');

    await phone.goto(`${e.url}/m/property-evaluation`);
    const result = phone.getByTestId('m-last-result');
    await expect.poll(() => result.innerText()).toContain('76.7');
    expect(await result.innerText()).toContain(`在${e.tree.communities[0]!.name}排第 1 名`);
    expect(await phone.getByTestId('m-rate-form').count()).toBe(0);
  });

  it('the worker records an inspection against the county’s checklist with a photo; the list shows its pass rate', async () => {
    // The county's checklist is set by county staff (through the API here).
    await createAccount(e.t.deps.db, {
      tenantId: '370785',
      username: 'county-pe',
      password: PASSWORD,
      grants: [{ role: 'county_staff', nodeId: e.tree.county.id }],
    });
    const county = await login(e.t.app, 'county-pe', PASSWORD);
    const set = await e.t.app.inject({
      method: 'PUT',
      url: '/api/v1/property-evaluation/checklist',
      headers: county.headers,
      payload: { labels: ['环境卫生', '秩序维护', '绿化养护'] },
    });
    if (set.statusCode !== 200) throw new Error(set.body);
    await staff.goto(`${e.url}/property-evaluation/inspections`);
    await staff.getByTestId('inspection-record').click();
    const form = staff.getByTestId('inspection-form');
    await form.getByTestId('inspection-item-环境卫生').waitFor();
    await pickInTree(staff, staff.getByTestId('inspection-compound'), [e.tree.communities[0]!.name, e.tree.compounds[0]!.name]);
    await form.getByTestId('inspection-item-环境卫生').getByText('不合格').click();
    await form.getByTestId('inspection-item-环境卫生').locator('input[type="text"]').fill('楼道堆物未清理');
    await staff.locator('.ant-modal-footer .ant-btn-primary').click();
    const drawer = staff.getByTestId('inspection-drawer');
    await expect.poll(() => drawer.innerText()).toContain('楼道堆物未清理');
    await drawer.locator('input[type="file"]').setInputFiles({
      name: '现场.png',
      mimeType: 'image/png',
      buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
    });
    await drawer.getByTestId('inspection-photos').locator('img').first().waitFor();
    await staff.keyboard.press('Escape');
    const table = staff.getByTestId('inspections-table');
    // Two of three items passed: 66.7 %, with one photo.
    await expect.poll(() => table.innerText()).toContain('66.7%（2/3）');
    expect(await table.innerText()).toContain(e.tree.compounds[0]!.name);
  });
});

/** The open dropdown of a select (antd keeps closed ones in the page, hidden). */
const dropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Opens a territory select and walks down the tree to the last name. */
async function pickInTree(page: Page, select: Locator, path: string[]): Promise<void> {
  await select.click();
  for (const [i, name] of path.entries()) {
    const node = dropdown(page)
      .locator('.ant-select-tree-treenode', { has: page.locator('.ant-select-tree-title', { hasText: name }) })
      .first();
    if (i < path.length - 1) {
      await node.locator('.ant-select-tree-switcher').click();
      await dropdown(page)
        .locator('.ant-select-tree-title', { hasText: path[i + 1]! })
        .first()
        .waitFor();
    } else {
      await node.locator('.ant-select-tree-node-content-wrapper').click();
    }
  }
}
