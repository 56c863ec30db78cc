import { newId } from '@linli/core';
import type { Db } from '@linli/db';
import type { DemandWorld } from '@linli/demands/testing';
import { sql } from 'drizzle-orm';

/**
 * Test factory of smart intake: demands written straight into the table (hundreds at once, the
 * commands would take minutes), at a node, with a status, a category code, a level and a time.
 */
export interface RawDemand {
  text: string;
  /** Category code of the world's default taxonomy. */
  category: string;
  level?: string;
  status?: string;
  /** Default: households[0] (inside compounds[0]). */
  nodeId?: string;
  submittedAt?: Date;
  lat?: number;
  lng?: number;
  reporterAccountId?: string;
  title?: string;
}

let serial = 0;

export async function insertDemands(db: Db, world: DemandWorld, demands: readonly RawDemand[]): Promise<string[]> {
  const nodes = new Map(
    [
      world.tree.county,
      ...world.tree.subdistricts,
      ...world.tree.communities,
      ...world.tree.compounds,
      ...world.tree.buildings,
      ...world.tree.households,
    ].map((n) => [n.id, n]),
  );
  const ids: string[] = [];
  for (let start = 0; start < demands.length; start += 400) {
    const values = demands.slice(start, start + 400).map((d) => {
      const id = newId();
      ids.push(id);
      const node = nodes.get(d.nodeId ?? world.tree.households[0]!.id);
      if (!node) throw new Error(`unknown node ${d.nodeId}`);
      const categoryId = world.categories[d.category];
      if (!categoryId) throw new Error(`unknown category ${d.category}`);
      const at = d.submittedAt ?? new Date();
      const status = d.status ?? 'closed';
      const handled = ['resolved', 'evaluated', 'closed'].includes(status);
      const title = d.title ?? [...d.text].slice(0, 30).join('');
      const resident = d.reporterAccountId !== undefined;
      return sql`(${world.tenantId}, ${id}::uuid, ${`T-${process.pid}-${++serial}`}, 'web', 'complaint', ${categoryId}::uuid, ${title},
        ${d.text}, ${node.id}::uuid, ${node.path}::ltree, ${d.lat ?? null}::double precision, ${d.lng ?? null}::double precision,
        ${resident ? 'resident' : 'anonymous'}, ${d.reporterAccountId ?? null}::uuid, ${status}, ${d.level ?? 'community'},
        ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz,
        ${handled ? at.toISOString() : null}::timestamptz, ${status === 'closed' ? at.toISOString() : null}::timestamptz)`;
    });
    await db.execute(sql`INSERT INTO demand (tenant_id, id, number, channel, type, category_id, title, description, node_id, node_path, lat, lng,
        reporter_kind, reporter_account_id, status, level, submitted_at, response_due_at, resolve_due_at, resolved_at, closed_at)
      VALUES ${sql.join(values, sql`, `)}`);
  }
  return ids;
}
