import { AppError, isValidIdNumber, isValidPhone, normalisePhone, plainCellValue, readGrid } from '@linli/core';
import ExcelJS from 'exceljs';
import {
  type ImportColumnKey,
  importColumns,
  type Relation,
  type ResidentTag,
  type RowError,
  relations,
  residentTags,
} from './contract.ts';
import { territoryErrors } from './errors.ts';

// Reading and checking a household/resident file (XLSX or CSV). Pure: no database. The whole
// file is checked and every problem reported with its row (the spreadsheet's own row number),
// column (the Chinese header) and value.

export const MAX_IMPORT_ROWS = 50_000;

export interface HouseholdRow {
  row: number;
  compound: string;
  building: string;
  entrance: string;
  household: string;
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  relation: Relation | null;
  phone: string | null;
  idNumber: string | null;
  tags: ResidentTag[];
  isPartyMember: boolean;
  /** 建筑面积 of the household in m² (two decimals), the weight of its vote in owners' decisions. */
  floorArea: number | null;
}

type RawRow = { row: number; cells: Partial<Record<ImportColumnKey, string>> };

const columnByKey = new Map(importColumns.map((c) => [c.key as string, c]));
const zhOf = (key: ImportColumnKey) => columnByKey.get(key)?.zh ?? key;

function headerKey(text: string): ImportColumnKey | undefined {
  const clean = text.replace(/[\s*＊]/g, '').replace(/（.*）|\(.*\)/g, '');
  for (const c of importColumns) {
    if (c.zh === clean || c.key.toLowerCase() === clean.toLowerCase() || (c.aliases as readonly string[]).includes(clean)) return c.key;
  }
  return undefined;
}

/** Reads the table of the file: a header row (Chinese or English keys), optionally the English key row, then data. */
export async function readHouseholdFile(fileName: string, data: Buffer): Promise<{ rows: RawRow[]; errors: RowError[] }> {
  const grid = await readGrid(fileName, data, { cellText, csvRowNumbers: 'record' });
  const headerIndex = grid.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  const header = grid[headerIndex];
  if (!header) return { rows: [], errors: [{ row: 1, column: '', reason: 'the file is empty' }] };
  const errors: RowError[] = [];
  const keys: (ImportColumnKey | undefined)[] = header.cells.map((c) => headerKey(c));
  for (const c of importColumns) {
    const count = keys.filter((k) => k === c.key).length;
    if (c.required && count === 0) errors.push({ row: header.row, column: c.zh, reason: 'required column is missing' });
    if (count > 1) errors.push({ row: header.row, column: c.zh, reason: 'column appears more than once' });
  }
  let body = grid.slice(headerIndex + 1);
  // The template's second row repeats the columns as English keys; it is not data.
  const second = body[0];
  if (second?.cells.every((c, i) => c.trim() === '' || c.trim() === keys[i])) body = body.slice(1);
  const rows: RawRow[] = [];
  for (const r of body) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const cells: RawRow['cells'] = {};
    r.cells.forEach((c, i) => {
      const key = keys[i];
      if (key) cells[key] = c.trim();
    });
    rows.push({ row: r.row, cells });
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ row: header.row + 1, column: '', reason: 'the file has no data rows' });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw AppError.of(territoryErrors.too_many_rows, { max: MAX_IMPORT_ROWS });
  }
  return { rows, errors };
}

/** The text of a cell as the user sees it: dates as YYYY-MM-DD, numbers without exponent. */
export function cellText(cell: ExcelJS.CellValue): string {
  const value = plainCellValue(cell);
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    // Long digit strings typed into a numeric cell have lost digits already; flag them.
    if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) return `#NUMBER:${value}`;
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value;
}

