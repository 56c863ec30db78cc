import { tenantCalendar } from '@linli/calendar';
import {
  AppError,
  auditEntry,
  createImportJob,
  emitEvents,
  failImportJob,
  maskPhone,
  newId,
  type PersonalDataCipher,
  type RequestContext,
  readImportFile,
  recordAudit,
  rejectImport,
  updateImportJob,
} from '@linli/core';
import type { Db } from '@linli/db';
import { computeDeadlines, type DeadlineCalendar, FALLBACK_RULE } from '@linli/demands';
import type { ImportMapping, ImportPreview, ImportResult, RowError } from '../contract.ts';
import {
  DemandImportRepository,
  type DemandUpdateValues,
  type DemandValues,
  type ImportCategory,
  type PlaceRef,
  type DemandImportRepository as Repo,
} from '../import.repository.ts';
import { requireCountyIntake } from '../mapping-check.ts';
import { readSourceFile } from '../parser.ts';
import { assignedStatuses, checkHeader, type ImportTimes, type MappedRow, mapRows } from '../rows.ts';

export interface ImportDemandsInput {
  mappingId: string;
  /** The job id chosen by the client, so it can follow the progress while the upload is being imported; a new one by default. */
  jobId?: string;
  fileName: string;
  data: Buffer;
  /**
   * A re-import updates status, times and result of the demands it knows; with this, their category
   * and channel too (a corrected mapping repairs an earlier import). Deadlines and the handling unit stay.
   */
  updateClassification?: boolean;
}

export interface ImportDemandsDeps {
  db: Db;
  cipher: PersonalDataCipher;
  /**
   * Where progress is written while the import transaction is open: a connection other than the
   * transaction's (PostgreSQL pool). On embedded PGlite (one connection) leave it out; the job
   * then shows progress at the end.
   */
  progressDb?: Db;
  now?: Date;
  /** Working-day calendar of deadlines; the tenant's by default. */
  calendar?: DeadlineCalendar;
}

const CHUNK = 1000;
/** From this many rows the KPI rollup is rebuilt once instead of kept row by row (see pauseKpiRollup). */
const KPI_REBUILD_ROWS = 500;

const shanghaiYear = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).getUTCFullYear().toString();

const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The times of the timeline entry "imported": the historical times the demand got (the entry itself
 * is dated at the import), and which of them were derived rather than read from the file. On a
 * re-import the accepted and dispatched times the demand keeps (when the file has none) are shown.
 */
function timesData(t: ImportTimes, submittedAt: string, kept?: { responded_at: string | null; dispatched_at: string | null }) {
  const at = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? new Date(d).toISOString() : d.toISOString());
  return {
    times: {
      submittedAt,
      acceptedAt: kept ? at(kept.responded_at) : isoOrNull(t.respondedAt),
      dispatchedAt: kept ? at(kept.dispatched_at) : isoOrNull(t.dispatchedAt),
      resolvedAt: isoOrNull(t.resolvedAt),
      closedAt: isoOrNull(t.closedAt),
    },
    // A kept acceptance time is the demand's own, not the one derived from this file: not "derived".
    derived: t.derived
      .map((f) => (f === 'respondedAt' ? 'acceptedAt' : f))
      .filter((f) => !(kept && f === 'acceptedAt' && at(kept.responded_at) !== isoOrNull(t.respondedAt))),
  };
}

/** Row errors are stored and shown again later: a phone number in one is masked. */
function maskValue(e: RowError, phoneColumn: string | null | undefined): RowError {
  return phoneColumn && e.column === phoneColumn && typeof e.value === 'string' ? { ...e, value: maskPhone(e.value) } : e;
}

/**
 * Imports the work orders of one XLSX or CSV file through a saved mapping.
 *
 * 1. The job row is written first (own transaction), so the UI can poll it and show the report.
 * 2. The whole file is read, mapped and checked — dates, value maps, categories, places, external
 *    ids against the file and the database; any error → the job is failed with every row error
 *    (audited as failed) and 422 is thrown: nothing is written.
 * 3. Otherwise one transaction writes it all: new external ids become demands with their real
 *    submitted / resolved / closed times and deadlines from the category rule relative to the
 *    submission (multi-row inserts), known external ids update status, closed date and resolution
 *    of the existing demand; each written demand gets the timeline entry "imported"; one audit
 *    record and one domain event describe the import.
 *
 * Imported demands are historical: their states are set directly, not replayed transition by
 * transition. Accepted (responded_at), dispatched, resolved and closed times come from the mapped
 * columns; where the source lacks one they are derived as timesFor (rows.ts) says, and the timeline
 * entry lists the times and which were derived.
 */
