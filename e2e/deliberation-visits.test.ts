import { createAccount } from '@linli/accounts/testing';
import { insertGrid } from '@linli/grids/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeE2E, type E2E, newZhContext, PASSWORD, printPagesIfFailed, signIn, startE2E } from './support.ts';

// Home visits (入户走访) in the browser: a grid worker makes the quarter's plan of the grid, opens its
// households, records a visit with what was raised, sees the coverage move and raises a topic from it.

const WAIT = 45_000;
let e: E2E;
const contexts: BrowserContext[] = [];
let page: Page;

beforeAll(async () => {
  e = await startE2E();
  // One grid of the first community over its first building: four households.
  await insertGrid(e.t.deps.db, { community: e.tree.communities[0]!, name: '第一网格', buildingIds: [e.tree.buildings[0]!.id] });
  await createAccount(e.t.deps.db, {
    tenantId: '370785',
    username: 'grid1',
    displayName: '网格员一',
    password: PASSWORD,
    grants: [{ role: 'grid_worker', nodeId: e.tree.communities[0]!.id }],
  });
  page = await (await newZhContext(e, contexts, false)).newPage();
  await signIn(page, e.url, 'grid1');
});
afterAll(() => closeE2E(e, contexts));
afterEach(printPagesIfFailed(contexts));

describe('home visits', { timeout: 180_000 }, () => {
  it('makes the plan, records a visit in the household list and raises a topic from it', async () => {
    await page.getByTestId('menu-deliberation-visits').click();
    await page.getByTestId('visit-make-plans').click();
    const table = page.getByTestId('visit-coverage-table');
    await table.getByText('第一网格').waitFor({ timeout: WAIT });
    expect(await table.locator('tbody tr').first().innerText()).toContain('4');

    await page.getByTestId('visit-grid-open').first().click();
    const households = page.getByTestId('visit-households-table');
    await households.locator('tbody tr').nth(3).waitFor({ timeout: WAIT });
    expect(await households.locator('tbody tr').count()).toBe(4);
    await households.getByTestId('visit-record').first().click();
    const form = page.getByTestId('visit-record-form');
    await form.locator('textarea').fill('楼道声控灯坏了，晚上看不清');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await households.getByText('楼道声控灯坏了，晚上看不清').waitFor({ timeout: WAIT });
    expect(await households.locator('tbody tr').first().innerText()).toContain('已走访');

    // Only the households not visited yet.
    await page.getByTestId('visit-only-unvisited').click();
    await expect.poll(() => households.locator('tbody tr').count(), { timeout: WAIT }).toBe(3);
    await page.getByTestId('visit-only-unvisited').click();
    await expect.poll(() => households.locator('tbody tr').count(), { timeout: WAIT }).toBe(4);

    await households.getByTestId('visit-raise-topic').click();
    await page.getByTestId('visit-topic-form').locator('input').fill('楼道照明维修');
    await page
      .locator('.ant-modal')
      .last()
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await households.getByText(/已形成议题/).waitFor({ timeout: WAIT });

    // The coverage behind the drawer: 1 of 4 households, 25 %.
    await page.keyboard.press('Escape');
    await expect.poll(() => table.locator('tbody tr').first().innerText(), { timeout: WAIT }).toContain('25%');
  });
});
