import { AppError } from '@linli/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FileInspection, RowError } from './contract.ts';

// Reading a work-order file (XLSX or CSV) into its header and rows of text. Pure: no database.
// Rows carry the spreadsheet's own row number (header = 1), which every row error names.

export const MAX_IMPORT_ROWS = 100_000;

export interface SourceRow {
  row: number;
  /** Cell text by header. */
  cells: Record<string, string>;
}

export interface SourceTable {
  headers: string[];
  headerRow: number;
  rows: SourceRow[];
}

interface GridRow {
  row: number;
  cells: string[];
}

export function isXlsx(fileName: string, data: Buffer): boolean {
  if (/\.xlsx$/i.test(fileName)) return true;
  if (/\.csv$/i.test(fileName)) return false;
  return data[0] === 0x50 && data[1] === 0x4b; // zip container
}

function csvGrid(data: Buffer): GridRow[] {
  // Excel on Chinese Windows saves CSV as GBK; anything that is not valid UTF-8 is read as GB 18030.
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('gb18030').decode(data);
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (err) {
    throw new AppError('unprocessable', 'The CSV file cannot be read', [
      { row: (err as { lines?: number }).lines ?? 1, column: '', reason: (err as Error).message },
    ]);
  }
  // A quoted cell may span lines, so a record's row is the line it starts on, counted here (the
  // parser's own line count takes a CRLF inside quotes for two lines).
  let line = 1;
  return records.map((cells) => {
    const row = { row: line, cells };
    line += 1 + cells.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    return row;
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The text of a cell as the user sees it; date cells as 'YYYY-MM-DD HH:mm:ss' (Excel keeps wall-clock time). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(
      value.getUTCMinutes(),
    )}:${pad(value.getUTCSeconds())}`;
  }
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? value.toFixed(0) : String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

async function xlsxGrid(data: Buffer): Promise<GridRow[]> {
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
 * The header (first non-empty row) and the data rows of the first sheet or the CSV. Errors of the
 * file as a whole — empty, a blank or repeated header — are row errors of the header row.
 */
export async function readSourceFile(fileName: string, data: Buffer): Promise<{ table: SourceTable; errors: RowError[] }> {
  const grid = isXlsx(fileName, data) ? await xlsxGrid(data) : csvGrid(data);
  const headerIndex = grid.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  const header = grid[headerIndex];
  if (!header) return { table: { headers: [], headerRow: 1, rows: [] }, errors: [{ row: 1, column: '', reason: 'the file is empty' }] };
  const errors: RowError[] = [];
  const headers = header.cells.map((c) => c.trim());
  const seen = new Set<string>();
  for (const h of headers) {
    if (h !== '' && seen.has(h)) errors.push({ row: header.row, column: h, reason: 'column appears more than once' });
    seen.add(h);
  }
  const rows: SourceRow[] = [];
  for (const r of grid.slice(headerIndex + 1)) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const cells: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h !== '') cells[h] = (r.cells[i] ?? '').trim();
    });
    rows.push({ row: r.row, cells });
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('payload_too_large', `A file may have at most ${MAX_IMPORT_ROWS} rows; split it by date`);
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ row: header.row + 1, column: '', reason: 'the file has no data rows' });
  return { table: { headers: headers.filter((h) => h !== ''), headerRow: header.row, rows }, errors };
}

const MAX_DISTINCT = 200;

/** Header, first rows and the distinct values of low-cardinality columns: what the mapping editor offers. */
export function inspectTable(table: SourceTable): FileInspection {
  const values: Record<string, string[]> = {};
  for (const h of table.headers) {
    const distinct = new Set<string>();
    for (const r of table.rows) {
      const v = r.cells[h] ?? '';
      if (v === '') continue;
      distinct.add(v);
      if (distinct.size > MAX_DISTINCT) break;
    }
    if (distinct.size > 0 && distinct.size <= MAX_DISTINCT) values[h] = [...distinct].sort((a, b) => a.localeCompare(b));
  }
  return { headers: table.headers, rows: table.rows.length, samples: table.rows.slice(0, 5).map((r) => r.cells), values };
}
