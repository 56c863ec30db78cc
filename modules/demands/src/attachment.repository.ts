import type { Actor } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Attachment, AttachmentStage } from './contract.ts';
import { visibleTo } from './demand.repository.ts';

export interface AttachmentRecord extends Attachment {
  demandId: string | null;
  storageKey: string;
  uploadedBy: string;
}

interface Row {
  id: string;
  demand_id: string | null;
  stage: AttachmentStage | null;
  file_name: string;
  content_type: string;
  size: number;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: Date | string;
}

const toRecord = (r: Row): AttachmentRecord => ({
  id: r.id,
  demandId: r.demand_id,
  stage: r.stage,
  fileName: r.file_name,
  contentType: r.content_type,
  size: r.size,
  storageKey: r.storage_key,
  uploadedBy: r.uploaded_by,
  uploadedAt: new Date(r.uploaded_at).toISOString(),
});

/** All SQL about the photos and files of demands. */
export class AttachmentRepository {
  constructor(private readonly db: Db) {}

  async insert(a: {
    tenantId: string;
    id: string;
    fileName: string;
    contentType: string;
    size: number;
    sha256: string;
    storageKey: string;
    uploadedBy: string;
  }): Promise<AttachmentRecord> {
    const row = await one<Row>(
      this.db,
      sql`INSERT INTO demand_attachment (tenant_id, id, file_name, content_type, size, sha256, storage_key, uploaded_by)
          VALUES (${a.tenantId}, ${a.id}::uuid, ${a.fileName}, ${a.contentType}, ${a.size}, ${a.sha256}, ${a.storageKey}, ${a.uploadedBy}::uuid)
          RETURNING *`,
    );
    if (!row) throw new Error('attachment not inserted');
    return toRecord(row);
  }

  /** Uploads of one account not yet linked to a demand, since a time (to cap what can pile up). */
  async countUnlinked(tenantId: string, accountId: string, since: Date): Promise<number> {
    const row = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM demand_attachment
          WHERE tenant_id = ${tenantId} AND uploaded_by = ${accountId}::uuid AND demand_id IS NULL
            AND uploaded_at >= ${since.toISOString()}::timestamptz`,
    );
    return row?.n ?? 0;
  }

  /**
   * Links the caller's own unlinked uploads to a demand at a stage, locking them so two requests
   * cannot claim the same upload. Returns the ids that could not be linked (someone else's, already
   * linked, or unknown), so the caller can refuse the whole request.
   */
  async link(tenantId: string, demandId: string, stage: AttachmentStage, accountId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const linked = await rows<{ id: string }>(
      this.db,
      sql`UPDATE demand_attachment SET demand_id = ${demandId}::uuid, stage = ${stage}, linked_at = now()
          WHERE tenant_id = ${tenantId} AND id = ANY(${`{${ids.join(',')}}`}::uuid[])
            AND uploaded_by = ${accountId}::uuid AND demand_id IS NULL
          RETURNING id`,
    );
    const done = new Set(linked.map((r) => r.id));
    return ids.filter((id) => !done.has(id));
  }

  async countOf(tenantId: string, demandId: string, stage: AttachmentStage): Promise<number> {
    const row = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM demand_attachment WHERE tenant_id = ${tenantId} AND demand_id = ${demandId}::uuid AND stage = ${stage}`,
    );
    return row?.n ?? 0;
  }

  /** The attachments of a demand, oldest first (the caller has already been shown the demand). */
  async listOf(tenantId: string, demandId: string): Promise<Attachment[]> {
    const list = await rows<Row>(
      this.db,
      sql`SELECT * FROM demand_attachment WHERE tenant_id = ${tenantId} AND demand_id = ${demandId}::uuid ORDER BY uploaded_at, id`,
    );
    return list.map((r) => {
      const { demandId: _d, storageKey: _k, uploadedBy: _u, ...attachment } = toRecord(r);
      return attachment;
    });
  }

  /**
   * One attachment if the caller may see it: their own upload not yet linked, or one of a demand
   * they can see (the same rule as the demand's detail, checked in SQL).
   */
  async findVisible(tenantId: string, id: string, actor: Actor): Promise<AttachmentRecord | undefined> {
    const row = await one<Row>(
      this.db,
      sql`SELECT a.* FROM demand_attachment a
          LEFT JOIN demand d ON d.tenant_id = a.tenant_id AND d.id = a.demand_id
          WHERE a.tenant_id = ${tenantId} AND a.id = ${id}::uuid
            AND ((a.demand_id IS NULL AND a.uploaded_by = ${actor.accountId}::uuid)
                 OR (a.demand_id IS NOT NULL AND ${visibleTo(actor)}))`,
    );
    return row && toRecord(row);
  }
}
