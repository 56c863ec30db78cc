import fs from 'node:fs';
import { inflateSync } from 'node:zlib';
import { insertResident } from '@linli/people/testing';
import { login, type Session } from '@linli/server/test/helpers';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFRawStream, type PDFRef } from 'pdf-lib';
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

// Deliberation (议事协商) end to end, through the screens: a community worker at a desktop takes
// topics into the pool and screens them, calls a meeting at a station, runs a ballot, records the
// resolution of the adopted topic, has the supervision committee's evaluation recorded and publishes
// the month's notice (公示); the resident on a phone supports a topic, checks in, votes, takes part in
// the opinion map and objects to the notice. Only accounts, people, the council, the station and the
// committee are set up through the API.

const WAIT = 45_000;
const SHOTS = process.env.LINLI_SCREENSHOTS;

let e: E2E;
const contexts: BrowserContext[] = [];
let staff: Page;
let phone: Page;
let worker: Session;

/** This month in China, YYYY-MM (the month of the evaluation and of the notice). */
const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
const ADMITTED = '3号楼楼道堆放杂物清理';
const EXCLUDED = '小区北门外市政道路坑洼破损';
const MEETING = '第1小区十二月居民议事会';
const BALLOT = '楼道杂物清理方案表决';
const RESOLUTION = '3号楼楼道杂物集中清理';
const CONVERSATION = '楼道公共空间怎么用';

async function call<T>(session: Session, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const res = await e.t.app.inject({ method, url: `/api/v1${url}`, headers: session.headers, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

beforeAll(async () => {
  e = await startE2E();
  await addPropertyStaffAndResident(e);
  const t = e.tree;
  // The people: the resident of 1-1-101 (resident1, 居民一) and a neighbour of 1-1-201, both on the compound's council.
  const me = await insertResident(e.t.deps.db, t.households[0]!, { name: '居民一' });
  const neighbour = await insertResident(e.t.deps.db, t.households[1]!, { name: '王大妈' });
  worker = await login(e.t.app, 'worker1', PASSWORD);
  const council = await call<{ id: string }>(worker, 'POST', '/councils', {
    nodeId: t.compounds[0]!.id,
    level: 'compound',
    name: '第1小区居民议事会',
  });
  for (const residentId of [me.id, neighbour.id])
    await call(worker, 'POST', `/councils/${council.id}/seats`, { role: 'member', residentId });
  // The compound's station (议事亭) and its supervision committee with an elder (no account: staff record for him).
  await call(worker, 'POST', '/deliberation/stations', { name: '第1小区议事亭', kind: 'pavilion', nodeId: t.compounds[0]!.id });
  const committee = await call<{ id: string }>(worker, 'POST', '/supervision-committees', { nodeId: t.compounds[0]!.id });
  await call(worker, 'POST', `/supervision-committees/${committee.id}/members`, { name: '李老师', kind: 'elder_sage' });
  // The resident sits on it too, with their account: they evaluate on the phone.
  const [account] = await e.t.database.query<{ id: string }>("SELECT id FROM account WHERE username = 'resident1'");
  await call(worker, 'POST', `/supervision-committees/${committee.id}/members`, {
    name: '居民一',
    kind: 'resident_rep',
    accountId: account!.id,
  });

  staff = await newPage(false);
  await signIn(staff, e.url, 'worker1');
  phone = await newPage(true);
  await signIn(phone, e.url, 'resident1');
}, 300_000);
afterEach(printPagesIfFailed(contexts));
afterAll(() => closeE2E(e, contexts));

async function newPage(mobile: boolean): Promise<Page> {
  const context = await newZhContext(e, contexts, mobile);
  context.setDefaultTimeout(WAIT);
  return context.newPage();
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The open dropdown of a select (antd keeps closed ones in the page, hidden). */
const dropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Opens a select and picks the option with this text. */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await dropdown(page).locator('.ant-select-item-option', { hasText: option }).first().click();
  await expect.poll(() => select.innerText()).toContain(option);
}

/** Opens a tree select and walks down to `path`'s last name (opening the ones above it), then picks it. */
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
  await expect.poll(() => select.innerText()).toContain(path.at(-1)!);
}

/** The form item with this label. */
const field = (scope: Locator, label: string) =>
  scope.locator('.ant-form-item', { has: scope.page().locator('.ant-form-item-label', { hasText: label }) }).first();

/** Types a date (and time) into a picker and confirms it. */
async function typeDate(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(value);
}

/** The visible modal holding `testId`. */
const modalWith = (page: Page, testId: string) => page.locator('.ant-modal', { has: page.getByTestId(testId) });

/** Confirms the open Popconfirm. */
async function confirmPop(page: Page): Promise<void> {
  await page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary').click();
}

/** In the topic drawer: picks an action, fills its form, submits and waits for the new status. */
async function topicAction(action: string, status: string, fill?: (form: Locator) => Promise<void>): Promise<void> {
  const drawer = staff.getByTestId('topic-drawer');
  await drawer.locator('.ant-segmented-item', { hasText: action }).click();
  const form = drawer.locator('form[data-testid^="topic-action-"]');
  await fill?.(form);
  await drawer.getByTestId('topic-action-submit').click();
  await expect.poll(() => drawer.getByTestId('topic-status').innerText()).toBe(status);
}

async function openTopic(title: string): Promise<void> {
  await staff.goto(`${e.url}/deliberation`);
  await staff.getByTestId('topics-table').getByRole('button', { name: title }).click();
  await expect.poll(() => staff.locator('.ant-drawer-title').innerText()).toContain(title);
}

/**
 * The text a PDF shows, read back as a viewer does: each page's content streams (deflated), their hex
 * glyph strings, and the embedded font's ToUnicode map (as resolutions/src/notice-pdf.test.ts reads it).
 */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const streamText = (ref: unknown) => {
    const stream = doc.context.lookup(ref as PDFRef) as PDFRawStream;
    const filter = stream.dict.get(PDFName.of('Filter'));
    return (filter ? inflateSync(stream.contents) : Buffer.from(stream.contents)).toString('latin1');
  };
  let out = '';
  for (const page of doc.getPages()) {
    const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
    const map = new Map<string, string>();
    for (const [, ref] of fonts?.entries() ?? []) {
      const cmap = streamText((doc.context.lookup(ref) as PDFDict).get(PDFName.of('ToUnicode')));
      for (const [, code, uni] of cmap.matchAll(/<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4,8})>/g)) {
        map.set(code!.toUpperCase(), String.fromCodePoint(...(uni!.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16))));
      }
    }
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : [page.node.get(PDFName.of('Contents'))];
    for (const ref of refs) {
      for (const [, hex] of streamText(ref).matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) {
        out += `${(hex!.match(/.{4}/g) ?? []).map((g) => map.get(g.toUpperCase()) ?? '?').join('')}\n`;
      }
    }
  }
  return out;
}