export async function importDemands(deps: ImportDemandsDeps, ctx: RequestContext, input: ImportDemandsInput): Promise<ImportResult> {
  const { db, cipher } = deps;
  const { tenantId } = ctx.actor;
  const now = deps.now ?? new Date();
  const repo = new DemandImportRepository(db);
  const county = await requireCountyIntake(repo, ctx);
  const mapping = await repo.findMapping(tenantId, input.mappingId);
  if (!mapping) throw AppError.notFound('Import mapping', input.mappingId);
  const { config } = mapping;

  const jobId = input.jobId ?? newId();
  // A job id that exists already (a retried upload) is a conflict: the primary key answers 409, nothing is imported twice.
  await createImportJob(db, { tenantId, id: jobId, kind: 'demands', fileName: input.fileName, createdBy: ctx.actor.accountId });
  const auditDetails = {
    jobId,
    fileName: input.fileName,
    mappingId: mapping.id,
    mappingName: mapping.name,
    ...(input.updateClassification ? { updateClassification: true } : {}),
  };
  const fail = (found: RowError[], totalRows: number): Promise<never> => {
    const errors = found.map((e) => maskValue(e, config.columns.reporterPhone));
    const audit = auditEntry(
      ctx,
      'demand.import',
      { type: 'import_job', id: jobId },
      { ...auditDetails, rows: totalRows, errors: errors.length },
      'failed',
    );
    return rejectImport(db, { tenantId, id: jobId }, errors, totalRows, audit);
  };

  const read = await readImportFile(db, { tenantId, id: jobId }, () => readSourceFile(input.fileName, input.data), fail);
  const { table } = read;
  const totalRows = table.rows.length;
  // A missing column makes every row wrong in the same way: report the header alone.
  const headerErrors = [...read.errors, ...checkHeader(table, config)];
  if (headerErrors.length > 0) return fail(headerErrors, totalRows);

  const categories = await repo.categories(tenantId);
  const known = new Map<string, string>();
  for (const c of categories.filter((c) => c.active)) {
    known.set(c.code, c.code);
    known.set(c.name, c.code);
  }
  const mapped = mapRows(table.rows, config, { now, categories: known });
  const errors = [...mapped.errors];
  const resolved = await resolveReferences(repo, tenantId, mapping, county, categories, mapped.rows);
  errors.push(...resolved.errors);
  if (errors.length > 0)
    return fail(
      errors.sort((a, b) => a.row - b.row),
      totalRows,
    );

  await updateImportJob(db, tenantId, jobId, { status: 'importing', totalRows });
  const started = Date.now();
  try {
    return await db.transaction(async (tx) => {
      const t = new DemandImportRepository(tx);
      const calendar = deps.calendar ?? (await tenantCalendar(tx, tenantId));
      const bulk = mapped.rows.length >= KPI_REBUILD_ROWS;
      if (bulk) await t.pauseKpiRollup();
      const { progressDb } = deps;
      let processed = 0;
      const report = async (n: number) => {
        processed += n;
        if (progressDb) await updateImportJob(progressDb, tenantId, jobId, { processedRows: processed });
      };
      const actor = { id: ctx.actor.accountId, name: ctx.actor.displayName };
      const eventData = { jobId, mappingId: mapping.id };

      // New external ids: numbers drawn per year of submission, then multi-row inserts.
      const fresh = mapped.rows.filter((r) => !resolved.existing.has(r.externalId));
      const nextSerial = new Map<string, number>();
      const perYear = new Map<string, number>();
      for (const r of fresh) perYear.set(shanghaiYear(r.submittedAt), (perYear.get(shanghaiYear(r.submittedAt)) ?? 0) + 1);
      for (const [year, count] of [...perYear].sort()) nextSerial.set(year, await t.reserveNumbers(tenantId, year, count));
      const values: DemandValues[] = fresh.map((r) => {
        const category = resolved.category.get(r.row) as ImportCategory;
        const place = resolved.place.get(r.row) as PlaceRef;
        const year = shanghaiYear(r.submittedAt);
        const serial = nextSerial.get(year) as number;
        nextSerial.set(year, serial + 1);
        const { responseDueAt, resolveDueAt } = computeDeadlines(r.submittedAt, category.rules[r.type] ?? FALLBACK_RULE, calendar);
        const phone = cipher.protect(r.reporterPhone, 'phone');
        const department = resolved.department.get(r.row) ?? null;
        // The deadline that runs in the demand's status: the response one while submitted, the resolution one while open.
        const open = !['rejected', 'resolved', 'closed'].includes(r.status);
        const current = r.status === 'submitted' ? responseDueAt : resolveDueAt;
        return {
          id: newId(),
          number: `${year}-${String(serial).padStart(6, '0')}`,
          channel: r.channel,
          type: r.type,
          category_id: category.id,
          title: r.title,
          description: r.description,
          node_id: place.id,
          address: r.address,
          lat: r.lat,
          lng: r.lng,
          reporter_kind: r.reporterPhone ? 'caller' : 'anonymous',
          reporter_name: r.reporterPhone ? r.reporterName : null,
          phone_enc: phone.enc,
          phone_hash: phone.hash,
          phone_masked: phone.masked,
          external_id: r.externalId,
          status: r.status,
          level: category.defaultLevel,
          assign: assignedStatuses.includes(r.status),
          department_id: department,
          historical: open ? current.getTime() <= now.getTime() : resolveDueAt.getTime() <= now.getTime(),
          response_due_at: responseDueAt.toISOString(),
          resolve_due_at: resolveDueAt.toISOString(),
          submitted_at: r.submittedAt.toISOString(),
          responded_at: isoOrNull(r.times.respondedAt),
          dispatched_at: isoOrNull(r.times.dispatchedAt),
          resolved_at: isoOrNull(r.times.resolvedAt),
          closed_at: isoOrNull(r.times.closedAt),
          result: r.status === 'rejected' ? null : r.resolution,
          reject_reason: r.status === 'rejected' ? (r.resolution ?? 'rejected at the source (imported)') : null,
        };
      });
      const timesById = new Map(values.map((v, i) => [v.id, (fresh[i] as MappedRow).times]));
      for (let i = 0; i < values.length; i += CHUNK) {
        const chunk = values.slice(i, i + CHUNK);
        const inserted = await t.insertDemands(tenantId, ctx.actor.accountId, chunk);
        // A place or category removed since the check would drop its rows from the join: refuse instead.
        if (inserted !== chunk.length)
          throw AppError.conflict('A place or category of the file changed during the import; import it again');
        await t.appendImportedEvents(
          tenantId,
          actor,
          chunk.map((v) => ({
            demand_id: v.id,
            from_status: null,
            to_status: v.status,
            data: { ...eventData, externalId: v.external_id, ...timesData(timesById.get(v.id) as ImportTimes, v.submitted_at) },
          })),
        );
        await report(chunk.length);
      }

      // Known external ids: status, closed date and resolution of the existing demand, where they differ.
      const updates: DemandUpdateValues[] = mapped.rows
        .filter((r) => resolved.existing.has(r.externalId))
        .map((r) => ({
          id: resolved.existing.get(r.externalId) as string,
          status: r.status,
          responded_at: isoOrNull(r.times.respondedAt),
          responded_known: r.times.acceptedFromSource,
          dispatched_at: isoOrNull(r.times.dispatchedAt),
          dispatched_known: r.times.dispatchedFromSource,
          resolved_at: isoOrNull(r.times.resolvedAt),
          closed_at: isoOrNull(r.times.closedAt),
          result: r.resolution,
          category_id: input.updateClassification ? (resolved.category.get(r.row) as ImportCategory).id : null,
          channel: input.updateClassification ? r.channel : null,
        }));
      const updateTimes = new Map(
        mapped.rows.filter((r) => resolved.existing.has(r.externalId)).map((r) => [resolved.existing.get(r.externalId) as string, r]),
      );
      let changed = 0;
      for (let i = 0; i < updates.length; i += CHUNK) {
        const chunk = updates.slice(i, i + CHUNK);
        const done = await t.updateDemands(tenantId, chunk);
        changed += done.length;
        await t.appendImportedEvents(
          tenantId,
          actor,
          done.map((d) => {
            const r = updateTimes.get(d.id) as MappedRow;
            return {
              demand_id: d.id,
              from_status: d.from_status,
              to_status: d.to_status,
              data: {
                ...eventData,
                update: true,
                ...(input.updateClassification ? { classification: true } : {}),
                ...timesData(r.times, r.submittedAt.toISOString(), d),
              },
            };
          }),
        );
        await report(chunk.length);
      }

      if (bulk) await t.rebuildKpiRollup(tenantId);
      const result: ImportResult = {
        jobId,
        rows: totalRows,
        created: values.length,
        updated: changed,
        unchanged: updates.length - changed,
      };
      await updateImportJob(tx, tenantId, jobId, {
        status: 'succeeded',
        processedRows: totalRows,
        createdRows: result.created,
        updatedRows: result.updated,
        finished: true,
      });
      const counts = { rows: totalRows, created: result.created, updated: result.updated, unchanged: result.unchanged };
      await recordAudit(tx, auditEntry(ctx, 'demand.import', { type: 'import_job', id: jobId }, { ...auditDetails, ...counts }));
      await emitEvents(tx, {
        tenantId,
        type: 'demand.imported',
        aggregateType: 'import_job',
        aggregateId: jobId,
        payload: { mappingId: mapping.id, ...counts, ms: Date.now() - started },
      });
      return result;
    });
  } catch (err) {
    await failImportJob(db, tenantId, jobId, err, 'the import failed while writing; nothing was imported');
    throw err;
  }
}

