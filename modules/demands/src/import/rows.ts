import { isValidPhone, normalisePhone } from '@linli/core';
import { type Channel, type DemandType, demandChannels, demandTypes } from '../contract.ts';
import { type DemandImportConfig, type ImportField, type ImportStatus, importStatuses, type RowError } from './contract.ts';
import { parseSourceDate } from './dates.ts';
import type { SourceRow, SourceTable } from './parser.ts';

// Turning the rows of a source file into demand values through a mapping. Pure: no database. Every
// row is checked and every problem reported (row, the source's column, reason, value); names that
// only the database can resolve (category codes, places, existing external ids) are checked by the
// import command afterwards.

export interface MappedRow {
  row: number;
  externalId: string;
  title: string;
  description: string;
  channel: Channel;
  type: DemandType;
  /** Our category code, after the value map and the default. */
  categoryCode: string;
  /** The location cell (a territory node code or name), or null to use the default place. */
  nodeValue: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  reporterName: string | null;
  reporterPhone: string | null;
  submittedAt: Date;
  closedAt: Date | null;
  status: ImportStatus;
  resolution: string | null;
}

export const MAX_EXTERNAL_ID = 100;
const MAX_TITLE = 100;
const MAX_TEXT = 5000;
const MAX_ADDRESS = 200;
const MAX_NAME = 50;

/** Statuses that need the closed date: the work was finished then. */
const finished: readonly ImportStatus[] = ['resolved', 'closed'];

/** A value map lookup: the exact source value, then ignoring case and surrounding spaces, then our own code. */
export function lookup<T extends string>(map: Record<string, T>, value: string, codes: readonly T[]): T | undefined {
  if (Object.hasOwn(map, value)) return map[value];
  const folded = value.trim().toLowerCase();
  for (const [k, v] of Object.entries(map)) if (k.trim().toLowerCase() === folded) return v;
  return (codes as readonly string[]).includes(value) ? (value as T) : undefined;
}

function titleFrom(text: string): string {
  const line = text.trim().split(/\s*\n\s*/)[0] ?? '';
  const chars = [...line];
  return chars.length > MAX_TITLE ? `${chars.slice(0, MAX_TITLE - 1).join('')}…` : line;
}

/** The mapped columns the file must have. */
export function mappedColumns(config: DemandImportConfig): { field: ImportField; column: string }[] {
  const out: { field: ImportField; column: string }[] = [];
  for (const [field, value] of Object.entries(config.columns) as [ImportField, string | string[] | null | undefined][]) {
    for (const column of Array.isArray(value) ? value : value ? [value] : []) out.push({ field, column });
  }
  return out;
}

/** The header against the mapping: a mapped column the file does not have makes every row wrong, so it is reported once. */
export function checkHeader(table: SourceTable, config: DemandImportConfig): RowError[] {
  const present = new Set(table.headers);
  return mappedColumns(config)
    .filter((c) => !present.has(c.column))
    .map((c) => ({ row: table.headerRow, column: c.column, reason: `column of ${c.field} is missing from the file` }));
}

/**
 * Maps and checks every row. Returns the rows without problems and every problem found; a file
 * imports only when there are none.
 */
