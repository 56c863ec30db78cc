import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from './app-error.ts';
import { defaultZipLimits, scanZip, type ZipLimits } from './zip-guard.ts';

// Reading an uploaded spreadsheet (XLSX or CSV) into rows of cell text: what every file import
// starts with. What the header means and how cells are checked is each import's own.

/** A row of an uploaded file: its row number in the file (the first row is 1) and the text of its cells. */
export interface GridRow {
  row: number;
  cells: string[];
}

export interface ReadGridOptions {
  /** The text of an XLSX cell; plainCellValue strips ExcelJS's wrappers, the import formats what is left. */
  cellText: (value: ExcelJS.CellValue) => string;
  /**
   * How a CSV record is numbered when a quoted cell holds line breaks: by the text line it starts
   * on ('line', as an editor shows it), or by its place among the records ('record', as a
   * spreadsheet program shows it). Without line breaks in cells the two are the same.
   */
  csvRowNumbers: 'line' | 'record';
  /** What an .xlsx archive may inflate to before it is parsed (defaultZipLimits). */
  zipLimits?: ZipLimits;
}

/** The signature of an OLE2 compound file: the old binary Excel format (.xls), among others. */
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An old binary Excel workbook (.xls): refused with a message saying what to do instead. */
export function isOldExcel(data: Buffer): boolean {
  return data.length >= OLE2.length && data.subarray(0, OLE2.length).equals(OLE2);
}

/** An .xlsx name, else a .csv name, else the zip signature of the data. */
export function isXlsx(fileName: string, data: Buffer): boolean {
  if (/\.xlsx$/i.test(fileName)) return true;
  if (/\.csv$/i.test(fileName)) return false;
  return data[0] === 0x50 && data[1] === 0x4b; // zip container
}

/**
 * The rows of the first sheet of a workbook (empty rows left out) or of a CSV file (every record).
 * A file that cannot be read is 422 with a row error of row 1 (XLSX) or of the line the CSV parser
 * stopped at.
 */
export async function readGrid(fileName: string, data: Buffer, options: ReadGridOptions): Promise<GridRow[]> {
  if (isOldExcel(data)) {
    const message = 'Old Excel (.xls) files are not supported; save the file as .xlsx and upload it again';
    throw fileError(message, message);
  }
  if (!isXlsx(fileName, data)) return csvGrid(data, options.csvRowNumbers);
  await checkXlsxArchive(data, options.zipLimits);
  return xlsxGrid(data, options.cellText);
}

/**
 * Refuses an .xlsx whose archive would inflate beyond the limits (a zip bomb) before ExcelJS
 * inflates it: 422 naming the file, with the reason.
 */
export async function checkXlsxArchive(data: Buffer, limits: ZipLimits = defaultZipLimits): Promise<void> {
  const scan = await scanZip(data, limits);
  if (scan.ok) return;
  if (scan.reason.startsWith('not a zip archive')) {
    throw fileError('The file is not a readable .xlsx workbook', 'not an .xlsx file');
  }
  throw fileError('The workbook is too large or damaged once uncompressed; nothing was read', scan.reason);
}

function fileError(message: string, reason: string): AppError {
  return new AppError('unprocessable', message, [{ field: 'file', row: 1, column: '', reason }]);
}

function csvGrid(data: Buffer, rowNumbers: ReadGridOptions['csvRowNumbers']): GridRow[] {
  // Excel on Chinese Windows saves CSV as GBK; anything that is not valid UTF-8 is read as GB 18030.
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('gb18030').decode(data);
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch (err) {
    throw new AppError('unprocessable', 'The CSV file cannot be read', [
      { row: (err as { lines?: number }).lines ?? 1, column: '', reason: (err as Error).message },
    ]);
  }
  if (rowNumbers === 'record') return records.map((cells, i) => ({ row: i + 1, cells }));
  // A quoted cell may span lines, so a record's row is the line it starts on, counted here (the
  // parser's own line count takes a CRLF inside quotes for two lines).
  let line = 1;
  return records.map((cells) => {
    const row = { row: line, cells };
    line += 1 + cells.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    return row;
  });
}

async function xlsxGrid(data: Buffer, cellText: ReadGridOptions['cellText']): Promise<GridRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('unprocessable', 'The file is not a readable .xlsx workbook', [{ row: 1, column: '', reason: 'not an .xlsx file' }]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const result: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    result.push({ row: rowNumber, cells });
  });
  return result;
}

/**
 * A cell's value without ExcelJS's wrappers: rich text joined, a formula's result, a hyperlink's
 * text; a blank or an error cell is null, any other object its String().
 */
export function plainCellValue(value: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return plainCellValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return null;
  }
  return String(value);
}
