import { readFile } from 'node:fs/promises';
import { maskPersonalText } from '@linli/core';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { NoticeEntry } from './contract.ts';
import type { SupervisionRepository } from './supervision.repository.ts';

/** The shipped font (a GB 2312 level-1 subset of Noto Sans CJK SC, OFL; see assets/README.md): no system font is used. */
const FONT_URL = new URL('../assets/NotoSansSC-GB2312-L1.otf', import.meta.url);
let fontBytes: Promise<Buffer> | undefined;
const loadFont = () => {
  fontBytes ??= readFile(FONT_URL);
  return fontBytes;
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const quality = { good: '好', fair: '一般', poor: '差' } as const;
const satisfaction = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' } as const;
const status = { in_progress: '实施中', completed: '已办结', cancelled: '已撤销' } as const;

export interface NoticeInput {
  placeName: string;
  month: string;
  publishedOn: string;
  objectionUntil: string;
  committeeName?: string;
  entries: NoticeEntry[];
}

/**
 * The printable A4 notice of a place's month (一事一月一评一公示) for the notice board: each
 * resolution with its progress and the committee's evaluation, the objection period and how to
 * object. The font is embedded as a subset of the glyphs used; a character the shipped font lacks
 * prints as □.
 */
export async function noticePdf(input: NoticeInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await loadFont(), { subset: true });
  const [year, month] = input.month.split('-');
  const title = `${input.placeName}决议落实情况公示`;
  doc.setTitle(title);
  doc.setSubject(`${year}年${Number(month)}月 一事一月一评一公示`);
  doc.setCreator('邻里 Linli');
  const known = new Set(font.getCharacterSet());
  const printable = (text: string) => [...text].map((c) => (known.has(c.codePointAt(0) ?? 0) ? c : '□')).join('');

  let page = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const width = A4[0] - 2 * MARGIN;
  const line = (text: string, size: number, options: { x?: number; maxWidth?: number; color?: [number, number, number] } = {}) => {
    for (const part of wrap(printable(text), font, size, options.maxWidth ?? width - (options.x ?? 0))) {
      if (y < MARGIN + size) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(part, { x: MARGIN + (options.x ?? 0), y: y - size, size, font, color: rgb(...(options.color ?? [0, 0, 0])) });
      y -= size * 1.5;
    }
  };
  const center = (text: string, size: number) => {
    const t = printable(text);
    page.drawText(t, { x: (A4[0] - font.widthOfTextAtSize(t, size)) / 2, y: y - size, size, font, color: rgb(0.7, 0.05, 0.05) });
    y -= size * 1.8;
  };
  center(title, 20);
  center(`（${year}年${Number(month)}月　一事一月一评一公示）`, 12);
  line(
    `公示期：${input.publishedOn} 至 ${input.objectionUntil}。对下列决议的落实情况或评价有异议的居民，请在公示期内通过“邻里”手机页面提出，或向${input.committeeName ?? '小区事务监督委员会'}反映。`,
    11,
  );
  y -= 6;
  if (input.entries.length === 0) line('本月没有实施中的决议。', 12);
  for (const [i, e] of input.entries.entries()) {
    rule(page, y);
    y -= 8;
    line(`${i + 1}. ${e.title}`, 13);
    line(`地点：${e.nodeName}　状态：${status[e.status]}　总体进度：${e.progress}%`, 10.5, { x: 14 });
    if (e.evaluation) {
      const ev = e.evaluation;
      line(
        `监督评价：进度 ${ev.progress ?? '-'}%　质量 ${ev.quality ? quality[ev.quality] : '-'}　群众满意度 ${ev.satisfaction ? satisfaction[ev.satisfaction] : '-'}`,
        10.5,
        { x: 14 },
      );
      if (ev.comment) line(`评价意见：${ev.comment}`, 10.5, { x: 14 });
    } else line('监督评价：本月尚未评价', 10.5, { x: 14, color: [0.5, 0.5, 0.5] });
  }
  rule(page, y);
  y -= 24;
  line(`${input.committeeName ?? '小区事务监督委员会'}`, 11, { x: width - 220 });
  line(`${input.publishedOn}`, 11, { x: width - 220 });
  return doc.save();
}

function rule(page: PDFPage, y: number) {
  page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
}

/** Breaks a text into lines that fit `maxWidth` (Chinese breaks anywhere; explicit newlines kept). */
export function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let current = '';
    for (const ch of paragraph) {
      if (current && font.widthOfTextAtSize(current + ch, size) > maxWidth) {
        out.push(current);
        current = '';
      }
      current += ch;
    }
    out.push(current);
  }
  return out;
}

/**
 * The printable notice of a published month (staff download and the public page alike). It goes on a
 * notice board: a phone or ID number typed into a title or comment is masked, as on every public page.
 */
export async function publishedNoticePdf(
  repo: SupervisionRepository,
  tenantId: string,
  notice: { nodeName: string; path: string; month: string; publishedAt: string; objectionUntil: string },
): Promise<Uint8Array> {
  const committee = await repo.committeeOver(tenantId, notice.path);
  const committeeName = committee ? (await repo.committee(tenantId, committee.id, [notice.path]))?.name : undefined;
  return noticePdf({
    placeName: notice.nodeName,
    month: notice.month,
    publishedOn: notice.publishedAt,
    objectionUntil: notice.objectionUntil,
    committeeName,
    entries: publicEntries(await repo.noticeEntries(tenantId, notice.path, notice.month)),
  });
}

/** Notice entries as the public sees them: titles and comments with phone and ID numbers masked. */
export function publicEntries(entries: NoticeEntry[]): NoticeEntry[] {
  return entries.map((e) => ({
    ...e,
    title: maskPersonalText(e.title),
    evaluation: e.evaluation && { ...e.evaluation, comment: e.evaluation.comment === null ? null : maskPersonalText(e.evaluation.comment) },
  }));
}