export function mapRows(
  rows: SourceRow[],
  config: DemandImportConfig,
  options: { now?: Date; categories?: ReadonlyMap<string, string> } = {},
): { rows: MappedRow[]; errors: RowError[] } {
  const now = options.now ?? new Date();
  // Our own category codes and names (→ code) are understood without a value map entry.
  const known = options.categories ?? new Map<string, string>();
  const { columns: col, defaults, valueMaps, dateFormat, timeZone } = config;
  const errors: RowError[] = [];
  const out: MappedRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const problems: RowError[] = [];
    const err = (column: string | null | undefined, reason: string, value?: string) =>
      problems.push({ row, column: column ?? '', reason, ...(value !== undefined && value !== '' ? { value } : {}) });
    const cell = (column: string | null | undefined) => (column ? (cells[column] ?? '').trim() : '');

    const externalId = cell(col.externalId);
    if (externalId === '') err(col.externalId, 'is required');
    else if (externalId.length > MAX_EXTERNAL_ID) err(col.externalId, `is longer than ${MAX_EXTERNAL_ID} characters`, externalId);
    else {
      const first = seen.get(externalId);
      if (first !== undefined) err(col.externalId, `the same external id is already in row ${first}`, externalId);
      else seen.set(externalId, row);
    }

    const date = (column: string | null | undefined): Date | null | undefined => {
      const text = cell(column);
      if (text === '') return null;
      const parsed = parseSourceDate(text, dateFormat, timeZone);
      if (!parsed) err(column, `is not a date in the format ${dateFormat}`, text);
      return parsed;
    };
    const submittedAt = date(col.submittedAt);
    if (submittedAt === null) err(col.submittedAt, 'is required');
    else if (submittedAt && submittedAt.getTime() > now.getTime() + 60_000) err(col.submittedAt, 'is in the future', cell(col.submittedAt));
    const closedAt = date(col.closedAt);
    if (submittedAt && closedAt && closedAt.getTime() < submittedAt.getTime()) {
      err(col.closedAt, `closed before it was created (${cell(col.submittedAt)})`, cell(col.closedAt));
    }

    let status: ImportStatus | undefined = closedAt ? 'closed' : 'submitted';
    const statusText = cell(col.status);
    if (statusText !== '') {
      status = lookup(valueMaps.status, statusText, importStatuses);
      if (!status) err(col.status, 'unknown status value; add it to the status value map', statusText);
    }
    if (status && finished.includes(status) && closedAt === null) {
      err(col.closedAt ?? col.status, `a ${status} work order needs its closed date`);
    }

    const parts = (col.description ?? []).map(cell).filter((v) => v !== '');
    const titleText = cell(col.title);
    let description = parts.join(' / ');
    if (description === '') description = titleText;
    if (description === '') err(col.description[0], 'is empty (and so is the title)');
    else if (description.length > MAX_TEXT) err(col.description[0], `is longer than ${MAX_TEXT} characters`);
    const title = titleFrom(titleText || description);

    const channelText = cell(col.channel);
    const channel = (channelText && lookup(valueMaps.channel, channelText, demandChannels)) || defaults.channel;
    const typeText = cell(col.type);
    const type = (typeText && lookup(valueMaps.type, typeText, demandTypes)) || defaults.type;

    const categoryText = cell(col.category);
    const mapped = categoryText ? (lookup(valueMaps.category, categoryText, []) ?? known.get(categoryText)) : undefined;
    const categoryCode = mapped ?? defaults.categoryCode;
    if (!categoryCode) {
      if (col.category) err(col.category, 'unknown category value and the mapping has no default category', categoryText);
      else err('', 'the mapping has neither a category column nor a default category');
    }

    const address = cell(col.address) || null;
    if (address && address.length > MAX_ADDRESS) err(col.address, `is longer than ${MAX_ADDRESS} characters`, address);
    const coordinate = (column: string | null | undefined, limit: number): number | null => {
      const text = cell(column);
      if (text === '') return null;
      const n = Number(text);
      if (!/^[+-]?\d+(\.\d+)?$/.test(text) || Math.abs(n) > limit) {
        err(column, `is not a coordinate between -${limit} and ${limit}`, text);
        return null;
      }
      return n;
    };
    const lat = coordinate(col.lat, 90);
    const lng = coordinate(col.lng, 180);
    if ((cell(col.lat) === '') !== (cell(col.lng) === '')) err(col.lat ?? col.lng, 'latitude and longitude go together');

    const reporterName = cell(col.reporterName) || null;
    const phoneText = cell(col.reporterPhone);
    let reporterPhone: string | null = null;
    if (phoneText) {
      if (!isValidPhone(phoneText)) err(col.reporterPhone, 'is not a valid mobile or landline number', phoneText);
      else reporterPhone = normalisePhone(phoneText);
    }
    if (reporterName && reporterName.length > MAX_NAME) err(col.reporterName, `is longer than ${MAX_NAME} characters`, reporterName);
    if (reporterName && !phoneText) err(col.reporterName, 'a reporter with a name needs a phone number (as at intake)', reporterName);

    const resolution = cell(col.resolution) || null;
    if (resolution && resolution.length > MAX_TEXT) err(col.resolution, `is longer than ${MAX_TEXT} characters`);

    if (problems.length > 0 || !submittedAt || !status || !categoryCode) {
      errors.push(...problems);
      continue;
    }
    out.push({
      row,
      externalId,
      title,
      description,
      channel,
      type,
      categoryCode,
      nodeValue: cell(col.node) || null,
      address,
      lat,
      lng,
      reporterName,
      reporterPhone,
      submittedAt,
      closedAt: closedAt ?? null,
      status,
      resolution,
    });
  }
  return { rows: out, errors };
}
