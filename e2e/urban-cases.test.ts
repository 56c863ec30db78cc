import { newId } from '@linli/core';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addPropertyStaffAndResident, closeE2E, type E2E, newZhContext, printPagesIfFailed, signIn, startE2E } from './support.ts';

// 城管进小区 and 老旧小区改造 end to end. (a) A resident reports an illegal structure in their compound
// on the phone with a photo; the community worker finds it at the desk with the photo, assigns it to the
// county's enforcing unit, adds a photo after the removal and closes it with the area removed; the
// totals by community count it. (b) The worker records a renovation project of two compounds whose
// funding must add up to the budget (the mismatch is refused), starts it, records the phases' actual
// dates, adds photos before, after and of the acceptance and accepts it: the gallery 问题小区 → 花园小区
// shows it, the counts by status and the totals count it.

const WAIT = 45_000;
const SHOTS = process.env.E2E_SHOTS; // a folder for screenshots of the pages, when set
let e: E2E;
const contexts: BrowserContext[] = [];
let desk: Page;
const png = (name: string) => ({
  name,
  mimeType: 'image/png',
  buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
});
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function newPage(mobile: boolean): Promise<Page> {
  const context = await newZhContext(e, contexts, mobile);
  context.setDefaultTimeout(WAIT);
  return context.newPage();
}

const dropdown = () => desk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Opens a tree select and walks down to `path`'s last name, then picks it. */
async function pickInTree(select: Locator, path: string[]): Promise<void> {
  await select.click();
  for (const [i, name] of path.entries()) {
    const node = dropdown()
      .locator('.ant-select-tree-treenode', { has: desk.locator('.ant-select-tree-title', { hasText: name }) })
      .first();
    if (i < path.length - 1) {
      await node.locator('.ant-select-tree-switcher').click();
      await dropdown()
        .locator('.ant-select-tree-title', { hasText: path[i + 1]! })
        .first()
        .waitFor();
    } else await node.locator('.ant-select-tree-node-content-wrapper').click();
  }
  await expect.poll(() => select.innerText()).toContain(path.at(-1)!);
}

/** The cell of the totals table's row `name` under the column headed `column`. */
async function totalsCell(name: string, column: string): Promise<string> {
  const table = desk.getByTestId('urban-totals-table');
  const headers = await table.locator('thead th').allInnerTexts();
  const index = headers.findIndex((h) => h.trim() === column);
  expect(index).toBeGreaterThan(-1);
  return table.locator('tbody tr', { hasText: name }).first().locator('td').nth(index).innerText();
}

beforeAll(async () => {
  e = await startE2E();
  await addPropertyStaffAndResident(e);
  // The county's enforcing unit.
  await e.t.database.query(
    "INSERT INTO department (tenant_id, id, code, name) VALUES ('370785', $1, 'urban_e2e', '高密市综合行政执法局')",
    [newId()],
  );
  desk = await newPage(false);
  await signIn(desk, e.url, 'worker1');
}, 300_000);
afterEach(printPagesIfFailed(contexts));
afterAll(() => closeE2E(e, contexts));