/**
 * What importing the file would do, without writing anything (no job, no audit): the rows it would
 * create and update, and how many of the demands it updates would get another category or channel
 * — the count a person confirms before asking the import to update category and channel too. The
 * row errors are those the import would report.
 */
export async function previewImport(
  deps: Pick<ImportDemandsDeps, 'db' | 'now'>,
  ctx: RequestContext,
  input: Pick<ImportDemandsInput, 'mappingId' | 'fileName' | 'data'>,
): Promise<ImportPreview> {
  const { tenantId } = ctx.actor;
  const repo = new DemandImportRepository(deps.db);
  const county = await requireCountyIntake(repo, ctx);
  const mapping = await repo.findMapping(tenantId, input.mappingId);
  if (!mapping) throw AppError.notFound('Import mapping', input.mappingId);
  const read = await readSourceFile(input.fileName, input.data);
  const { table } = read;
  const empty = { rows: table.rows.length, created: 0, existing: 0, categoryChanges: 0, channelChanges: 0, classificationChanges: 0 };
  const headerErrors = [...read.errors, ...checkHeader(table, mapping.config)];
  if (headerErrors.length > 0) return { ...empty, errors: headerErrors.map((e) => maskValue(e, mapping.config.columns.reporterPhone)) };
  const categories = await repo.categories(tenantId);
  const known = new Map<string, string>();
  for (const c of categories.filter((c) => c.active)) {
    known.set(c.code, c.code);
    known.set(c.name, c.code);
  }
  const mapped = mapRows(table.rows, mapping.config, { now: deps.now ?? new Date(), categories: known });
  const resolved = await resolveReferences(repo, tenantId, mapping, county, categories, mapped.rows);
  const errors = [...mapped.errors, ...resolved.errors].sort((a, b) => a.row - b.row);
  const now = new Map((await repo.classificationOf(tenantId, [...resolved.existing.values()])).map((d) => [d.id, d] as const));
  let categoryChanges = 0;
  let channelChanges = 0;
  let classificationChanges = 0;
  for (const r of mapped.rows) {
    const id = resolved.existing.get(r.externalId);
    const current = id ? now.get(id) : undefined;
    const category = resolved.category.get(r.row);
    if (!current || !category) continue;
    const categoryChanged = current.category_id !== category.id;
    const channelChanged = current.channel !== r.channel;
    if (categoryChanged) categoryChanges += 1;
    if (channelChanged) channelChanges += 1;
    if (categoryChanged || channelChanged) classificationChanges += 1;
  }
  const existing = mapped.rows.filter((r) => resolved.existing.has(r.externalId)).length;
  return {
    rows: table.rows.length,
    created: mapped.rows.length - existing,
    existing,
    categoryChanges,
    channelChanges,
    classificationChanges,
    errors: errors.map((e) => maskValue(e, mapping.config.columns.reporterPhone)),
  };
}

