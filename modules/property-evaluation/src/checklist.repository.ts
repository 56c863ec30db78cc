import { newId } from '@linli/core';
import { type Db, rows } from '@linli/db';
import { sql } from 'drizzle-orm';

export interface ChecklistItemRow {
  id: string;
  label: string;
  position: number;
}

/** SQL of the county's inspection checklist (检查项目; the tenant is the county). */
export class ChecklistRepository {
  constructor(private readonly db: Db) {}

  /** The active items in order. */
  active(tenantId: string): Promise<ChecklistItemRow[]> {
    return rows<ChecklistItemRow>(
      this.db,
      sql`SELECT id::text, label, position FROM property_inspection_item WHERE tenant_id = ${tenantId} AND active ORDER BY position, label`,
    );
  }

  /**
   * Makes `labels` the active checklist in that order: an active item with the same label stays the
   * same item (past inspections keep naming it), the others are retired, new labels added.
   */
  async replace(tenantId: string, labels: string[]): Promise<void> {
    const current = await this.active(tenantId);
    const byLabel = new Map(current.map((i) => [i.label, i]));
    const kept = new Set(labels);
    const retired = current.filter((i) => !kept.has(i.label)).map((i) => i.id);
    if (retired.length)
      await this.db.execute(sql`UPDATE property_inspection_item SET active = false
        WHERE tenant_id = ${tenantId} AND id = ANY (${`{${retired.join(',')}}`}::uuid[])`);
    for (const [position, label] of labels.entries()) {
      const existing = byLabel.get(label);
      if (existing) {
        await this.db.execute(
          sql`UPDATE property_inspection_item SET position = ${position} WHERE tenant_id = ${tenantId} AND id = ${existing.id}::uuid`,
        );
      } else {
        await this.db.execute(
          sql`INSERT INTO property_inspection_item (tenant_id, id, label, position) VALUES (${tenantId}, ${newId()}, ${label}, ${position})`,
        );
      }
    }
  }
}