describe('城管进小区 in the browser', { timeout: 240_000 }, () => {
  it('takes a resident’s report with a photo through assignment and closing to the totals', async () => {
    const phone = await newPage(true);
    await signIn(phone, e.url, 'resident1');
    await phone.goto(`${e.url}/m/urban-cases/new`);
    const form = phone.getByTestId('m-urban-case-form');
    await form.locator('.adm-selector-item', { hasText: '违建拆除' }).click();
    await expect.poll(() => form.locator('.adm-selector-item-active').innerText()).toBe('违建拆除');
    await form.locator('textarea').fill('5号楼楼顶私搭彩钢板房');
    await phone.getByTestId('m-urban-case-photo').setInputFiles(png('roof.png'));
    await shot(phone, 'uc-1-phone-report');
    await phone.getByTestId('m-urban-case-submit').click();
    await phone.waitForURL((u) => u.pathname === '/m/urban-cases');
    await expect.poll(() => phone.locator('body').innerText()).toContain('5号楼楼顶私搭彩钢板房');
    expect(await phone.locator('body').innerText()).toContain('已上报');
    await shot(phone, 'uc-2-phone-mine');

    // The community worker sees it with the resident's photo and assigns it to the enforcing unit.
    await desk.goto(`${e.url}/urban-cases`);
    const row = desk.getByTestId('urban-cases-table').locator('tr', { hasText: '5号楼楼顶私搭彩钢板房' });
    await expect.poll(() => row.innerText()).toContain('已上报');
    expect(await row.innerText()).toContain('第1小区');
    await row.click();
    const detail = desk.getByTestId('urban-case-detail');
    await expect.poll(() => detail.getByTestId('urban-case-photos-before').locator('img').count()).toBe(1);
    expect(await detail.innerText()).toContain('居民上报');
    await shot(desk, 'uc-3-desk-reported');
    await detail.getByTestId('urban-case-assign').click();
    await desk.getByTestId('urban-case-department').click();
    await dropdown().locator('.ant-select-item-option', { hasText: '高密市综合行政执法局' }).click();
    await desk.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => detail.locator('.ant-descriptions').innerText()).toContain('已交办');
    expect(await detail.locator('.ant-descriptions').innerText()).toContain('高密市综合行政执法局');
    // Closing needs a photo after the work: with one, the case closes with the area removed.
    await detail.getByTestId('urban-case-photos-after').locator('input[type=file]').setInputFiles(png('after.png'));
    await expect.poll(() => detail.getByTestId('urban-case-photos-after').locator('img').count()).toBe(1);
    await detail.getByTestId('urban-case-close').click();
    await desk.getByTestId('urban-case-final-quantity').fill('12.5');
    await desk.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => detail.locator('.ant-descriptions').innerText()).toContain('已办结');
    expect(await detail.locator('.ant-descriptions').innerText()).toContain('12.5 平方米');
    const timeline = await detail.getByTestId('urban-case-timeline').innerText();
    expect(timeline).toContain('社区工作者一');
    await shot(desk, 'uc-4-desk-closed');

    // The resident follows it on the phone; the totals by community count it.
    await phone.reload();
    await expect.poll(() => phone.locator('body').innerText()).toContain('已办结');
    await desk.goto(`${e.url}/urban-cases/totals`);
    await desk.locator('.ant-segmented-item', { hasText: '社区' }).click();
    await expect.poll(() => totalsCell('第1社区', '拆除违建（处）')).toBe('1');
    expect(await totalsCell('第1社区', '拆除面积（平方米）')).toBe('12.5');
    await shot(desk, 'uc-5-totals');
  });

  it('records a renovation project whose funding adds up to the budget, moves it through its phases and accepts it', async () => {
    await desk.goto(`${e.url}/urban-cases/renovations`);
    await desk.getByTestId('renovations-create').click();
    const form = desk.getByTestId('renovation-form');
    await form.waitFor();
    await desk.getByTestId('renovation-name').fill('第1社区老旧小区改造（一期）');
    await pickInTree(form.getByTestId('renovation-compound').first(), ['第1社区', '第1小区']);
    await form.getByRole('button', { name: '添加小区' }).click();
    await pickInTree(form.getByTestId('renovation-compound').nth(1), ['第1社区', '第2小区']);
    for (const item of ['绿化', '照明', '停车']) await form.getByLabel(item).check();
    await desk.getByTestId('renovation-budget').fill('1000000');
    const addFunding = form.getByRole('button', { name: '添加资金来源' });
    const funding = async (i: number, source: string, amount: string) => {
      await addFunding.click();
      const line = form.locator('.ant-space-horizontal', { has: desk.locator('.ant-input-number-input[placeholder="金额（元）"]') }).nth(i);
      await line.locator('.ant-select').click();
      await dropdown().locator('.ant-select-item-option', { hasText: source }).click();
      await line.locator('.ant-input-number input').fill(amount);
    };
    await funding(0, '中央资金', '600000');
    await funding(1, '县级资金', '300000');
    // Two phases with their planned dates.
    const phase = (i: number) => form.locator('.ant-space-horizontal', { has: desk.locator('.ant-picker-range') }).nth(i);
    const range = async (picker: Locator, from: string, to: string) => {
      await picker.locator('input').nth(0).click();
      await picker.locator('input').nth(0).fill(from);
      await picker.locator('input').nth(0).press('Enter');
      await picker.locator('input').nth(1).fill(to);
      await picker.locator('input').nth(1).press('Enter');
      await expect.poll(() => picker.locator('input').nth(1).inputValue()).toBe(to);
    };
    for (const [i, [name, from, to]] of [
      ['设计', '2026-03-01', '2026-03-31'],
      ['施工', '2026-04-01', '2026-10-31'],
    ].entries()) {
      await form.getByRole('button', { name: '添加阶段' }).click();
      await phase(i).locator('input.ant-input').fill(name!);
      await range(phase(i).locator('.ant-picker-range').nth(0), from!, to!);
    }
    // 900,000 of 1,000,000 yuan: the sum shows in red as it is typed, and the server refuses it.
    const fundingItem = form.getByTestId('renovation-funding');
    await expect.poll(() => fundingItem.locator('.ant-form-item-explain-error').innerText()).toContain('资金来源合计须等于预算');
    const refused = desk.waitForResponse((r) => r.url().endsWith('/urban-cases/renovations') && r.request().method() === 'POST');
    await desk.locator('.ant-modal-footer .ant-btn-primary').click();
    expect((await refused).status()).toBe(400);
    expect(await fundingItem.locator('.ant-form-item-explain-error').innerText()).toBe(
      '合计 900000.00 元，预算 1000000.00 元；资金来源合计须等于预算',
    );
    await shot(desk, 'uc-7-funding-refused');
    expect(await desk.getByTestId('renovations-table').innerText()).not.toContain('第1社区老旧小区改造');
    // The owners' 100,000 yuan makes up the budget: no error left, and it is saved.
    await funding(2, '业主出资', '100000');
    await expect.poll(() => fundingItem.locator('.ant-form-item-explain-error').count()).toBe(0);
    await desk.locator('.ant-modal-footer .ant-btn-primary').click();
    const detail = desk.getByTestId('renovation-detail');
    await expect.poll(() => detail.innerText()).toContain('第1小区、第2小区');
    const facts = await detail.innerText();
    expect(facts).toContain('计划');
    for (const s of ['中央资金', '600,000', '县级资金', '300,000', '业主出资', '100,000', '2026-03-01 ~ 2026-03-31'])
      expect(facts).toContain(s);
    await expect.poll(() => desk.locator('.ant-card-extra').innerText()).toBe('1 个计划、0 个施工中、0 个已验收');
    // Before the work: a photo of the problem compound; then the works start.
    const upload = async (stage: string, name: string) => {
      const stageSelect = detail.locator('.ant-select', { has: desk.locator('[aria-label="照片类别"]') });
      await stageSelect.click();
      await dropdown().locator('.ant-select-item-option', { hasText: stage }).click();
      const before = await detail.locator('img').count();
      await detail.locator('input[type=file]').setInputFiles(png(name));
      await expect.poll(() => detail.locator('img').count()).toBe(before + 1);
    };
    await upload('改造前', 'before.png');
    await detail.getByRole('button', { name: /^开\s*工$/ }).click();
    await expect.poll(() => detail.locator('.ant-descriptions').innerText()).toContain('施工中');
    // The phases' actual dates, entered as they happen.
    await detail.getByRole('button', { name: '编辑项目' }).click();
    const edit = desk.getByTestId('renovation-form');
    await edit.waitFor();
    await range(phase(0).locator('.ant-picker-range').nth(1), '2026-03-02', '2026-04-05');
    await range(phase(1).locator('.ant-picker-range').nth(1), '2026-04-06', '2026-11-20');
    await desk.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => detail.innerText()).toContain('2026-04-06 ~ 2026-11-20');
    // Acceptance needs its photo: the button waits for it, and says so.
    expect(await detail.getByText('验收前请先上传验收照片').count()).toBe(1);
    expect(await detail.getByTestId('renovation-accept').isDisabled()).toBe(true);
    await upload('改造后', 'after.png');
    await upload('验收', 'acceptance.png');
    await detail.getByTestId('renovation-accept').click();
    const accept = desk.getByTestId('renovation-accept-form');
    await accept.locator('textarea').fill('绿化、照明、停车改造完成，验收合格');
    await desk.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => detail.locator('.ant-descriptions').innerText()).toContain('已验收');
    expect(await detail.locator('.ant-descriptions').innerText()).toContain(`${today} 绿化、照明、停车改造完成，验收合格`);
    // 问题小区 → 花园小区: one photo before, one after, and the acceptance's.
    const gallery = detail.getByTestId('renovation-gallery');
    expect(await detail.innerText()).toContain('问题小区 → 花园小区');
    expect(await gallery.locator('.ant-col').nth(0).locator('img').count()).toBe(1);
    expect(await gallery.locator('.ant-col').nth(1).locator('img').count()).toBe(1);
    expect(await detail.locator('img').count()).toBe(3);
    await shot(desk, 'uc-8-renovation-accepted');
    await desk.keyboard.press('Escape');
    await expect.poll(() => desk.locator('.ant-card-extra').innerText()).toBe('0 个计划、0 个施工中、1 个已验收');
    expect(await desk.getByTestId('renovations-table').innerText()).toContain('已验收');
    // The totals count the two compounds renovated in the community.
    await desk.goto(`${e.url}/urban-cases/totals`);
    await desk.locator('.ant-segmented-item', { hasText: '社区' }).click();
    await expect.poll(() => totalsCell('第1社区', '改造小区（个）')).toBe('2');
  });
});
