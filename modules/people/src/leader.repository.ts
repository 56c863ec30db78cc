import { inScope } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';
import type { Leader, LeaderRole } from './contract.ts';
import { nodeLeader } from './schema.ts';

/** SQL of building and entrance leaders (楼栋长 / 单元长), scoped by the led node's path. */
export class LeaderRepository {
  constructor(private readonly db: Db) {}

  list(tenantId: string, scope: string[], filter: { nodeId?: string; role?: LeaderRole }): Promise<Leader[]> {
    return rows<Leader>(
      this.db,
      sql`SELECT l.id, l.node_id AS "nodeId", n.name AS "nodeName", n.kind AS "nodeKind", l.role, l.resident_id AS "residentId",
            r.name AS "residentName", r.phone_masked AS phone, to_char(l.since, 'YYYY-MM-DD') AS since
          FROM node_leader l
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = l.tenant_id AND n.id = l.node_id
          JOIN resident r ON r.tenant_id = l.tenant_id AND r.id = l.resident_id
          WHERE l.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
            ${filter.nodeId ? sql`AND n.path <@ ${territorySql.pathOf(tenantId, filter.nodeId)}` : sql``}
            ${filter.role ? sql`AND l.role = ${filter.role}` : sql``}
          ORDER BY ${territorySql.naturalPathKey(sql`n.tenant_id`, sql`n.path`)}, l.role, r.name
          LIMIT 5000`,
    );
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<Leader | undefined> {
    return one<Leader>(
      this.db,
      sql`SELECT l.id, l.node_id AS "nodeId", n.name AS "nodeName", n.kind AS "nodeKind", l.role, l.resident_id AS "residentId",
            r.name AS "residentName", r.phone_masked AS phone, to_char(l.since, 'YYYY-MM-DD') AS since
          FROM node_leader l
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = l.tenant_id AND n.id = l.node_id
          JOIN resident r ON r.tenant_id = l.tenant_id AND r.id = l.resident_id
          WHERE l.tenant_id = ${tenantId} AND l.id = ${id} AND ${inScope(sql`n.path`, scope)}`,
    );
  }

  /** True when the resident's household lies under the node (a leader must live where they lead). */
  async livesUnder(tenantId: string, residentId: string, nodePath: string): Promise<boolean> {
    const row = await one<{ ok: boolean }>(
      this.db,
      sql`SELECT true AS ok FROM resident r JOIN ${territorySql.nodes('h')} ON h.tenant_id = r.tenant_id AND h.id = r.household_id
          WHERE r.tenant_id = ${tenantId} AND r.id = ${residentId} AND r.moved_out_at IS NULL AND h.path <@ ${nodePath}::ltree`,
    );
    return row?.ok === true;
  }

  async insert(values: typeof nodeLeader.$inferInsert): Promise<void> {
    await this.db.insert(nodeLeader).values(values);
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.db.execute(sql`DELETE FROM node_leader WHERE tenant_id = ${tenantId} AND id = ${id}`);
  }
}