/**
 * The database side of the check, for the whole file in three queries: each row's category
 * (active), its place (the location cell as a node code or name, else the default place, else the
 * county) and whether its external id is already a demand.
 */
async function resolveReferences(
  repo: Repo,
  tenantId: string,
  mapping: ImportMapping,
  county: PlaceRef,
  categories: ImportCategory[],
  rows: MappedRow[],
) {
  const { columns, defaults } = mapping.config;
  const errors: RowError[] = [];
  const category = new Map<number, ImportCategory>();
  const place = new Map<number, PlaceRef>();
  const byCode = new Map(categories.map((c) => [c.code, c]));
  for (const r of rows) {
    const c = byCode.get(r.categoryCode);
    if (!c?.active) {
      errors.push({
        row: r.row,
        column: columns.category ?? '',
        reason: `maps to ${r.categoryCode}, which is not an active category of this county`,
        value: r.categoryCode,
      });
    } else category.set(r.row, c);
  }

  let fallback: PlaceRef | undefined = county;
  if (defaults.nodeId) {
    fallback = await repo.findPlace(tenantId, defaults.nodeId);
    if (!fallback) errors.push({ row: 1, column: '', reason: 'the default place of the mapping no longer exists in this county' });
  }
  const values = [...new Set(rows.map((r) => r.nodeValue).filter((v): v is string => v !== null))];
  const found = await repo.placesByCodeOrName(tenantId, values);
  // A code names one place; a name may name several (the same compound name in two communities).
  const byCodeOrName = new Map<string, PlaceRef[]>();
  for (const v of values) {
    const byCode = found.filter((p) => p.code === v);
    byCodeOrName.set(v, byCode.length > 0 ? byCode : found.filter((p) => p.name === v));
  }
  for (const r of rows) {
    if (r.nodeValue === null) {
      if (fallback) place.set(r.row, fallback);
      continue;
    }
    const matches = byCodeOrName.get(r.nodeValue) ?? [];
    if (matches.length === 1) place.set(r.row, matches[0] as PlaceRef);
    else if (matches.length > 1) {
      errors.push({
        row: r.row,
        column: columns.node ?? '',
        reason: `${matches.length} places have this name; use the place's code`,
        value: r.nodeValue,
      });
    } else if (defaults.nodeId && fallback) place.set(r.row, fallback);
    else
      errors.push({
        row: r.row,
        column: columns.node ?? '',
        reason: 'is not a place of this county and the mapping has no default place',
        value: r.nodeValue,
      });
  }

  // The handling department of each row with a department cell: a code or name of this county's departments (after the
  // value map). An agency the county has no department for leaves the row to the category's usual handling.
  const department = new Map<number, string>();
  if (columns.department) {
    const byCodeOrName = new Map<string, string>();
    for (const d of (await repo.departments(tenantId)).filter((d) => d.active)) {
      byCodeOrName.set(d.code, d.id);
      byCodeOrName.set(d.name, d.id);
    }
    for (const r of rows) {
      const id = r.departmentValue === null ? undefined : byCodeOrName.get(r.departmentValue);
      if (id) department.set(r.row, id);
    }
  }

  const existing = new Map<string, string>();
  for (const d of await repo.existingByExternalId(
    tenantId,
    rows.map((r) => r.externalId),
  )) {
    existing.set(d.externalId, d.id);
    if (d.status === 'merged') {
      const r = rows.find((x) => x.externalId === d.externalId) as MappedRow;
      errors.push({
        row: r.row,
        column: columns.externalId,
        reason: 'this work order was merged into another demand; it is not updated',
        value: d.externalId,
      });
    }
  }
  return { errors, category, place, department, existing };
}
