import { login, type Session } from '@linli/server/test/helpers';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeE2E, type E2E, newZhContext, PASSWORD, printPagesIfFailed, signIn, startE2E } from './support.ts';

// The deliberation dashboard (议事看板) in the browser: a community worker's figures of the topics
// taken in (three collected, one admitted, one excluded), a rate without a base shown as —, the
// figures as an Excel workbook, and a figure opening the records it counts (the pool filtered through
// its address). The topics are set up through the API.

const WAIT = 45_000;
let e: E2E;
const contexts: BrowserContext[] = [];
let staff: Page;

const ADMITTED = '楼道堆放杂物清理';
const EXCLUDED = '邻居之间的装修噪音赔偿';
const WAITING = '小区北门加装充电桩';

async function call<T>(session: Session, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const res = await e.t.app.inject({ method, url: `/api/v1${url}`, headers: session.headers, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

beforeAll(async () => {
  e = await startE2E();
  const worker = await login(e.t.app, 'worker1', PASSWORD);
  const nodeId = e.tree.compounds[0]!.id;
  const topics: Record<string, { id: string; version: number }> = {};
  for (const title of [ADMITTED, EXCLUDED, WAITING]) {
    topics[title] = await call(worker, 'POST', '/deliberation/topics', { title, description: `${title}，居民希望商量解决。`, nodeId });
  }
  const admitted = topics[ADMITTED]!;
  await call(worker, 'POST', `/deliberation/topics/${admitted.id}/screen`, {
    version: admitted.version,
    outcome: 'admissible',
    kindCode: 'environment',
  });
  const excluded = topics[EXCLUDED]!;
  await call(worker, 'POST', `/deliberation/topics/${excluded.id}/screen`, {
    version: excluded.version,
    outcome: 'excluded',
    kindCode: 'private_dispute',
    reason: '不涉及公共利益的个人纠纷',
  });
  staff = await (await newZhContext(e, contexts, false, { acceptDownloads: true })).newPage();
  await signIn(staff, e.url, 'worker1');
});
afterAll(() => closeE2E(e, contexts));
afterEach(printPagesIfFailed(contexts));

describe('the deliberation dashboard', { timeout: 180_000 }, () => {
  it('shows the figures of the place and period, — for a rate without a base, and the charts', async () => {
    await staff.getByTestId('menu-deliberation-dashboard').click();
    await staff.getByTestId('deliberation-dashboard').waitFor({ timeout: WAIT });
    await expect.poll(() => staff.getByTestId('kpi-topicsCollected').innerText(), { timeout: WAIT }).toContain('3');
    expect(await staff.getByTestId('kpi-meetings').innerText()).toContain('0');
    // Nothing decided yet: no completion rate, not 0%.
    expect(await staff.getByTestId('kpi-completionRate').innerText()).toContain('—');
    expect(await staff.getByTestId('kpi-completionRate').innerText()).not.toContain('%');
    // The period is the last 12 months by default: a year back from today, as the counties' reports count.
    const period = staff.getByTestId('deliberation-dashboard').locator('.ant-picker-range input');
    const first = new Date(Date.now() + 8 * 3_600_000);
    first.setUTCFullYear(first.getUTCFullYear() - 1);
    first.setUTCDate(first.getUTCDate() + 1);
    expect(await period.first().inputValue()).toBe(first.toISOString().slice(0, 10));
    await staff.getByTestId('chart-flow').locator('canvas').first().waitFor({ timeout: WAIT });
    await staff.getByTestId('chart-status').locator('canvas').first().waitFor({ timeout: WAIT });
  });

  it('exports the figures as an Excel workbook', async () => {
    const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByTestId('kpi-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^议事协商数据-.+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['议事协商指标', '按月', '按层级', '按状态']);
    const figures = new Map<string, unknown>();
    workbook.worksheets[0]!.eachRow((row) => figures.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(figures.get('收集议题')).toBe(3);
    expect(figures.get('准入议题')).toBe(1);
    expect(figures.get('排除议题')).toBe(1);
    expect(figures.get('办结率')).toBeNull();
    const states = new Map<string, unknown>();
    workbook.worksheets[3]!.eachRow((row) => states.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(states.get('待审查')).toBe(1);
    expect(states.get('不予受理')).toBe(1);
  });

  it('opens the records a figure counts, and the pool filtered by its address', async () => {
    await staff.getByTestId('kpi-topicsCollected').click();
    await staff.getByTestId('topics-table').waitFor({ timeout: WAIT });
    for (const title of [ADMITTED, EXCLUDED, WAITING]) {
      await expect.poll(() => staff.getByTestId('topics-table').innerText(), { timeout: WAIT }).toContain(title);
    }
    await staff.goBack();
    expect(await staff.getByTestId('kpi-meetings').getAttribute('href')).toMatch(
      /^\/meetings\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
    );

    await staff.goto(`${e.url}/deliberation?status=excluded`);
    await expect.poll(() => staff.getByTestId('topics-table').innerText(), { timeout: WAIT }).toContain(EXCLUDED);
    const rows = await staff.getByTestId('topics-table').innerText();
    expect(rows).not.toContain(ADMITTED);
    expect(rows).not.toContain(WAITING);
    expect(await staff.getByTestId('topics-status').innerText()).toContain('不予受理');
  });
});
