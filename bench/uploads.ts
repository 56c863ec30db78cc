// `npm run bench -- uploads [--exceljs]`: how long refusing a zip bomb takes and how much memory it
// costs. The archive is a 1.15 GB sheet of zeros (about 1.1 MB on disk), once with an honest central
// directory and once with one that says 1,000 bytes (so only the streaming count can stop it), and
// once saying 199 MB with the ratio check off, so the stream inflates right up to the 200 MB total. --exceljs also times
// ExcelJS given the bomb directly, as imports did before the check (seconds and gigabytes: not on a
// shared machine).
import { defaultZipLimits, plainCellValue, readGrid, type ZipLimits } from '@linli/core';
import { zipBomb } from '@linli/core/zip-testing';
import ExcelJS from 'exceljs';

const MB = 1024 * 1024;

async function measure(label: string, run: () => Promise<unknown>) {
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 2);
  const started = performance.now();
  const outcome = await run().then(
    () => 'read',
    (err: { details?: { reason?: string }[]; message?: string }) => err.details?.[0]?.reason ?? err.message,
  );
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const line = { label, ms: Math.round(ms), peakRssGrowthMiB: Math.round((peak - rss0) / MB), outcome };
  console.log(JSON.stringify(line));
  return line;
}

export async function main(args: string[]): Promise<void> {
  const size = 1150 * MB;
  const honest = await zipBomb(size);
  const liar = await zipBomb(size, 1000);
  console.log(`bomb: ${(honest.length / MB).toFixed(2)} MB archive inflating to ${size / MB} MB`);
  const read = (data: Buffer, zipLimits?: ZipLimits) =>
    readGrid('bomb.xlsx', data, { cellText: (v) => String(plainCellValue(v) ?? ''), csvRowNumbers: 'record', zipLimits });
  await measure('honest directory (refused from the declared size and ratio)', () => read(honest));
  await measure('lying directory (refused by the streaming count past 1,000 bytes)', () => read(liar));
  const underLimit = await zipBomb(size, 199 * MB);
  await measure('directory says 199 MB, ratio check off (the stream inflates 199 MB, then stops)', () =>
    read(underLimit, { ...defaultZipLimits, maxRatio: Number.MAX_SAFE_INTEGER }),
  );
  if (args.includes('--exceljs')) {
    await measure('ExcelJS given the bomb directly (before the check)', () =>
      new ExcelJS.Workbook().xlsx.load(honest as unknown as ArrayBuffer),
    );
  }
}
