import { createDeflateRaw } from 'node:zlib';

// Zip archives built by hand for tests of the upload checks: a directory that can lie, and
// entries of zeros that compress a thousandfold (zip bombs).

const MB = 1024 * 1024;

/** `size` zero bytes deflated, produced in 1 MB slices so the test itself never holds them. */
export async function deflatedZeros(size: number): Promise<Buffer> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((resolve) => deflater.on('end', resolve));
  const slice = Buffer.alloc(MB);
  for (let left = size; left > 0; left -= MB) {
    if (!deflater.write(left >= MB ? slice : slice.subarray(0, left))) await new Promise((r) => deflater.once('drain', r));
  }
  deflater.end();
  await ended;
  return Buffer.concat(out);
}

export interface RawEntry {
  name: string;
  compressed: Buffer;
  /** What the central directory says the entry inflates to (a bomb may lie). */
  declaredSize: number;
  crc?: number;
}

/** A minimal zip archive (deflate entries), written by hand so its directory can lie. */
export function zip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc ?? 0, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc ?? 0, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.compressed);
    centrals.push(central, name);
    offset += local.length + name.length + e.compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** An .xlsx-named zip bomb: one sheet entry of `size` zero bytes (about size / 1000 on disk). */
export async function zipBomb(size = 200 * MB, declaredSize = size): Promise<Buffer> {
  return zip([{ name: 'xl/worksheets/sheet1.xml', compressed: await deflatedZeros(size), declaredSize }]);
}

/** The first bytes of an OLE2 compound file, as an old .xls starts. */
export function oldExcelFile(): Buffer {
  return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0x41)]);
}
