import { AppError, plainCellValue, readGrid } from '@linli/core';
import type ExcelJS from 'exceljs';
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

const pad = (n: number) => String(n).padStart(2, '0');

/** The text of a cell as the user sees it; date cells as 'YYYY-MM-DD HH:mm:ss' (Excel keeps wall-clock time). */
export function cellText(cell: ExcelJS.CellValue): string {
  const value = plainCellValue(cell);
  if (value === null) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(
      value.getUTCMinutes(),
    )}:${pad(value.getUTCSeconds())}`;
  }
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

/**
 * The header (first non-empty row) and the data rows of the first sheet or the CSV. Errors of the
 * file as a whole — empty, a blank or repeated header — are row errors of the header row.
 */
export async function readSourceFile(fileName: string, data: Buffer): Promise<{ table: SourceTable; errors: RowError[] }> {
  const grid = await readGrid(fileName, data, { cellText, csvRowNumbers: 'line' });
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
