import type { FileStore } from '@linli/core';
import type { IntervalJob } from '@linli/core/scheduler';
import { type Db, rows } from '@linli/db';
import { sql } from 'drizzle-orm';

/** Uploads never attached to a demand are kept this long (a form left open overnight still works). */
export const UNLINKED_UPLOAD_HOURS = 48;

/**
 * Deletes uploads that were never linked to a demand: the rows first (claimed with SKIP LOCKED, so
 * a submission linking one at the same moment wins and two server processes never share a row),
 * then their bytes. A crash between the two leaves only unreferenced bytes, never a row without
 * its file.
 */
export async function removeUnlinkedUploads(db: Db, files: FileStore, now = new Date(), batch = 500): Promise<{ removed: number }> {
  const cutoff = new Date(now.getTime() - UNLINKED_UPLOAD_HOURS * 3_600_000);
  const removed = await db.transaction((tx) =>
    rows<{ storage_key: string }>(
      tx,
      sql`DELETE FROM demand_attachment a
          USING (SELECT tenant_id, id FROM demand_attachment
                 WHERE demand_id IS NULL AND uploaded_at < ${cutoff.toISOString()}::timestamptz
                 ORDER BY uploaded_at LIMIT ${batch} FOR UPDATE SKIP LOCKED) old
          WHERE a.tenant_id = old.tenant_id AND a.id = old.id
          RETURNING a.storage_key`,
    ),
  );
  for (const r of removed) await files.delete(r.storage_key);
  return { removed: removed.length };
}

/** The clean-up as a job of the server's scheduler, hourly. */
export function attachmentCleanupJob(db: Db, files: FileStore, intervalMs = 3_600_000): IntervalJob {
  return { name: 'demands.attachment-cleanup', intervalMs, run: () => removeUnlinkedUploads(db, files) };
}
