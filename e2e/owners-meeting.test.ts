import { createAccount } from '@linli/accounts/testing';
import { login, type Session } from '@linli/server/test/helpers';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeE2E, type E2E, newZhContext, PASSWORD, printPagesIfFailed, signIn, startE2E } from './support.ts';

// An owners' general meeting (业主大会) end to end. The meeting of 第1小区 was prepared, its notice
// published 20 days ago and its vote opened (two matters: renewing the property company — ordinary,
// 双过半 — and using the maintenance funds — major, 双四分之三). Five owners vote on their phones on
// the ballot pages; the community worker enters one household's paper ballot in the meeting's drawer
// (its second try for a household that voted on the phone is refused), closes the vote and publishes
// the result; the owners see it on their phones.

const WAIT = 45_000;
let e: E2E;
const contexts: BrowserContext[] = [];
let desk: Page;
let worker: Session;
const tenantId = '370785';
/** 第1小区's eight households, 100 m² each. */
const area = 100;
let meetingId = '';

async function newPage(mobile: boolean): Promise<Page> {
  const context = await newZhContext(e, contexts, mobile);
  context.setDefaultTimeout(WAIT);
  return context.newPage();
}

async function call<T>(url: string, payload: object): Promise<T> {
  const res = await e.t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: worker.headers, payload });
  if (res.statusCode >= 300) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

const day = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  e = await startE2E();
  const t = e.tree;
  const households = t.households.slice(0, 8);
  for (const h of households)
    await e.t.database.query(`UPDATE territory_node SET floor_area = $1 WHERE tenant_id = '${tenantId}' AND id = $2`, [area, h.id]);
  for (const [i, h] of households.slice(0, 5).entries())
    await createAccount(e.t.deps.db, {
      tenantId,
      username: `owner${i + 1}`,
      password: PASSWORD,
      grants: [{ role: 'resident', nodeId: h.id }],
    });
  worker = await login(e.t.app, 'worker1', PASSWORD);
  const m = await call<{ id: string }>('/owners-committees/meetings', {
    compoundId: t.compounds[0]!.id,
    kind: 'first',
    voteFrom: day(-1),
    voteUntil: day(10),
    matters: [
      { kind: 'property_company', title: '选聘物业服务企业' },
      { kind: 'fund_use', title: '使用维修资金更换电梯' },
    ],
  });
  meetingId = m.id;
  await call(`/owners-committees/meetings/${m.id}/notice`, { noticeOn: day(-20) });
  await call(`/owners-committees/meetings/${m.id}/vote`, {});
  desk = await newPage(false);
  await signIn(desk, e.url, 'worker1');
}, 300_000);
afterEach(printPagesIfFailed(contexts));
afterAll(() => closeE2E(e, contexts));

/** Opens a tree select and walks down to `path`'s last name, then picks it. */
async function pickInTree(select: Locator, path: string[]): Promise<void> {
  await select.click();
  const dropdown = desk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (const [i, name] of path.entries()) {
    const node = dropdown.locator('.ant-select-tree-treenode', { has: desk.locator('.ant-select-tree-title', { hasText: name }) }).first();
    if (i < path.length - 1) {
      await node.locator('.ant-select-tree-switcher').click();
      await dropdown
        .locator('.ant-select-tree-title', { hasText: path[i + 1]! })
        .first()
        .waitFor();
    } else await node.locator('.ant-select-tree-node-content-wrapper').click();
  }
}

describe("an owners' general meeting in the browser", { timeout: 300_000 }, () => {
  it('owners vote on their phones, the worker enters a paper ballot, closes, publishes; owners read the result', async () => {
    // Five owners: 同意 on both matters, except owner5 who opposes the funds.
    for (let i = 1; i <= 5; i++) {
      const phone = await newPage(true);
      await signIn(phone, e.url, `owner${i}`);
      await phone.goto(`${e.url}/m/owners-meetings`);
      await expect.poll(() => phone.getByTestId('m-owners-meetings').innerText()).toContain('第1小区首次业主大会');
      for (const [j, title] of ['选聘物业服务企业', '使用维修资金更换电梯'].entries()) {
        await phone.goto(`${e.url}/m/owners-meetings`);
        await phone.getByTestId('m-owners-meeting-vote').click();
        await phone.getByTestId('m-my-ballots').getByText(title).first().click();
        const ballot = phone.getByTestId('m-ballot');
        await ballot.getByText('未投票').waitFor();
        await ballot.locator('.adm-radio', { hasText: i === 5 && j === 1 ? '反对' : '同意' }).click();
        await phone.getByTestId('m-ballot-submit').click();
        await ballot.getByText('已投票').waitFor();
      }
      await phone.context().close();
    }

    await desk.goto(`${e.url}/owners-committees/meetings`);
    await desk.getByTestId('om-meetings').getByText('第1小区首次业主大会').click();
    const drawer = desk.getByTestId('om-drawer');
    await expect.poll(() => drawer.innerText()).toContain('5 / 8');
    // A paper ballot for the sixth household: 同意 on both.
    const form = drawer.getByTestId('om-paper-form');
    const household = async (building: string, entrance: string, name: string) => {
      await pickInTree(form.locator('.ant-select').first(), ['第1社区', '第1小区', building, entrance, name]);
    };
    // households[5]: 2号楼 1单元 201.
    await household('2号楼', '1单元', e.tree.households[5]!.name);
    for (const radio of await form.getByText('同意', { exact: true }).all()) await radio.click();
    await drawer.getByTestId('om-paper-submit').click();
    await expect.poll(() => drawer.getByTestId('om-paper').innerText()).toContain('社区工作者一');
    await expect.poll(() => drawer.innerText()).toContain('6 / 8');

    await drawer.getByTestId('om-close').click();
    await desk.locator('.ant-popconfirm .ant-btn-primary').click();
    const matters = drawer.getByTestId('om-matters');
    // 6 of 8 households and 600 of 800 m² took part (75 % ≥ 2/3). 同意: 6 and 6 → passes; funds 5/6 (83 %) ≥ 3/4 → passes.
    await expect.poll(() => matters.innerText()).toContain('6/8');
    await expect.poll(() => matters.locator('.ant-tag', { hasText: '通过' }).count()).toBe(2);
    await drawer.getByTestId('om-publish').click();
    await expect.poll(() => drawer.getByTestId('om-result').innerText()).toContain('经参与表决人数和面积过半数同意，表决通过');

    const phone = await newPage(true);
    await signIn(phone, e.url, 'owner1');
    await phone.goto(`${e.url}/m/owners-meetings`);
    await expect.poll(() => phone.getByTestId('m-owners-meetings').innerText()).toContain('表决结果公告');
    expect(await phone.getByTestId('m-owners-meetings').innerText()).toContain('已公布');
    expect(meetingId).not.toBe('');
  });
});