describe('deliberation in the browser', { timeout: 240_000 }, () => {
  it('staff take two topics into the pool: one is admitted, the other excluded and redirected to a demand', async () => {
    await staff.goto(`${e.url}/deliberation`);
    for (const [title, description] of [
      [ADMITTED, '3号楼各单元楼道堆放纸箱、旧家具，影响通行和消防安全，居民希望统一清理并商定以后的管理办法。'],
      [EXCLUDED, '小区北门外的市政道路有多处坑洼，雨天积水，电动车经过容易摔倒。'],
    ] as const) {
      await staff.getByTestId('topics-create').click();
      const modal = modalWith(staff, 'topic-form');
      await pickInTree(staff, staff.getByTestId('topic-place'), [e.tree.communities[0]!.name, e.tree.compounds[0]!.name]);
      await staff.getByTestId('topic-title').fill(title);
      await staff.getByTestId('topic-description').fill(description);
      await choose(staff, field(modal, '来源').locator('.ant-select'), '板凳会');
      await modal.locator('.ant-modal-footer .ant-btn-primary').click();
      await modal.waitFor({ state: 'hidden' });
      // The new topic opens in the drawer, waiting for its screening.
      await expect.poll(() => staff.locator('.ant-drawer-title').innerText()).toContain(title);
      await expect.poll(() => staff.getByTestId('topic-drawer').getByTestId('topic-status').innerText()).toBe('待审查');
      if (title === ADMITTED) {
        await shot(staff, 'topic-screening');
        await topicAction('准入审查', '准入', async (form) => {
          await choose(staff, form.getByTestId('topic-kind'), '环境卫生');
          await field(form, '理由').locator('textarea').fill('属于小区公共环境事项，可以协商');
        });
        await topicAction('入库', '入库');
      } else {
        await topicAction('准入审查', '不予受理', async (form) => {
          await form.locator('.ant-radio-wrapper', { hasText: '不予受理' }).click();
          await choose(staff, form.getByTestId('topic-kind'), '政府部门法定职责事项');
          await field(form, '理由').locator('textarea').fill('市政道路养护是住建部门的法定职责，不属于居民协商事项');
          await pickInTree(staff, field(form, '诉求类别').locator('.ant-select'), ['市政设施', '道路破损']);
        });
        const drawer = staff.getByTestId('topic-drawer');
        expect(await drawer.innerText()).toContain('转诉求闭环办理');
        await shot(staff, 'topic-excluded-redirected');
        // Redirected, never dropped: the demand it became is in the closed loop.
        await drawer.getByRole('link', { name: '已转诉求' }).click();
        await staff.getByTestId('demand-detail').waitFor();
        expect(await staff.getByTestId('demand-detail').innerText()).toContain(EXCLUDED);
        await expect.poll(() => staff.getByTestId('demand-timeline').innerText()).toContain('转入');
        await shot(staff, 'redirected-demand');
        await staff.goto(`${e.url}/demands?tab=to_accept`);
        await expect.poll(() => staff.getByTestId('inbox-table').innerText()).toContain(EXCLUDED);
        await staff.goto(`${e.url}/deliberation`);
      }
      if (title === ADMITTED) {
        await staff.getByTestId('topic-drawer').locator('.ant-drawer-close').click();
        await staff.getByTestId('topic-drawer').waitFor({ state: 'hidden' });
      }
    }
    await expect.poll(() => staff.getByTestId('topics-table').innerText()).toContain('不予受理');
    await shot(staff, 'topic-pool');
  });

  it('the resident supports the admitted topic of their compound on the phone', async () => {
    await phone.goto(`${e.url}/m`);
    await phone.getByTestId('mobile-tab-/topics').click();
    await phone.getByTestId('m-topics').waitFor();
    const item = phone.locator('.adm-list-item', { hasText: ADMITTED });
    await item.waitFor();
    // The excluded topic is not offered for support.
    expect(await phone.getByTestId('m-topics').innerText()).not.toContain(EXCLUDED);
    await item.locator('button', { hasText: '支持' }).click();
    await expect.poll(() => item.innerText()).toContain('已支持');
    await expect.poll(() => item.innerText()).toContain('支持户数 1');
    await shot(phone, 'phone-topics');
  });

  it('a meeting at the station: notice, check-in on the phone and by staff, a ballot voted on the phone, the result', async () => {
    // The notice: the council, the station, the topic on the agenda.
    await staff.goto(`${e.url}/meetings`);
    await staff.getByTestId('meeting-create').click();
    const wizard = staff.getByTestId('meeting-wizard');
    await choose(staff, staff.getByTestId('wizard-council'), '第1小区居民议事会');
    await staff.getByTestId('wizard-title').fill(MEETING);
    const day = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    await typeDate(field(wizard, '开始时间').locator('input'), `${day} 19:00`);
    await choose(staff, staff.getByTestId('wizard-station'), '第1小区议事亭');
    await expect.poll(() => staff.getByTestId('wizard-place').inputValue()).toBe('第1小区议事亭');
    await shot(staff, 'meeting-wizard-time');
    await staff.getByTestId('wizard-next').click();
    // The agenda names the topic of the pool (its title comes with it).
    await choose(staff, staff.getByTestId('wizard-item-topic-0'), ADMITTED);
    await expect.poll(() => staff.getByTestId('wizard-item-0').inputValue()).toBe(ADMITTED);
    await shot(staff, 'meeting-wizard-agenda');
    await staff.getByTestId('wizard-next').click();
    await staff.getByTestId('wizard-submit').click();
    await staff.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const linked = await e.t.database.query<{ title: string }>(
      `SELECT t.title FROM meeting_item i JOIN deliberation_topic t ON t.tenant_id = i.tenant_id AND t.id = i.subject_id
        WHERE i.meeting_id = $1 AND i.subject_kind = 'topic'`,
      [staff.url().split('/').pop()],
    );
    expect(linked.map((r) => r.title)).toEqual([ADMITTED]);
    await staff.getByTestId('meeting-notice').click();
    await confirmPop(staff);
    await staff.getByTestId('meeting-open').waitFor();
    const code = (await staff.locator('.ant-statistic', { hasText: '签到码' }).locator('.ant-statistic-content-value').innerText()).trim();
    expect(code).toMatch(/^\d{6}$/);
    await shot(staff, 'meeting-notified');

    // Put on the agenda, the pool's topic is scheduled: its timeline names the meeting.
    const meetingUrl = staff.url();
    await openTopic(ADMITTED);
    await expect.poll(() => staff.getByTestId('topic-status').innerText()).toBe('已排期');
    await expect.poll(() => staff.getByTestId('topic-timeline-meeting').innerText()).toContain(MEETING);
    await staff.goto(meetingUrl);

    // The resident finds the notice on the phone, then checks in by the QR code shown in the room:
    // it holds the phone's check-in page with the code, which checks in once the resident confirms.
    await phone.goto(`${e.url}/m`);
    await phone.getByTestId('mobile-entry-meetings').click();
    const card = phone.getByTestId(`m-meeting-${MEETING}`);
    await card.waitFor();
    expect(await card.innerText()).toContain(ADMITTED);
    expect(await card.innerText()).toContain('第1小区议事亭');
    const qr = staff.getByTestId('meeting-check-in-qr');
    // The staff page was reloaded above: wait for it to draw the code, as the person at the door would.
    await expect.poll(() => qr.locator('canvas, svg').count()).toBeGreaterThan(0);
    const qrUrl = await qr.getAttribute('data-url');
    expect(qrUrl).toBe(`${e.url}/m/meetings/checkin?meeting=${meetingUrl.split('/').pop()}&code=${code}`);
    await phone.goto(qrUrl!);
    await expect.poll(() => phone.getByTestId('m-check-in').innerText()).toContain(MEETING);
    await shot(phone, 'phone-meeting-qr-confirm');
    await phone.getByTestId('m-check-in-confirm').click();
    await phone.getByTestId('m-check-in-done').waitFor();
    await phone.getByTestId('m-check-in-back').click();
    await expect.poll(() => card.innerText()).toContain('已签到');
    await shot(phone, 'phone-meeting-checked-in');

    // Staff check the neighbour in at the tablet; the resident shows as checked in; the meeting opens.
    await staff.reload();
    const invitees = staff.getByTestId('meeting-invitees');
    await expect.poll(() => invitees.locator('tr', { hasText: '居民一' }).innerText()).toContain('已签到');
    await staff.getByTestId('check-in-王大妈').click();
    await expect.poll(() => invitees.locator('tr', { hasText: '王大妈' }).innerText()).toContain('已签到');
    await staff.getByTestId('meeting-open').click();
    await staff.getByTestId('meeting-close').waitFor();
    await shot(staff, 'meeting-open');

    // A ballot on the topic: staff create and open it; the resident votes on the phone.
    await staff.goto(`${e.url}/ballots`);
    await staff.getByTestId('ballots-create').click();
    const ballotModal = modalWith(staff, 'ballot-form');
    await pickInTree(staff, staff.getByTestId('ballot-place'), [e.tree.communities[0]!.name, e.tree.compounds[0]!.name]);
    await staff.getByTestId('ballot-title').fill(BALLOT);
    await choose(staff, field(ballotModal, '表决事项').locator('.ant-select').first(), '议题库议题');
    await choose(staff, staff.getByTestId('ballot-subject-topic'), ADMITTED);
    await choose(staff, field(ballotModal, '通过规则').locator('.ant-select'), '简单多数');
    await shot(staff, 'ballot-create');
    await ballotModal.locator('.ant-modal-footer .ant-btn-primary').click();
    await ballotModal.waitFor({ state: 'hidden' });
    const ballot = staff.getByTestId('ballot-drawer');
    await ballot.getByTestId('ballot-open').click();
    await confirmPop(staff);
    await ballot.getByTestId('ballot-close').waitFor();

    await phone.goto(`${e.url}/m`);
    await phone.getByTestId('mobile-entry-ballots').click();
    await phone.locator('.adm-list-item', { hasText: BALLOT }).click();
    await phone.getByTestId('m-ballot').waitFor();
    await phone.locator('.adm-radio', { hasText: '同意' }).first().click();
    await phone.getByTestId('m-ballot-submit').click();
    await expect.poll(() => phone.getByTestId('m-ballot').innerText()).toContain('已投票');
    await shot(phone, 'phone-ballot-voted');

    // Staff close it and see the result: one household for 同意.
    await ballot.getByTestId('ballot-close').click();
    await confirmPop(staff);
    const result = ballot.getByTestId('ballot-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('1 / 8');
    // A simple majority has no turnout threshold, and says so.
    expect(await ballot.innerText()).toContain('不设门槛 · 通过比例 > 1/2');
    expect(await result.locator('tr', { hasText: '不同意' }).innerText()).toMatch(/^不同意\s+0\s/);
    expect(await result.locator('tr', { hasText: /^同意/ }).innerText()).toMatch(/^同意\s+1\s.*通过/s);
    await shot(staff, 'ballot-result');
    await phone.reload();
    await phone.getByTestId('m-ballot-result').waitFor();

    // The meeting ends and the topic is deliberated and adopted.
    await staff.goto(meetingUrl);
    await staff.getByTestId('meeting-close').click();
    await confirmPop(staff);
    await staff.getByTestId('meeting-report').waitFor();
    await openTopic(ADMITTED);
    await topicAction('协商议事', '已议');
    await topicAction('议定', '通过', async (form) => {
      await form.locator('.ant-radio-wrapper', { hasText: '通过' }).click();
    });
    await shot(staff, 'topic-adopted');
  });

  it('the adopted topic’s resolution with its tasks, the committee’s evaluation of the month, the month’s notice as a PDF', async () => {
    await staff.goto(`${e.url}/resolutions`);
    await staff.getByTestId('resolution-create').click();
    const modal = modalWith(staff, 'resolution-form');
    await choose(staff, staff.getByTestId('resolution-topic'), ADMITTED);
    await expect.poll(() => staff.getByTestId('resolution-place').innerText()).toContain(e.tree.compounds[0]!.name);
    await staff.getByTestId('resolution-title').fill(RESOLUTION);
    await modal.getByPlaceholder('任务').first().fill('清运楼道杂物');
    await modal.getByPlaceholder('责任方').first().fill('物业服务中心');
    await typeDate(modal.getByPlaceholder('期限').first(), `${month}-28`);
    await modal.getByRole('button', { name: '添加任务' }).click();
    await modal.getByPlaceholder('任务').nth(1).fill('制定楼道管理公约');
    await modal.getByPlaceholder('责任方').nth(1).fill('楼栋长');
    await typeDate(modal.getByPlaceholder('期限').nth(1), `${month}-28`);
    await shot(staff, 'resolution-create');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    const row = staff.getByTestId('resolutions-table').locator('tr', { hasText: RESOLUTION });
    await expect.poll(() => row.innerText()).toContain('2');
    await row.click();
    const drawer = staff.getByTestId('resolution-drawer');
    await expect.poll(() => drawer.innerText()).toContain('制定楼道管理公约');
    await expect.poll(() => drawer.getByTestId('resolution-source-topic').innerText()).toContain(ADMITTED);
    await shot(staff, 'resolution-drawer');
    // Its source topic opens in the pool.
    await drawer.getByTestId('resolution-source-topic').click();
    await staff.waitForURL(/\/deliberation\?topic=[0-9a-f-]{36}$/);
    await expect.poll(() => staff.locator('.ant-drawer-title').innerText()).toContain(ADMITTED);

    // The supervision committee's evaluation of this month, recorded by staff for the elder.
    await staff.goto(`${e.url}/resolutions/supervision`);
    await staff.getByTestId('schedule-month').click();
    const cell = staff.getByTestId('supervision-grid').locator('tr', { hasText: RESOLUTION }).locator('.ant-tag', { hasText: '待评价' });
    await cell.click();
    const evaluate = modalWith(staff, 'evaluate-form');
    await choose(staff, field(evaluate, '评价成员').locator('.ant-select'), '李老师');
    await field(evaluate, '进度').locator('input').fill('40');
    await choose(staff, field(evaluate, '质量').locator('.ant-select'), '好');
    await choose(staff, field(evaluate, '群众满意度').locator('.ant-select'), '满意');
    await field(evaluate, '意见').locator('textarea').fill('清运及时，居民认可');
    await shot(staff, 'evaluation');
    await evaluate.locator('.ant-modal-footer .ant-btn-primary').click();
    await evaluate.waitFor({ state: 'hidden' });
    await expect.poll(() => staff.getByTestId('supervision-grid').locator('tr', { hasText: RESOLUTION }).innerText()).toContain('按时评价');
    await shot(staff, 'supervision-grid');

    // The month's notice of the compound: published, and its A4 PDF downloads with the resolution in it.
    await staff.goto(`${e.url}/resolutions/notices`);
    const form = staff.getByTestId('publish-form');
    await pickInTree(staff, form.locator('.ant-select').first(), [e.tree.communities[0]!.name, e.tree.compounds[0]!.name]);
    await typeDate(field(form, '月份').locator('input'), month);
    await staff.getByTestId('publish-notice').click();
    const notice = staff.locator('.ant-table-row', { hasText: month });
    await expect.poll(() => notice.innerText()).toContain(e.tree.compounds[0]!.name);
    await shot(staff, 'notices');
    const [response, download] = await Promise.all([
      staff.waitForResponse((r) => r.url().includes('/notice.pdf')),
      staff.waitForEvent('download'),
      notice.getByRole('button', { name: /下载公示/ }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5_000);
    const text = await pdfText(bytes);
    expect(text).toContain(RESOLUTION);
    expect(text).toContain('清运及时，居民认可');
  });

  it('the resident on the phone: the opinion map (votes on others’ statements, writes one) and an objection to the notice', async () => {
    // Staff open a conversation on the topic with three statements to start from.
    await staff.goto(`${e.url}/opinion-map`);
    await staff.getByTestId('opinion-conversation-create').click();
    const modal = modalWith(staff, 'opinion-conversation-form');
    await pickInTree(staff, staff.getByTestId('opinion-conversation-place'), [e.tree.communities[0]!.name, e.tree.compounds[0]!.name]);
    await staff.getByTestId('opinion-conversation-title').fill(CONVERSATION);
    await staff
      .getByTestId('opinion-conversation-statements')
      .fill(['楼道里不应放任何私人物品', '可以放整齐的鞋柜', '电动车一律不得进楼道'].join('\n'));
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });

    await phone.goto(`${e.url}/m`);
    await phone.getByTestId('mobile-entry-opinions').click();
    await phone.locator('.adm-list-item', { hasText: CONVERSATION }).click();
    await phone.getByTestId('m-opinion-vote').waitFor();
    await shot(phone, 'phone-opinion-vote');
    for (const choice of ['m-opinion-agree', 'm-opinion-disagree', 'm-opinion-agree']) {
      const statement = await phone.getByTestId('m-opinion-statement').innerText();
      await phone.getByTestId(choice).click();
      await expect
        .poll(
          async () =>
            (await phone.getByTestId('m-opinion-statement').count()) === 0 ||
            (await phone.getByTestId('m-opinion-statement').innerText()) !== statement,
        )
        .toBe(true);
    }
    await expect.poll(() => phone.getByTestId('m-opinion-progress').innerText()).toContain('3');
    await phone.getByTestId('m-opinion-write').locator('textarea').fill('每个单元设一处公共杂物间');
    await phone.getByTestId('m-opinion-submit').click();
    await expect.poll(() => phone.getByTestId('m-opinion-write').locator('textarea').inputValue()).toBe('');
    await shot(phone, 'phone-opinion-done');
    // Staff see the resident's statement waiting for moderation.
    await staff.goto(`${e.url}/opinion-map`);
    await staff.locator('a, button', { hasText: CONVERSATION }).first().click();
    await staff.getByRole('tab', { name: '观点与审核' }).click();
    const written = staff.locator('tr', { hasText: '每个单元设一处公共杂物间' });
    await expect.poll(() => written.innerText()).toContain('待审核');
    await shot(staff, 'opinion-map-staff');
    // Approved, it is put to the other residents.
    await written.locator('[data-testid^="opinion-approve-"]').click();
    await expect.poll(() => written.innerText()).toContain('已通过');

    // The notice of the month, on the phone, while its objection period is open.
    await phone.goto(`${e.url}/m`);
    await phone.getByTestId('mobile-entry-resolutions').click();
    await phone.getByTestId('m-resolution-notices').click();
    const card = phone.locator('.adm-card', { hasText: month });
    await expect.poll(() => card.innerText()).toContain(RESOLUTION);
    await card.getByTestId('m-objection-text').locator('textarea').fill('清运后二单元楼道仍有杂物，请核实进度');
    await card.getByTestId('m-object').click();
    await expect.poll(() => card.getByTestId('m-objection-text').locator('textarea').inputValue()).toBe('');
    await shot(phone, 'phone-notice-objection');
    // Staff read it under the notice.
    await staff.goto(`${e.url}/resolutions/notices`);
    const notice = staff.locator('.ant-table-row', { hasText: month });
    await expect.poll(() => notice.innerText()).toMatch(/\s1\s/);
    await notice.locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => staff.locator('.ant-table-expanded-row').innerText()).toContain('清运后二单元楼道仍有杂物');
    await shot(staff, 'notice-objection');
  });

  it('a committee member evaluates on the phone the month’s resolutions they do not carry out themselves', async () => {
    const committees = await call<{ items: { members: { id: string; name: string }[] }[] }>(worker, 'GET', '/supervision-committees');
    const seat = committees.items.flatMap((c) => c.members).find((m) => m.name === '居民一')!;
    const task = { deadline: `${month}-28` };
    await call(worker, 'POST', '/resolutions', {
      nodeId: e.tree.compounds[0]!.id,
      title: '单元门禁维修',
      decidedOn: `${month}-01`,
      tasks: [{ title: '更换门禁读卡器', ownerKind: 'unit', ownerName: '物业服务中心', ...task }],
    });
    await call(worker, 'POST', '/resolutions', {
      nodeId: e.tree.compounds[0]!.id,
      title: '楼道公约宣传',
      decidedOn: `${month}-01`,
      tasks: [{ title: '入户宣传', ownerKind: 'person', ownerName: '居民一', ownerMemberId: seat.id, ...task }],
    });

    await phone.goto(`${e.url}/m`);
    await phone.getByTestId('mobile-entry-resolutions').click();
    await phone.getByTestId('m-evaluations-link').click();
    const list = phone.getByTestId('m-evaluations');
    // Staff recorded this month's evaluation of the first resolution; the member owns a task of another.
    await expect.poll(() => list.getByTestId(`m-evaluation-${RESOLUTION}`).innerText()).toContain('已评价');
    const owned = list.getByTestId('m-evaluation-楼道公约宣传');
    await expect.poll(() => owned.innerText()).toContain('不参与评价');
    expect(await owned.getByTestId('m-evaluate-open').count()).toBe(0);
    await shot(phone, 'phone-evaluations');

    const item = list.getByTestId('m-evaluation-单元门禁维修');
    await item.getByTestId('m-evaluate-open').click();
    const form = phone.getByTestId('m-evaluate-form');
    await form.getByTestId('m-evaluate-quality').getByText('好', { exact: true }).click();
    await form.getByTestId('m-evaluate-satisfaction').getByText('基本满意', { exact: true }).click();
    await form.getByTestId('m-evaluate-comment').locator('textarea').fill('读卡器已到货，等待安装');
    await shot(phone, 'phone-evaluate-form');
    await form.getByTestId('m-evaluate-submit').click();
    await expect.poll(() => item.innerText()).toContain('已评价');

    // Staff see it in the month's grid, evaluated on time by the member.
    await staff.goto(`${e.url}/resolutions/supervision`);
    await expect
      .poll(() => staff.getByTestId('supervision-grid').locator('tr', { hasText: '单元门禁维修' }).innerText())
      .toContain('按时评价');
    const [row] = await e.t.database.query<{ member_id: string; comment: string }>(
      `SELECT e.member_id, e.comment FROM resolution_evaluation e JOIN resolution r ON r.tenant_id = e.tenant_id AND r.id = e.resolution_id
        WHERE r.title = '单元门禁维修'`,
    );
    expect(row).toEqual({ member_id: seat.id, comment: '读卡器已到货，等待安装' });
  });
});
