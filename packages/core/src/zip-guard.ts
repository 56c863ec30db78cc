import { createInflateRaw } from 'node:zlib';

// An .xlsx is a zip archive. ExcelJS (through JSZip) inflates every entry into memory before it
// reads a cell, so a small archive of highly compressed entries (a "zip bomb") costs gigabytes and
// seconds before anything can refuse it. This reads the archive's central directory and inflates
// each entry once, streaming, counting the bytes it produces and discarding them: the declared
// sizes, the entry count and the compression ratio are checked before any inflation, and the
// actual inflated bytes while inflating (declared sizes can lie), so a refusal comes after at most
// the limit's worth of inflation and with a few inflate buffers of memory.
//
// Written on node:zlib rather than with the zip readers already under ExcelJS: JSZip offers no
// streaming with a limit (it inflates whole entries), and unzipper is only a transitive
// dependency of ExcelJS at an old major version.

export interface ZipLimits {
  /** Entries in the archive. */
  maxEntries: number;
  /** Inflated bytes of all entries together (declared and actual). */
  maxTotalBytes: number;
  /** Inflated size / compressed size of one entry, for entries over `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this are not held to the ratio (tiny files compress oddly). */
  ratioFloorBytes: number;
}

/** Enough for a county's household roster; a workbook beyond it is refused before parsing. */
export const defaultZipLimits: ZipLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

export type ZipScan =
  | { ok: true; entries: ZipEntry[]; inflatedBytes: number }
  | { ok: false; reason: string; inflatedBytes: number; entry?: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;

/** The entries listed in the archive's central directory, or the reason it cannot be read. */
export function readCentralDirectory(data: Buffer): ZipEntry[] | string {
  // The end-of-central-directory record is the last 22 bytes plus a comment of up to 64 KiB.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'not a zip archive (no central directory)';
  let count = data.readUInt16LE(eocd + 10);
  let cdOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || data.readUInt32LE(locator) !== ZIP64_EOCD_LOCATOR) return 'damaged zip64 directory';
    const z64 = Number(data.readBigUInt64LE(locator + 8));
    if (z64 + 56 > data.length || data.readUInt32LE(z64) !== ZIP64_EOCD) return 'damaged zip64 directory';
    count = Number(data.readBigUInt64LE(z64 + 32));
    cdOffset = Number(data.readBigUInt64LE(z64 + 48));
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL) return 'damaged central directory';
    const method = data.readUInt16LE(p + 10);
    let compressedSize = data.readUInt32LE(p + 20);
    let declaredSize = data.readUInt32LE(p + 24);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    let localHeaderOffset = data.readUInt32LE(p + 42);
    const name = data.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    // ZIP64: the 32-bit fields that hold 0xFFFFFFFF are in the extra field 0x0001, in this order.
    let extra = p + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = data.readUInt16LE(extra);
      const size = data.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let q = extra + 4;
        const next = () => {
          const v = q + 8 <= extra + 4 + size ? Number(data.readBigUInt64LE(q)) : Number.NaN;
          q += 8;
          return v;
        };
        if (declaredSize === 0xffffffff) declaredSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      extra += 4 + size;
    }
    if (![declaredSize, compressedSize, localHeaderOffset].every(Number.isFinite)) return 'damaged zip64 entry';
    entries.push({ name, method, compressedSize, declaredSize, localHeaderOffset });
    p = extraEnd + commentLength;
  }
  return entries;
}

/**
 * Checks an archive against the limits without keeping what it inflates. Declared sizes, ratios
 * and the entry count are checked first; then each entry is inflated in a stream that stops as
 * soon as it has produced more than its declared size or the archive more than the total limit.
 */
