import fs from 'node:fs';
import path from 'node:path';
import { createAccount } from '@linli/accounts/testing';
import { defaultWebDist } from '@linli/server';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { measureFirstLoad } from '../bench/first-load.ts';
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

// The two HTML entries of the web build in a browser: the resident pages (m.html) load antd-mobile and
// neither antd nor echarts; the staff app (index.html) loads antd and not antd-mobile; each hands the
// other's addresses to the server. Which npm packages a script holds: .vite/chunk-packages.json of the build.

let e: E2E;
const contexts: BrowserContext[] = [];
const WAIT = 20_000;
const packagesOf: Record<string, string[]> = JSON.parse(fs.readFileSync(path.join(defaultWebDist, '.vite', 'chunk-packages.json'), 'utf8'));

beforeAll(async () => {
  e = await startE2E();
  await addPropertyStaffAndResident(e);
  await createAccount(e.t.deps.db, {
    tenantId: '370785',
    username: 'resident2',
    displayName: '居民二',
    password: PASSWORD,
    mustChangePassword: true,
    grants: [{ role: 'resident', nodeId: e.tree.households[0]!.id }],
  });
});
afterAll(() => closeE2E(e, contexts));
afterEach(printPagesIfFailed(contexts));

/** A page that records the npm packages of every script it downloads. */
async function newPage(mobile: boolean): Promise<{ page: Page; libraries: Set<string> }> {
  const page = await (await newZhContext(e, contexts, mobile)).newPage();
  const libraries = new Set<string>();
  page.on('response', (res) => {
    const file = new URL(res.url()).pathname.slice(1);
    for (const name of packagesOf[file] ?? []) libraries.add(name);
  });
  return { page, libraries };
}

describe('the resident entry and the staff entry', () => {
  it('a signed-out resident opening /m gets the light sign-in page, signs in and lands on the home page without antd or echarts', async () => {
    const { page, libraries } = await newPage(true);
    await page.goto(`${e.url}/m/demands`);
    await page.getByTestId('mobile-login').waitFor({ timeout: WAIT });
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/m/demands');

    // A wrong password is answered on the page.
    await page.locator('#login-username').fill('resident1');
    await page.locator('#login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor({ timeout: WAIT });

    await page.locator('#login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('m-my-demands').waitFor({ timeout: WAIT });
    expect(new URL(page.url()).pathname).toBe('/m/demands');
    await page.getByTestId('mobile-tab-home').click();
    await page.getByTestId('mobile-home').waitFor({ timeout: WAIT });
    // A reload of a resident address is answered by the server with the same entry.
    await page.reload();
    await page.getByTestId('mobile-household').first().waitFor({ timeout: WAIT });

    expect(libraries).toContain('antd-mobile');
    expect(libraries).not.toContain('antd');
    expect(libraries).not.toContain('echarts');
  });

  it('a resident signing in on the staff login page is taken to the resident entry', async () => {
    const { page } = await newPage(true);
    await signIn(page, e.url, 'resident1');
    await page.getByTestId('mobile-home').waitFor({ timeout: WAIT });
    expect(new URL(page.url()).pathname).toBe('/m');
    // Signing out leads to the resident sign-in page, still in the light entry.
    await page.getByTestId('mobile-tab-/profile').click();
    // Their own name and account, as they are: people see their own data unmasked.
    await page.getByTestId('mobile-profile').getByText('居民一').waitFor({ timeout: WAIT });
    expect(await page.getByTestId('mobile-profile').innerText()).toContain('resident1');
    await page.getByTestId('mobile-profile').getByText('退出登录').click();
    await page.getByTestId('mobile-login').waitFor({ timeout: WAIT });
    expect(new URL(page.url()).searchParams.get('next')).toMatch(/^\/m/);
  });

  it('a resident whose password must be changed sets a new one on the resident sign-in page and goes on to /m', async () => {
    const { page, libraries } = await newPage(true);
    await page.goto(`${e.url}/m`);
    await page.locator('#login-username').fill('resident2');
    await page.locator('#login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('change-password-form').waitFor({ timeout: WAIT });
    await page.getByTestId('current-password').locator('input').fill(PASSWORD);
    await page.getByTestId('new-password').locator('input').fill('Mobile@pass2027');
    await page.getByTestId('confirm-password').locator('input').fill('Mobile@pass2027');
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('mobile-home').waitFor({ timeout: WAIT });
    expect(new URL(page.url()).pathname).toBe('/m');
    expect(libraries).not.toContain('antd');
  });

  it('staff sign in on the staff app, which loads antd without antd-mobile or echarts on the home page', async () => {
    const { page, libraries } = await newPage(false);
    await signIn(page, e.url, 'worker1');
    await page.getByTestId('language-switch').waitFor({ timeout: WAIT });
    expect(new URL(page.url()).pathname).toBe('/');
    expect(libraries).toContain('antd');
    expect(libraries).not.toContain('antd-mobile');
    expect(libraries).not.toContain('echarts');
  });
});

describe('first-load budgets of the build (issue 12 §3)', () => {
  it('every staff route opened cold stays within 350 KiB brotli and every resident route within 200 KiB', () => {
    const measured = measureFirstLoad(defaultWebDist);
    const over = Object.entries(measured)
      .filter(([, m]) => m.br > (m.entry === 'index.html' ? 350 : 200) * 1024)
      .map(([name, m]) => `${name} ${(m.br / 1024).toFixed(1)} KiB`);
    expect(over).toEqual([]);
    // The inbox and the dashboard are the heaviest staff pages: neither carries the sign-in form, and the
    // dashboard draws its rankings table (antd's Table) only once the rankings have arrived.
    expect(Object.keys(measured)).toEqual(expect.arrayContaining(['staff_login', 'staff_inbox', 'staff_dashboard']));
  });
});
