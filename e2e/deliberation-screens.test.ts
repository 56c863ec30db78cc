import { login, type Session } from '@linli/server/test/helpers';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeE2E, type E2E, newZhContext, PASSWORD, printPagesIfFailed, signIn, startE2E } from './support.ts';

// Two daily screens of the topic pool (issue 13 §2–3) in the browser: a community worker merges a
// duplicate by picking the topic it repeats from the likely duplicates offered (no id to type), and
// lets the compound's station exclude elevator topics with a reason that shows in its history. The
// topics and the station are set up through the API.

const WAIT = 45_000;
let e: E2E;
let worker: Session;
const contexts: BrowserContext[] = [];
let staff: Page;
const topics: Record<string, { id: string; number: string; version: number }> = {};
const STATION = '东苑议事亭';
const DUPLICATE = '电动车飞线充电';
const SURVIVOR = '增设电动车充电桩';

async function call<T>(session: Session, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const res = await e.t.app.inject({ method, url: `/api/v1${url}`, headers: session.headers, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** The open dropdown of a select (antd keeps closed ones in the page, hidden). */
const dropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

beforeAll(async () => {
  e = await startE2E();
  worker = await login(e.t.app, 'worker1', PASSWORD);
  const nodeId = e.tree.compounds[0]!.id;
  for (const title of [SURVIVOR, '车棚充电桩数量不足', '楼道照明损坏', DUPLICATE]) {
    topics[title] = await call(worker, 'POST', '/deliberation/topics', { title, description: `${title}，居民希望商量解决。`, nodeId });
  }
  await call(worker, 'POST', '/deliberation/stations', { name: STATION, kind: 'pavilion', nodeId });
  staff = await (await newZhContext(e, contexts, false)).newPage();
  staff.context().setDefaultTimeout(WAIT);
  await signIn(staff, e.url, 'worker1');
}, 300_000);
afterEach(printPagesIfFailed(contexts));
afterAll(() => closeE2E(e, contexts));

describe('deliberation daily screens', () => {
  it('merges a duplicate into a likely duplicate picked from the list, and finds others by title', async () => {
    const duplicate = topics[DUPLICATE]!;
    await staff.goto(`${e.url}/deliberation`);
    await staff.getByTestId(`topic-${duplicate.number}`).click();
    const drawer = staff.getByTestId('topic-drawer');
    await drawer.locator('.ant-segmented-item', { hasText: '合并' }).click();
    const suggestions = staff.getByTestId('merge-suggestions');
    // Most alike first; the hall lights share no word with charging and are not offered.
    await expect
      .poll(() => suggestions.locator('.ant-radio-wrapper').allInnerTexts())
      .toEqual([expect.stringContaining('增设电动车充电桩'), expect.stringContaining('车棚充电桩数量不足')]);
    await expect.poll(() => suggestions.innerText()).toContain('相似');
    // Any other open topic is found by its title.
    const select = staff.getByTestId('merge-target');
    await select.click();
    await staff.keyboard.type('照明');
    await dropdown(staff).locator('.ant-select-item-option', { hasText: '楼道照明损坏' }).waitFor();
    await staff.keyboard.press('Escape');

    await suggestions.locator('.ant-radio-wrapper', { hasText: '增设电动车充电桩' }).click();
    await expect.poll(() => select.innerText()).toContain('增设电动车充电桩');
    await staff.getByTestId('topic-action-submit').click();
    await expect.poll(() => drawer.getByTestId('topic-status').innerText()).toBe('已合并');
    const survivor = await call<{ supportCount: number; timeline: { action: string }[] }>(
      worker,
      'GET',
      `/deliberation/topics/${topics[SURVIVOR]!.id}`,
    );
    expect(survivor.timeline.map((t) => t.action)).toContain('absorb');
  });

  it("lets the station exclude a kind of the county's allowed list with a reason, kept in its history", async () => {
    await staff.goto(`${e.url}/deliberation/scope`);
    await staff.getByRole('tab', { name: '议事站调整' }).click();
    const select = staff.getByTestId('station-scope-station');
    await select.click();
    await staff.keyboard.type('东苑');
    await dropdown(staff).locator('.ant-select-item-option', { hasText: STATION }).click();
    const elevator = staff.getByTestId('station-scope-elevator');
    await elevator.getByText('本站不予受理').click();
    const modal = staff.locator('.ant-modal', { has: staff.getByTestId('station-scope-form') });
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    await modal.getByText('必填').waitFor();
    await modal.locator('textarea').fill('小区均为多层，无加装电梯条件');
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    const history = staff.getByTestId('station-scope-history');
    await history.getByText('小区均为多层，无加装电梯条件').waitFor();
    expect(await history.locator('.ant-table-row').first().innerText()).toContain('随县级（正面清单） → 本站不予受理');
    await expect.poll(() => staff.getByTestId('station-scope-count').innerText()).toBe('本站调整 1 项');
    const station = (await call<{ items: { id: string; name: string }[] }>(worker, 'GET', '/deliberation/stations')).items.find(
      (s) => s.name === STATION,
    )!;
    const kinds = await call<{ items: { code: string; list: string; overridden: boolean }[] }>(
      worker,
      'GET',
      `/deliberation/scope-kinds?stationId=${station.id}`,
    );
    expect(kinds.items.find((k) => k.code === 'elevator')).toMatchObject({ list: 'excluded', overridden: true });
  });
});
