import { isValidPhone, normalisePhone } from '@linli/core';
import { type Channel, type DemandType, demandChannels, demandTypes } from '@linli/demands';
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
  /** The closed date of the source (whatever the status); the times below follow the status. */
  closedAt: Date | null;
  status: ImportStatus;
  resolution: string | null;
  /** The handling department: its code through the department value map, else the cell itself (a code or name); null without one. */
  departmentValue: string | null;
  /** The times the demand gets, per its status (see timesFor); null where the state was not reached or the time is unknown. */
  times: ImportTimes;
}

/** The times of an imported demand, as they are written, and which of them the source did not give. */
export interface ImportTimes {
  /** Accepting or rejecting (our responded_at). */
  respondedAt: Date | null;
  dispatchedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** Whether the source gave the accepted / dispatched time itself (a re-import then overwrites ours). */
  acceptedFromSource: boolean;
  dispatchedFromSource: boolean;
  /** Times not in the source but derived from a later one ('respondedAt': the earliest later step; 'resolvedAt': the closed date). */
  derived: ('respondedAt' | 'resolvedAt')[];
}

export const MAX_EXTERNAL_ID = 100;
const MAX_TITLE = 100;
const MAX_TEXT = 5000;
const MAX_ADDRESS = 200;
const MAX_NAME = 50;

/** Statuses that need the closed date: the work was finished then. */
const finished: readonly ImportStatus[] = ['resolved', 'closed'];
/** States in which the demand has reached a handling unit. */
export const assignedStatuses: readonly ImportStatus[] = ['dispatched', 'in_progress', 'resolved', 'closed'];

/**
 * The times a demand in `status` gets from the source's times (already checked to be in order).
 * - accepted (responded_at): the source's accepted time; without it, for a demand past
 *   `submitted`, the earliest later step the source dates — dispatched, resolved, closed (for a
 *   rejected one, its closed date) — since acceptance came no later than that; without any, null.
 * - dispatched: the source's time only (never guessed), for a demand dispatched or later.
 * - resolved: the source's resolved time, else the closed date, for a resolved or closed demand.
 * - closed: the closed date, for a closed demand.
 * A time the status has not reached is dropped (the source's status is authoritative).
 */
export function timesFor(
  status: ImportStatus,
  src: { acceptedAt: Date | null; dispatchedAt: Date | null; resolvedAt: Date | null; closedAt: Date | null },
): ImportTimes {
  const derived: ImportTimes['derived'] = [];
  const done = finished.includes(status);
  const dispatchedAt = assignedStatuses.includes(status) ? src.dispatchedAt : null;
  const resolvedAt = done ? (src.resolvedAt ?? src.closedAt) : null;
  if (done && !src.resolvedAt && resolvedAt) derived.push('resolvedAt');
  const closedAt = status === 'closed' ? src.closedAt : null;
  let respondedAt: Date | null = null;
  if (status !== 'submitted') {
    respondedAt = src.acceptedAt ?? (status === 'rejected' ? src.closedAt : (dispatchedAt ?? resolvedAt ?? closedAt));
    if (!src.acceptedAt && respondedAt) derived.push('respondedAt');
  }
  return {
    respondedAt,
    dispatchedAt,
    resolvedAt,
    closedAt,
    acceptedFromSource: status !== 'submitted' && src.acceptedAt !== null,
    dispatchedFromSource: dispatchedAt !== null,
    derived,
  };
}

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
    const acceptedAt = date(col.acceptedAt);
    const dispatchedAt = date(col.dispatchedAt);
    const resolvedAt = date(col.resolvedAt);
    const closedAt = date(col.closedAt);
    for (const [column, at] of [
      [col.acceptedAt, acceptedAt],
      [col.dispatchedAt, dispatchedAt],
      [col.resolvedAt, resolvedAt],
    ] as const) {
      if (at && at.getTime() > now.getTime() + 60_000) err(column, 'is in the future', cell(column));
    }
    // The steps of a work order come in this order; a later step dated before an earlier one is a row error (once per step).
    const steps = [
      { verb: 'created', column: col.submittedAt, at: submittedAt },
      { verb: 'accepted', column: col.acceptedAt, at: acceptedAt },
      { verb: 'dispatched', column: col.dispatchedAt, at: dispatchedAt },
      { verb: 'resolved', column: col.resolvedAt, at: resolvedAt },
      { verb: 'closed', column: col.closedAt, at: closedAt },
    ];
    steps.forEach((later, j) => {
      if (!later.at) return;
      const earlier = steps.slice(0, j).find((e) => e.at && (later.at as Date).getTime() < e.at.getTime());
      if (earlier) err(later.column, `${later.verb} before it was ${earlier.verb} (${cell(earlier.column)})`, cell(later.column));
    });

    let status: ImportStatus | undefined = closedAt ? 'closed' : 'submitted';
    const statusText = cell(col.status);
    if (statusText !== '') {
      status = lookup(valueMaps.status, statusText, importStatuses);
      if (!status) err(col.status, 'unknown status value; add it to the status value map', statusText);
    }
    if (status === 'closed' && closedAt === null) {
      err(col.closedAt ?? col.status, 'a closed work order needs its closed date');
    } else if (status === 'resolved' && closedAt === null && resolvedAt === null) {
      err(
        col.closedAt ?? col.resolvedAt ?? col.status,
        `a resolved work order needs its ${col.resolvedAt ? 'resolved or ' : ''}closed date`,
      );
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

    const departmentText = cell(col.department);
    const departmentValue = departmentText ? (lookup(valueMaps.department ?? {}, departmentText, []) ?? departmentText) : null;

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
      departmentValue,
      times: timesFor(status, {
        acceptedAt: acceptedAt ?? null,
        dispatchedAt: dispatchedAt ?? null,
        resolvedAt: resolvedAt ?? null,
        closedAt: closedAt ?? null,
      }),
    });
  }
  return { rows: out, errors };
}
