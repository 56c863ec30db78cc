import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFRawStream, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { noticePdf } from './notice-pdf.ts';

/**
 * The text a PDF shows, read back as a viewer would: each page's content stream (deflated), its
 * hex glyph strings, and the embedded font's ToUnicode map from glyph code to character.
 */
async function extractText(bytes: Uint8Array): Promise<string> {
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
      const font = doc.context.lookup(ref) as PDFDict;
      const cmap = streamText(font.get(PDFName.of('ToUnicode')));
      for (const [, code, uni] of cmap.matchAll(/<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4,8})>/g)) {
        map.set(code!.toUpperCase(), String.fromCodePoint(...(uni!.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16))));
      }
    }
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : [page.node.get(PDFName.of('Contents'))];
    for (const ref of refs) {
      for (const [, hex] of streamText(ref).matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) {
        out += (hex!.match(/.{4}/g) ?? []).map((g) => map.get(g.toUpperCase()) ?? '?').join('');
        out += '\n';
      }
    }
  }
  return out;
}

describe('noticePdf', () => {
  it('is an A4 PDF that parses and shows the place, the month, each resolution and its evaluation', async () => {
    const bytes = await noticePdf({
      placeName: '天润花园',
      month: '2026-03',
      publishedOn: '2026-04-01',
      objectionUntil: '2026-04-08 18:00',
      committeeName: '天润花园小区事务监督委员会',
      entries: [
        {
          resolutionId: '01900000-0000-7000-8000-000000000001',
          title: '升级改造商铺污水管道',
          nodeName: '天润花园',
          status: 'in_progress',
          progress: 60,
          evaluation: { progress: 60, quality: 'good', satisfaction: 'satisfied', comment: '施工规范，居民认可' },
        },
        {
          resolutionId: '01900000-0000-7000-8000-000000000002',
          title: '谯城区毫议站路灯更换𠀀',
          nodeName: '天润花园',
          status: 'completed',
          progress: 100,
          evaluation: null,
        },
      ],
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toBe('天润花园决议落实情况公示');
    const text = await extractText(bytes);
    expect(text).toContain('天润花园决议落实情况公示');
    expect(text).toContain('2026年3月');
    expect(text).toContain('1. 升级改造商铺污水管道');
    expect(text).toContain('群众满意度 满意');
    expect(text).toContain('评价意见：施工规范，居民认可');
    // a character outside the shipped font prints as □, the rest as written
    expect(text).toContain('2. 谯城区毫议站路灯更换□');
    expect(text).toContain('本月尚未评价');
    // the font is a subset of the glyphs used, not the whole shipped file (863 KB)
    expect(bytes.length).toBeLessThan(120_000);
  });

  it('breaks a long evaluation over lines and onto a second page', async () => {
    const entry = {
      resolutionId: '01900000-0000-7000-8000-000000000003',
      title: '小区停车管理',
      nodeName: '第1小区',
      status: 'in_progress' as const,
      progress: 30,
      evaluation: { progress: 30, quality: 'fair' as const, satisfaction: 'basically_satisfied' as const, comment: '车位划线'.repeat(80) },
    };
    const bytes = await noticePdf({
      placeName: '第1小区',
      month: '2026-05',
      publishedOn: '2026-06-01',
      objectionUntil: '2026-06-08',
      entries: Array(8).fill(entry),
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(1);
    for (const page of doc.getPages()) expect(Math.round(page.getSize().width)).toBe(595);
  });
});
