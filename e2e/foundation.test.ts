import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { csvFile, type E2E, signIn, startE2E } from './support.ts';

let e: E2E;
let page: Page;

beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});
beforeEach(async () => {
  const context = await e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  page = await context.newPage();
});

const header = ['小区', '楼栋', '单元', '房号', '姓名', '性别', '出生日期', '与户主关系', '手机号', '身份证号', '标签', '是否党员'];

async function compoundsNamed(name: string) {
  return e.t.database.query<{ id: string }>("SELECT id FROM territory_node WHERE kind = 'compound' AND name = $1", [name]);
}

async function chooseCommunity(name: string) {
  await page.getByTestId('import-community').click();
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: name }).first().click();
}

describe('foundation in the browser', () => {
  it('animates nothing for someone who asked their system for less motion, and animates otherwise', async () => {
    // Whether a dropdown enters with an animation: antd marks it …-appear-active (or …-enter-active) while it runs.
    const animated: Record<string, boolean> = {};
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const context = await e.browser.newContext({ locale: 'zh-CN', reducedMotion });
      const p = await context.newPage();
      await signIn(p, e.url, 'worker1');
      await p.goto(`${e.url}/import`);
      await p.getByTestId('import-next').click();
      await p.evaluate(() => {
        const w = window as unknown as { sawMotion: boolean };
        w.sawMotion = false;
        const running = (el: Element) => /-(enter|appear)-active(\s|$)/.test(String(el.className));
        new MutationObserver((changes) => {
          for (const c of changes) {
            if (c.type === 'attributes' && running(c.target as Element)) w.sawMotion = true;
            for (const n of c.addedNodes) {
              if (n instanceof Element && (running(n) || n.querySelector('[class*="-appear-active"], [class*="-enter-active"]'))) {
                w.sawMotion = true;
              }
            }
          }
        }).observe(document.body, { attributes: true, attributeFilter: ['class'], childList: true, subtree: true });
      });
      await p.getByTestId('import-community').click();
      // Read once the dropdown has settled: shown, and no longer entering.
      await p.locator('.ant-select-dropdown:not([class*="-appear"]):not([class*="-enter"])').first().waitFor();
      await p.locator('.ant-select-tree-node-content-wrapper').first().waitFor();
      animated[reducedMotion] = await p.evaluate(() => (window as unknown as { sawMotion: boolean }).sawMotion);
      await context.close();
    }
    expect(animated).toEqual({ reduce: false, 'no-preference': true });
  });

  it('sends a signed-out visitor to the login page and signs in', async () => {
    await page.goto(`${e.url}/territory`);
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-username').fill('worker1');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor({ timeout: 20_000 });
    await page.getByTestId('login-password').fill('E2e@pass2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/territory/);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain('社区工作者一');
  });

  it('browses the territory tree and shows the counts of a node', async () => {
    await signIn(page, e.url, 'admin1');
    await page.goto(`${e.url}/territory`);
    const county = page.getByTestId(`tree-node-${e.tree.county.id}`);
    await county.waitFor();
    await county.click();
    const cards = page.getByTestId('counts-cards');
    await cards.waitFor();
    await expect.poll(async () => cards.innerText(), { timeout: 20_000 }).toContain('64');
    // Open the county, then its first subdistrict: children load from the API level by level.
    const expand = (id: string) =>
      page
        .locator('.ant-tree-treenode', { has: page.getByTestId(`tree-node-${id}`) })
        .locator('.ant-tree-switcher')
        .click();
    await expand(e.tree.county.id);
    await page.getByTestId(`tree-node-${e.tree.subdistricts[0]!.id}`).waitFor();
    await expand(e.tree.subdistricts[0]!.id);
    await page.getByTestId(`tree-node-${e.tree.communities[0]!.id}`).waitFor();
    await page.getByTestId(`tree-node-${e.tree.communities[0]!.id}`).click();
    await expect.poll(async () => cards.innerText(), { timeout: 20_000 }).toContain('16');
  });

  it('rejects a file with errors, shows every row error and writes nothing', async () => {
    await signIn(page, e.url, 'worker1');
    await page.goto(`${e.url}/import`);
    await page.getByTestId('import-next').click();
    await chooseCommunity(e.tree.communities[0]!.name);
    await page.getByTestId('import-next').click();
    const file = csvFile('bad.csv', [
      header,
      ['幸福家园', '1号楼', '1单元', '101', '王建国', '男', '1960-03-02', '户主', '13800001111', '', '高龄', '是'],
      ['幸福家园', '1号楼', '1单元', '102', '李秀英', '女', '1962-07-15', '户主', '12345', '', '', '否'],
      ['幸福家园', '1号楼', '1单元', '103', '', '女', '1990-01-01', '户主', '', '', '', ''],
    ]);
    await page.locator('[data-testid=import-upload] input[type=file]').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    const table = page.getByTestId('import-error-table');
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain('手机号');
    // Row numbers are those of the file (header = row 1); the bad phone is shown masked.
    expect(text).toMatch(/3\s+手机号/);
    expect(text).toMatch(/4\s+姓名/);
    expect(await compoundsNamed('幸福家园')).toEqual([]);
  });

  it('imports a good file and reports what it created', async () => {
    await signIn(page, e.url, 'worker1');
    await page.goto(`${e.url}/import`);
    await page.getByTestId('import-next').click();
    await chooseCommunity(e.tree.communities[0]!.name);
    await page.getByTestId('import-next').click();
    const file = csvFile('good.csv', [
      header,
      ['幸福家园', '1号楼', '1单元', '101', '王建国', '男', '1960-03-02', '户主', '13800001111', '', '高龄', '是'],
      ['幸福家园', '1号楼', '1单元', '101', '张桂兰', '女', '1961-05-20', '配偶', '13800001112', '', '', '否'],
      ['幸福家园', '1号楼', '2单元', '201', '李秀英', '女', '1962-07-15', '户主', '13800001113', '', '独居', '否'],
    ]);
    await page.locator('[data-testid=import-upload] input[type=file]').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await compoundsNamed('幸福家园')).toHaveLength(1);
    const residents = await e.t.database.query<{ name: string; phone_masked: string }>('SELECT name, phone_masked FROM resident');
    expect(residents.map((r) => r.name).sort()).toEqual(['张桂兰', '李秀英', '王建国'].sort());
    expect(residents.every((r) => /^138\*{4}\d{4}$/.test(r.phone_masked))).toBe(true);
    expect(await page.getByTestId('import-count-households').innerText()).toMatch(/^新增 2\b/);
    expect(await page.getByTestId('import-count-residents').innerText()).toMatch(/^新增 3\b/);
  });
});
