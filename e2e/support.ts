import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAccount } from '@linli/accounts/testing';
import { createTestApp, type TestApp } from '@linli/server/test/helpers';
import { buildSmallTree, createTenant, type SmallTree } from '@linli/territory/testing';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Locator, type Page } from 'playwright-core';
import type { TestContext } from 'vitest';

export const PASSWORD = 'E2e@pass2026';

export interface E2E {
  t: TestApp;
  url: string;
  tree: SmallTree;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The real server (all modules, the built web app) on a random loopback port, over a fresh test
 * database with a small county, and Debian's Chromium driven by playwright-core.
 */
export async function startE2E(): Promise<E2E> {
  // E2E_WEB_DIST: a copy of the built web app, so that a rebuild of apps/web/dist meanwhile (another
  // run on the same tree) does not swap the assets under the pages of this one.
  const t = await createTestApp(process.env.E2E_WEB_DIST ? { config: { webDist: process.env.E2E_WEB_DIST } } : undefined);
  await createTenant(t.deps.db, { tenantId: '370785', name: '高密市' });
  const tree = await buildSmallTree(t.deps.db, '370785', '高密市');
  await createAccount(t.deps.db, {
    tenantId: '370785',
    username: 'admin1',
    password: PASSWORD,
    grants: [{ role: 'system_admin', nodeId: tree.county.id }],
  });
  await createAccount(t.deps.db, {
    tenantId: '370785',
    username: 'worker1',
    displayName: '社区工作者一',
    password: PASSWORD,
    grants: [{ role: 'community_staff', nodeId: tree.communities[0]!.id }],
  });
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  return {
    t,
    url: address,
    tree,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** Adds the property staff of the first compound (property1) and a resident of the first household (resident1). */
export async function addPropertyStaffAndResident(e: E2E): Promise<void> {
  const tenantId = '370785';
  await createAccount(e.t.deps.db, {
    tenantId,
    username: 'property1',
    displayName: '物业人员一',
    password: PASSWORD,
    grants: [{ role: 'property_staff', nodeId: e.tree.compounds[0]!.id }],
  });
  await createAccount(e.t.deps.db, {
    tenantId,
    username: 'resident1',
    displayName: '居民一',
    password: PASSWORD,
    grants: [{ role: 'resident', nodeId: e.tree.households[0]!.id }],
  });
}

/** A zh-CN browser context in Shanghai time without animations, desktop (1440×900) or phone-sized (390×844), kept in `contexts` to be closed. */
export async function newZhContext(
  e: E2E,
  contexts: BrowserContext[],
  mobile: boolean,
  extra: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await e.browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: mobile ? { width: 390, height: 844 } : { width: 1440, height: 900 },
    // No dialog or menu animations (the app honours prefers-reduced-motion): a click on a dialog still
    // zooming in can land on nothing when the machine is loaded.
    reducedMotion: 'reduce',
    ...extra,
  });
  recordTrouble(context);
  contexts.push(context);
  return context;
}

/** What went wrong in a context's pages (script errors, console errors, failed and refused requests), printed with a failed test. */
const troubles = new WeakMap<BrowserContext, string[]>();

/** Starts recording a context's trouble for printPagesIfFailed (newZhContext does this itself). */
export function recordTrouble(context: BrowserContext): void {
  const log: string[] = [];
  troubles.set(context, log);
  const note = (line: string) => {
    if (log.length < 50) log.push(`${new Date().toISOString()} ${line}`);
  };
  context.on('page', (page) => {
    page.on('pageerror', (err) => note(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') note(`console error: ${msg.text()}`);
    });
  });
  context.on('requestfailed', (req) => note(`request failed: ${req.method()} ${req.url()} ${req.failure()?.errorText ?? ''}`));
  context.on('response', (res) => {
    if (res.status() >= 400) note(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
}

/** For afterAll: closes the browser contexts, then the browser and the server. */
export async function closeE2E(e: E2E | undefined, contexts: BrowserContext[]): Promise<void> {
  for (const c of contexts) await c.close().catch(() => undefined);
  await e?.close();
}

export async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  // A resident signing in on the staff page is handed to the resident pages by a full page load
  // (/m is the other HTML entry): wait for the page the person lands on, or a goto() that follows
  // is aborted by that load.
  await page
    .locator('[data-testid="user-menu"], [data-testid="mobile-home"], [data-testid="change-password-form"]')
    .first()
    .waitFor({ timeout: 60_000 });
}

/**
 * Clicks `target` until `effect` shows, for a button whose effect shows at once (before any request):
 * on a loaded CI machine a click on a dialog still opening once landed on nothing and the test
 * waited for a result that never came. Once the effect shows, the button is not clicked again.
 */
export async function clickUntilShown(target: Locator, effect: Locator, timeout = 45_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    await target.click({ timeout: Math.max(1_000, until - Date.now()) });
    try {
      await effect.waitFor({ timeout: 5_000 });
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
    }
  }
}

/** Writes a UTF-8 CSV (with BOM, as Excel saves it) and returns its path. */
export function csvFile(name: string, lines: string[][]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-')), name);
  fs.writeFileSync(file, `\ufeff${lines.map((l) => l.join(',')).join('\n')}\n`, 'utf8');
  return file;
}

/**
 * For afterEach: when a test failed, prints what each open page of `contexts` showed, so a failure
 * on a CI machine can be read without a screenshot.
 */
export function printPagesIfFailed(contexts: BrowserContext[]): (ctx: TestContext) => Promise<void> {
  return async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    for (const c of contexts) {
      for (const p of c.pages()) {
        const shown = await p
          .locator('body')
          .innerText({ timeout: 2_000 })
          .catch((err: unknown) => `(unreadable: ${String(err)})`);
        console.error(`--- page ${p.url()} ---\n${shown.slice(0, 3_000)}`);
      }
      const trouble = troubles.get(c);
      if (trouble?.length) console.error(`--- trouble in this context ---\n${trouble.join('\n')}`);
    }
  };
}
