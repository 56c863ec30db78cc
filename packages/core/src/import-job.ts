import { type Db, one } from '@linli/db';
import { type SQL, sql } from 'drizzle-orm';
import { AppError } from './app-error.ts';
import { type AuditEntry, recordAudit } from './audit.ts';
import type { ModuleDeps } from './module.ts';

// The import_job table, shared by every file import (kind 'households', 'demands' …): the job row
// written before the file is read, its progress and result, and the report of row errors that the
// client polls while the import runs and reads again afterwards.

// The job's schemas are in contract-types.ts (imports only typebox: the web reads them).
import type { ImportJob, ImportJobStatus, ImportRowError } from './contract-types.ts';

export { ImportJob, type ImportJobStatus, ImportRowError, importJobStatuses } from './contract-types.ts';

/**
 * Where an import writes its progress while its transaction is open: another connection of the
 * PostgreSQL pool, so whoever polls the job sees it before the commit. Embedded PGlite has one
 * connection: none there, and the job shows its progress at the end.
 */
export function importProgressDb(deps: Pick<ModuleDeps, 'database' | 'db'>): Db | undefined {
  return deps.database.driver === 'postgres' ? deps.db : undefined;
}

/** The job row of an import, status 'validating'; a job id that exists already is a conflict (409). */
export async function createImportJob(
  db: Db,
  job: { tenantId: string; id: string; kind: string; fileName: string; createdBy: string | null },
): Promise<void> {
  await db.execute(sql`INSERT INTO import_job (tenant_id, id, kind, file_name, status, created_by)
    VALUES (${job.tenantId}, ${job.id}::uuid, ${job.kind}, ${job.fileName}, 'validating', ${job.createdBy}::uuid)`);
}

export interface ImportJobUpdate {
  status?: ImportJobStatus;
  totalRows?: number;
  processedRows?: number;
  createdRows?: number;
  updatedRows?: number;
  errors?: ImportRowError[];
  /** Sets finished_at to now. */
  finished?: boolean;
}

/** Writes what is given of a job's progress or result; nothing given, nothing written. */
export async function updateImportJob(db: Db, tenantId: string, id: string, u: ImportJobUpdate): Promise<void> {
  const sets: SQL[] = [];
  if (u.status) sets.push(sql`status = ${u.status}`);
  if (u.totalRows !== undefined) sets.push(sql`total_rows = ${u.totalRows}`);
  if (u.processedRows !== undefined) sets.push(sql`processed_rows = ${u.processedRows}`);
  if (u.createdRows !== undefined) sets.push(sql`created_rows = ${u.createdRows}`);
  if (u.updatedRows !== undefined) sets.push(sql`updated_rows = ${u.updatedRows}`);
  if (u.errors) sets.push(sql`errors = ${JSON.stringify(u.errors)}::jsonb`);
  if (u.finished) sets.push(sql`finished_at = now()`);
  if (sets.length === 0) return;
  await db.execute(sql`UPDATE import_job SET ${sql.join(sets, sql`, `)} WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
}

/**
 * A job that failed as a whole (not row by row), for `err`: its one error, of row 0, gives an
 * AppError's message as the reason, and `otherwise` for anything else (whose message is not for users).
 */
export async function failImportJob(db: Db, tenantId: string, id: string, err: unknown, otherwise: string): Promise<void> {
  const reason = err instanceof AppError ? err.message : otherwise;
  await updateImportJob(db, tenantId, id, { status: 'failed', errors: [{ row: 0, column: '', reason }], finished: true });
}

/** How many row errors a job's report keeps; the 422 answer carries them all. */
export const MAX_STORED_ROW_ERRORS = 5000;

/**
 * Rejects a whole file for its row errors: in one transaction the job is failed with them (the
 * first MAX_STORED_ROW_ERRORS kept) and `audit` — the import, recorded as failed — is recorded;
 * then 422 is thrown with every error. The report is shown again later: mask personal values in
 * `errors` first.
 */
export async function rejectImport(
  db: Db,
  job: { tenantId: string; id: string },
  errors: ImportRowError[],
  totalRows: number,
  audit: AuditEntry,
): Promise<never> {
  await db.transaction(async (tx) => {
    await updateImportJob(tx, job.tenantId, job.id, {
      status: 'failed',
      totalRows,
      errors: errors.slice(0, MAX_STORED_ROW_ERRORS),
      finished: true,
    });
    await recordAudit(tx, audit);
  });
  throw new AppError('unprocessable', `The file has ${errors.length} error(s); nothing was imported`, errors);
}

/**
 * Reads the file of an import job. A file that cannot be read (422 with row errors) goes to
 * `reject` with those errors and no rows; any other failure fails the job and is thrown again.
 */
export async function readImportFile<T>(
  db: Db,
  job: { tenantId: string; id: string },
  read: () => Promise<T>,
  reject: (errors: ImportRowError[], totalRows: number) => Promise<never>,
): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof AppError && err.code === 'unprocessable') return reject(err.details as ImportRowError[], 0);
    await failImportJob(db, job.tenantId, job.id, err, 'the file cannot be read');
    throw err;
  }
}

/** A job of the tenant with the account that started it; `kind` and `createdBy` narrow the search. */
export async function findImportJob(
  db: Db,
  tenantId: string,
  id: string,
  only: { kind?: string; createdBy?: string } = {},
): Promise<(ImportJob & { createdBy: string | null }) | undefined> {
  const where = [sql`tenant_id = ${tenantId}`, sql`id = ${id}::uuid`];
  if (only.kind !== undefined) where.push(sql`kind = ${only.kind}`);
  if (only.createdBy !== undefined) where.push(sql`created_by = ${only.createdBy}::uuid`);
  const row = await one<Record<string, unknown>>(
    db,
    sql`SELECT id, kind, file_name, status, total_rows, processed_rows, created_rows, updated_rows, errors, created_by,
      created_at, finished_at FROM import_job WHERE ${sql.join(where, sql` AND `)}`,
  );
  if (!row) return undefined;
  const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
  return {
    id: row.id as string,
    kind: row.kind as string,
    fileName: row.file_name as string,
    status: row.status as ImportJobStatus,
    totalRows: Number(row.total_rows),
    processedRows: Number(row.processed_rows),
    createdRows: Number(row.created_rows),
    updatedRows: Number(row.updated_rows),
    errors: (typeof row.errors === 'string' ? JSON.parse(row.errors) : row.errors) ?? [],
    createdBy: (row.created_by as string | null) ?? null,
    createdAt: iso(row.created_at) as string,
    finishedAt: iso(row.finished_at),
  };
}
