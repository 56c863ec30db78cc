import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import { toChinese } from './error-messages.ts';
import { plainCellValue, readGrid } from './spreadsheet.ts';
import { defaultZipLimits, scanZip } from './zip-guard.ts';
import { deflatedZeros, zip } from './zip-testing.ts';

const cellText = (v: ExcelJS.CellValue) => String(plainCellValue(v) ?? '');
const MB = 1024 * 1024;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('xlsx archives are inspected before they are parsed', () => {
  it('refuses an entry of 200 MB of zeros from its declared size and ratio, inflating nothing', async () => {
    const zeros = await deflatedZeros(200 * MB);
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', compressed: zeros, declaredSize: 200 * MB }]);
    expect(bomb.length).toBeLessThan(1 * MB);

    const scan = await scanZip(bomb);
    expect(scan).toMatchObject({ ok: false, inflatedBytes: 0 });

    const err = await refusal(readGrid('households.xlsx', bomb, { cellText, csvRowNumbers: 'record' }));
    expect(err.code).toBe('unprocessable');
    expect(err.details).toEqual([{ field: 'file', row: 1, column: '', reason: 'an entry is compressed more than 200 to 1' }]);
    expect(toChinese(err.message)).toBe('工作簿解压后过大或已损坏，未读取任何内容');
    expect(toChinese('an entry is compressed more than 200 to 1')).toBe('工作簿内有文件压缩比超过 200:1（疑似压缩炸弹），未读取');
  });

  it('stops inflating an entry whose central directory lies about its size, right past the declared size', async () => {
    const zeros = await deflatedZeros(200 * MB);
    const liar = zip([{ name: 'xl/worksheets/sheet1.xml', compressed: zeros, declaredSize: 1000 }]);

    const scan = await scanZip(liar);
    expect(scan.ok).toBe(false);
    if (scan.ok) return;
    expect(scan.reason).toBe('an entry is not the size it declares');
    // One inflate chunk (64 KiB) past the declared 1,000 bytes at most: nowhere near the 200 MB.
    expect(scan.inflatedBytes).toBeGreaterThan(1000);
    expect(scan.inflatedBytes).toBeLessThanOrEqual(1000 + 64 * 1024);

    const err = await refusal(readGrid('orders.xlsx', liar, { cellText, csvRowNumbers: 'line' }));
    expect(err.details).toEqual([{ field: 'file', row: 1, column: '', reason: 'an entry is not the size it declares' }]);
  });

  it('refuses entries whose declared sizes add up past the total limit, before inflating any', async () => {
    const part = await deflatedZeros(MB);
    // Each entry alone is small: 30 × 1 MB against a 16 MB total.
    const entries = Array.from({ length: 30 }, (_, i) => ({ name: `xl/media/${i}.bin`, compressed: part, declaredSize: MB }));
    const many = zip(entries);
    const limits = { ...defaultZipLimits, maxTotalBytes: 16 * MB, maxRatio: 100_000 };
    const scan = await scanZip(many, limits);
    expect(scan).toMatchObject({ ok: false, reason: 'the archive inflates to more than 16 MB', inflatedBytes: 0 });
  });

  it('refuses an archive of too many entries before inflating any', async () => {
    const empty = await deflatedZeros(0);
    const entries = Array.from({ length: defaultZipLimits.maxEntries + 1 }, (_, i) => ({
      name: `x/${i}`,
      compressed: empty,
      declaredSize: 0,
    }));
    const scan = await scanZip(zip(entries));
    expect(scan).toMatchObject({
      ok: false,
      inflatedBytes: 0,
      reason: `the archive has ${defaultZipLimits.maxEntries + 1} entries (at most ${defaultZipLimits.maxEntries})`,
    });
  });

  it('reads an ordinary workbook as before, every entry inflated once and counted', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.addRow(['姓名', '电话']);
    for (let i = 0; i < 2000; i++) sheet.addRow([`居民${i}`, `1391234${String(i).padStart(4, '0')}`]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const scan = await scanZip(data);
    expect(scan.ok).toBe(true);
    if (scan.ok) expect(scan.inflatedBytes).toBe(scan.entries.reduce((n, e) => n + e.declaredSize, 0));
    const rows = await readGrid('r.xlsx', data, { cellText, csvRowNumbers: 'record' });
    expect(rows).toHaveLength(2001);
    expect(rows[2]).toEqual({ row: 3, cells: ['居民1', '13912340001'] });
  });

  it('an entry declared empty that inflates to something is refused too', async () => {
    const data = Buffer.from('<x/>'.repeat(10));
    const compressed = await new Promise<Buffer>((resolve) => {
      const d = createDeflateRaw();
      const out: Buffer[] = [];
      d.on('data', (c: Buffer) => out.push(c));
      d.on('end', () => resolve(Buffer.concat(out)));
      d.end(data);
    });
    const scan = await scanZip(zip([{ name: 'a.xml', compressed, declaredSize: 0 }]));
    expect(scan).toMatchObject({ ok: false, reason: 'an entry is not the size it declares' });
  });
});

describe('old Excel files', () => {
  it('an .xls (OLE2 compound file) is refused with a message saying to save it as .xlsx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0x41)]);
    for (const name of ['orders.xls', 'orders.csv', 'orders']) {
      const err = await refusal(readGrid(name, ole, { cellText, csvRowNumbers: 'line' }));
      expect(err.code).toBe('unprocessable');
      expect(err.details).toEqual([
        {
          field: 'file',
          row: 1,
          column: '',
          reason: 'Old Excel (.xls) files are not supported; save the file as .xlsx and upload it again',
        },
      ]);
      expect(toChinese(err.message)).toBe('不支持旧版 Excel（.xls）文件，请另存为 .xlsx 后上传');
    }
  });
});

describe('damaged archives', () => {
  it('a directory whose lengths point past the end is refused as damaged, never thrown as a crash', async () => {
    const good = zip([{ name: 'a.xml', compressed: await deflatedZeros(10), declaredSize: 10 }]);
    for (let cut = 1; cut < good.length - 22; cut += 7) {
      // Every byte of the directory in turn set to 0xff: an error reason, never an exception.
      const bad = Buffer.from(good);
      bad[good.length - 22 - cut] = 0xff;
      const scan = await scanZip(bad);
      expect(typeof scan.ok).toBe('boolean');
    }
    const err = await refusal(readGrid('x.xlsx', good.subarray(0, good.length - 5), { cellText, csvRowNumbers: 'record' }));
    expect(err.code).toBe('unprocessable');
  });
});