const genders: Record<string, 'male' | 'female'> = { 男: 'male', 女: 'female', male: 'male', female: 'female', m: 'male', f: 'female' };
const yes = new Set(['是', '党员', '中共党员', '预备党员', 'y', 'yes', 'true', '1']);
const no = new Set(['否', '不是', '群众', 'n', 'no', 'false', '0']);
const relationByLabel = new Map<string, Relation>();
for (const [code, labels] of Object.entries(relations) as [Relation, readonly string[]][]) {
  relationByLabel.set(code, code);
  for (const l of labels) relationByLabel.set(l, code);
}
const tagByLabel = new Map<string, ResidentTag>();
for (const [code, label] of Object.entries(residentTags) as [ResidentTag, string][]) {
  tagByLabel.set(code, code);
  tagByLabel.set(label, code);
}

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYYMMDD, YYYY年M月D日 or an Excel serial → ISO date, or undefined. */
export function parseDate(text: string): string | undefined {
  // An Excel date serial (days since 1899-12-30) that reached us as a plain number.
  if (/^\d{4,5}$/.test(text)) {
    const serial = Number(text);
    if (serial < 1 || serial > 73050) return undefined;
    return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

const MAX_NAME = 100;

/**
 * Checks every row and the file as a whole (duplicate ID numbers, the same person twice in one
 * household). Gender and birth date missing from a row are taken from the ID number; when both are
 * given they must agree with it.
 */
export function validateHouseholdRows(raw: RawRow[], today = new Date()): { rows: HouseholdRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const rows: HouseholdRow[] = [];
  const todayIso = today.toISOString().slice(0, 10);
  const seenId = new Map<string, number>();
  const seenPerson = new Map<string, number>();
  const areaOf = new Map<string, { area: number; row: number }>();
  for (const { row, cells } of raw) {
    const problems: RowError[] = [];
    const err = (key: ImportColumnKey, reason: string, value?: string) =>
      problems.push({ row, column: zhOf(key), reason, ...(value !== undefined && value !== '' ? { value } : {}) });
    const text = (key: ImportColumnKey, required: boolean): string => {
      const v = (cells[key] ?? '').replace(/\s+/g, ' ').trim();
      if (required && v === '') err(key, 'is required');
      else if (v.length > MAX_NAME) err(key, `is longer than ${MAX_NAME} characters`, v);
      return v;
    };
    const compound = text('compound', true);
    const building = text('building', true);
    const entrance = text('entrance', true);
    const household = text('household', true);
    const name = text('name', true);

    let gender: HouseholdRow['gender'] = null;
    const genderText = cells.gender ?? '';
    if (genderText) {
      gender = genders[genderText.toLowerCase()] ?? null;
      if (!gender) err('gender', 'must be 男 or 女', genderText);
    }

    let birthDate: string | null = null;
    const birthText = cells.birthDate ?? '';
    if (birthText) {
      const parsed = parseDate(birthText);
      if (!parsed) err('birthDate', 'is not a date (use YYYY-MM-DD)', birthText);
      else if (parsed > todayIso || parsed < '1900-01-01') err('birthDate', 'is not a plausible birth date', birthText);
      else birthDate = parsed;
    }

    let relation: Relation | null = null;
    const relationText = cells.relation ?? '';
    if (relationText) {
      relation = relationByLabel.get(relationText) ?? null;
      if (!relation)
        err(
          'relation',
          `must be one of ${Object.values(relations)
            .map((l) => l[0])
            .join('、')}`,
          relationText,
        );
    }

    let phone: string | null = null;
    const phoneText = cells.phone ?? '';
    if (phoneText) {
      if (!isValidPhone(phoneText)) err('phone', 'is not a valid mobile or landline number', phoneText);
      else phone = normalisePhone(phoneText);
    }

    let idNumber: string | null = null;
    const idText = (cells.idNumber ?? '').toUpperCase();
    if (idText.startsWith('#NUMBER:')) {
      err('idNumber', 'was stored as a number and has lost digits; format the column as text', idText.slice(8));
    } else if (idText) {
      if (!isValidIdNumber(idText)) err('idNumber', 'is not a valid resident ID number (GB 11643 check digit)', idText);
      else {
        idNumber = idText;
        const idBirth = `${idText.slice(6, 10)}-${idText.slice(10, 12)}-${idText.slice(12, 14)}`;
        const idGender = Number(idText[16]) % 2 === 1 ? 'male' : 'female';
        if (gender && gender !== idGender) err('gender', 'does not match the ID number', genderText);
        if (birthDate && birthDate !== idBirth) err('birthDate', `does not match the ID number (${idBirth})`, birthText);
        if (!birthText && parseDate(idBirth)) birthDate = idBirth;
        if (!genderText) gender = idGender;
        const first = seenId.get(idText);
        if (first !== undefined) err('idNumber', `the same ID number is already in row ${first}`, idText);
        else seenId.set(idText, row);
      }
    }

    const tags: ResidentTag[] = [];
    for (const label of (cells.tags ?? '').split(/[、,，;；/\s]+/).filter(Boolean)) {
      const tag = tagByLabel.get(label);
      if (!tag) err('tags', `unknown tag; use ${Object.values(residentTags).join('、')}`, label);
      else if (!tags.includes(tag)) tags.push(tag);
    }

    let isPartyMember = false;
    const partyText = (cells.isPartyMember ?? '').toLowerCase();
    if (partyText) {
      if (yes.has(partyText)) isPartyMember = true;
      else if (!no.has(partyText)) err('isPartyMember', 'must be 是 or 否', cells.isPartyMember);
    }

    // 建筑面积 belongs to the household: every row of it that gives one gives the same.
    let floorArea: number | null = null;
    const areaText = (cells.floorArea ?? '').replace(/\s|㎡|m²|平方米|平米/g, '');
    if (areaText) {
      const area = /^\d{1,5}(\.\d{1,2})?$/.test(areaText) ? Number(areaText) : Number.NaN;
      if (!(area > 0 && area < 100_000)) err('floorArea', 'is not a floor area in m² (e.g. 89.5, at most two decimals)', cells.floorArea);
      else {
        const where = [compound, building, entrance, household].join('\u0000');
        const first = areaOf.get(where);
        if (first && first.area !== area) err('floorArea', `differs from row ${first.row} of the same household (${first.area})`, areaText);
        else if (!first) areaOf.set(where, { area, row });
        floorArea = area;
      }
    }

    if (compound && building && entrance && household && name) {
      const key = [compound, building, entrance, household, name].join('\u0000');
      const first = seenPerson.get(key);
      if (first !== undefined && !idNumber) err('name', `the same person in the same household is already in row ${first}`, name);
      else if (first === undefined) seenPerson.set(key, row);
    }

    if (problems.length) errors.push(...problems);
    else
      rows.push({
        row,
        compound,
        building,
        entrance,
        household,
        name,
        gender,
        birthDate,
        relation,
        phone,
        idNumber,
        tags,
        isPartyMember,
        floorArea,
      });
  }
  return { rows, errors };
}

/** The import template: Chinese headers, the English key row, text-formatted number columns, and a sheet of rules. */
export async function householdTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Linli 邻里';
  const sheet = workbook.addWorksheet('居民导入', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = importColumns.map((c) => ({ header: c.zh, key: c.key, width: c.key === 'idNumber' ? 22 : 14 }));
  sheet.addRow(importColumns.map((c) => c.key));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF888888' } };
  for (const key of ['household', 'phone', 'idNumber'] as const) sheet.getColumn(key).numFmt = '@';
  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'zh', width: 14 },
    { header: 'key', key: 'key', width: 14 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'rule', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  const rules: Record<ImportColumnKey, string> = {
    compound: '小区名称；同名小区视为同一小区（再次导入时更新而不重复）',
    building: '楼栋名称，如 1号楼',
    entrance: '单元名称，如 1单元',
    household: '房号，如 101（请设为文本格式）',
    name: '居民姓名；每行一人',
    gender: '男 / 女；留空时按身份证号推算',
    birthDate: 'YYYY-MM-DD；留空时按身份证号推算',
    relation: Object.values(relations)
      .map((l) => l[0])
      .join(' / '),
    phone: '11 位手机号或带区号的固定电话',
    idNumber: '18 位公民身份号码（校验位按 GB 11643 检查）；有身份证号时按身份证号更新已有居民',
    tags: `用“、”分隔：${Object.values(residentTags).join('、')}`,
    isPartyMember: '是 / 否',
    floorArea: '房屋建筑面积（平方米，最多两位小数），同一户各行相同；业主表决按面积计票时使用',
  };
  for (const c of importColumns) help.addRow({ zh: c.zh, key: c.key, required: c.required ? '是' : '', rule: rules[c.key] });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