export async function scanZip(data: Buffer, limits: ZipLimits = defaultZipLimits): Promise<ZipScan> {
  let entries: ZipEntry[] | string;
  try {
    entries = readCentralDirectory(data);
  } catch {
    // A length or offset pointing past the end of the data.
    entries = 'damaged central directory';
  }
  if (typeof entries === 'string') return { ok: false, reason: entries, inflatedBytes: 0 };
  if (entries.length > limits.maxEntries) {
    return { ok: false, reason: `the archive has ${entries.length} entries (at most ${limits.maxEntries})`, inflatedBytes: 0 };
  }
  let declaredTotal = 0;
  for (const e of entries) {
    declaredTotal += e.declaredSize;
    if (declaredTotal > limits.maxTotalBytes) return { ok: false, reason: tooLarge(limits), inflatedBytes: 0, entry: e.name };
    if (tooCompressed(e.declaredSize, e.compressedSize, limits))
      return { ok: false, reason: ratioReason(limits), inflatedBytes: 0, entry: e.name };
    if (e.method !== 0 && e.method !== 8)
      return { ok: false, reason: `unsupported compression method ${e.method}`, inflatedBytes: 0, entry: e.name };
  }
  let inflatedBytes = 0;
  for (const e of entries) {
    const h = e.localHeaderOffset;
    if (h + 30 > data.length || data.readUInt32LE(h) !== LOCAL)
      return { ok: false, reason: 'damaged entry header', inflatedBytes, entry: e.name };
    const start = h + 30 + data.readUInt16LE(h + 26) + data.readUInt16LE(h + 28);
    const end = start + e.compressedSize;
    if (end > data.length) return { ok: false, reason: 'truncated entry', inflatedBytes, entry: e.name };
    const compressed = data.subarray(start, end);
    if (e.method === 0) {
      inflatedBytes += compressed.length;
      if (compressed.length !== e.declaredSize)
        return { ok: false, reason: 'an entry is not the size it declares', inflatedBytes, entry: e.name };
      continue;
    }
    // Stop at whichever comes first: one byte past the declared size, or one past the total.
    const budget = Math.min(e.declaredSize, limits.maxTotalBytes - inflatedBytes);
    const produced = await inflateCounting(compressed, budget);
    inflatedBytes += produced.bytes;
    if (produced.error) return { ok: false, reason: 'damaged compressed data', inflatedBytes, entry: e.name };
    if (produced.bytes > e.declaredSize || produced.bytes < e.declaredSize) {
      return { ok: false, reason: 'an entry is not the size it declares', inflatedBytes, entry: e.name };
    }
    if (inflatedBytes > limits.maxTotalBytes) return { ok: false, reason: tooLarge(limits), inflatedBytes, entry: e.name };
    if (tooCompressed(produced.bytes, e.compressedSize, limits))
      return { ok: false, reason: ratioReason(limits), inflatedBytes, entry: e.name };
  }
  return { ok: true, entries, inflatedBytes };
}

const tooLarge = (l: ZipLimits) => `the archive inflates to more than ${Math.round(l.maxTotalBytes / 1024 / 1024)} MB`;
const ratioReason = (l: ZipLimits) => `an entry is compressed more than ${l.maxRatio} to 1`;
const tooCompressed = (size: number, compressed: number, l: ZipLimits) =>
  size > l.ratioFloorBytes && size > l.maxRatio * Math.max(compressed, 1);

/**
 * Inflates `compressed` and counts the output without keeping it; stops (destroys the inflater)
 * once more than `budget` bytes have come out. The count is then at most budget + one chunk.
 */
function inflateCounting(compressed: Buffer, budget: number): Promise<{ bytes: number; error?: Error }> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let bytes = 0;
    let settled = false;
    const done = (error?: Error) => {
      if (settled) return;
      settled = true;
      resolve({ bytes, error });
    };
    inflater.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > budget) {
        done();
        inflater.destroy();
      }
    });
    inflater.on('end', () => done());
    inflater.on('error', (err) => done(err));
    inflater.on('close', () => done());
    // Fed in slices, so a stop takes effect before the rest of the input is inflated.
    const slice = 64 * 1024;
    let offset = 0;
    const feed = () => {
      while (!settled && offset < compressed.length) {
        const part = compressed.subarray(offset, offset + slice);
        offset += part.length;
        if (!inflater.write(part)) {
          inflater.once('drain', feed);
          return;
        }
      }
      if (!settled && offset >= compressed.length) inflater.end();
    };
    feed();
  });
}
