import { createAccount } from '@linli/accounts/testing';
import { login } from '@linli/server/test/helpers';
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

    await phone.goto(`${e.url}/m/property-evaluation`);
    const result = phone.getByTestId('m-last-result');
    await expect.poll(() => result.innerText()).toContain('76.7');
    expect(await result.innerText()).toContain(`在${e.tree.communities[0]!.name}排第 1 名`);
    expect(await phone.getByTestId('m-rate-form').count()).toBe(0);
  });
});
