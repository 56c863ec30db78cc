import ExcelJS from 'exceljs';

/** A sheet of an export: column definitions and rows as objects keyed by column key. */
export interface Sheet {
  name: string;
  columns: { header: string; key: string; width?: number }[];
  rows: object[];
}

/** A workbook with a bold, frozen, filterable header row on every sheet: the form of every list export. */
export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Linli 邻里';
  workbook.created = new Date();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = s.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? Math.max(12, c.header.length * 2 + 2) }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(s.rows);
    if (s.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ExcelColumn<T> {
  header: string;
  key: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

/** One-sheet export whose cells are computed from typed rows. */
export function buildWorkbook<T>(sheetName: string, columns: ExcelColumn<T>[], rows: Iterable<T>): Promise<Buffer> {
  const values: Record<string, unknown>[] = [];
  for (const row of rows) values.push(Object.fromEntries(columns.map((c) => [c.key, c.value(row) ?? null])));
  return toXlsx([{ name: sheetName, columns, rows: values }]);
}

/** Content-Disposition for a download with a non-ASCII file name (RFC 6266 / 5987). */
export function attachmentHeader(fileName: string, asciiFallback?: string): string {
  const ascii = (asciiFallback ?? fileName).replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
