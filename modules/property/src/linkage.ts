import { maskName } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { GridRepository } from '@linli/grids';
import { CommitteeRepository } from '@linli/owners-committees';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';
import type { CompoundLinkage } from './contract.ts';

/**
 * The five-level linkage (五级联动) of a compound the caller may see: the community party
 * organisation, the compound party branch (party records, read-only: declared in the manifest's
 * reads), the owners' committee (@linli/owners-committees), the micro-grids over its buildings with
 * their leaders (@linli/grids), and its party member households (党员中心户) among all households.
 * Leaders' names are masked (王**): the view is an organisation chart, not a roster.
 */
export async function compoundLinkage(
  db: Db,
  tenantId: string,
  compound: { id: string; name: string; path: string },
): Promise<CompoundLinkage> {
  const orgs = await rows<{ kind: string; name: string; secretary: string | null }>(
    db,
    sql`SELECT o.kind, o.name, (SELECT r.name FROM resident r WHERE r.tenant_id = o.tenant_id AND r.id = o.secretary_id) AS secretary
        FROM party_org o JOIN ${territorySql.nodes('n')} ON n.tenant_id = o.tenant_id AND n.id = ${compound.id}::uuid
        WHERE o.tenant_id = ${tenantId}
          AND ((o.kind = 'compound_branch' AND o.node_id = n.id) OR (o.kind = 'community_committee' AND o.node_id = n.parent_id))
        ORDER BY o.name`,
  );
  const counts = await one<{ members: number; households: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM party_org o JOIN ${territorySql.nodes('h')} ON h.tenant_id = o.tenant_id AND h.id = o.node_id
               WHERE o.tenant_id = ${tenantId} AND o.kind = 'member_household' AND h.path <@ ${compound.path}::ltree) AS members,
           (SELECT count(*)::int FROM ${territorySql.nodes('h')} WHERE h.tenant_id = ${tenantId} AND h.kind = 'household'
               AND h.path <@ ${compound.path}::ltree) AS households`,
  );
  const org = (kind: string) => {
    const o = orgs.find((x) => x.kind === kind);
    return o ? { name: o.name, leader: maskName(o.secretary) } : null;
  };
  const committees = new CommitteeRepository(db);
  const active = await committees.activeOf(tenantId, compound.id);
  const members = active ? await committees.members(tenantId, active.id, { roster: [], sensitive: [] }) : [];
  const current = members.filter((m) => m.until === null);
  const grids = await new GridRepository(db).microGridsOver(tenantId, compound.path);
  return {
    compoundId: compound.id,
    compoundName: compound.name,
    communityOrg: org('community_committee'),
    compoundBranch: org('compound_branch'),
    committee: active
      ? { name: active.name, kind: active.kind, chair: current.find((m) => m.position === 'chair')?.name ?? null, members: current.length }
      : null,
    microGrids: grids.map((g) => ({ name: g.name, leader: maskName(g.leaderName), members: g.members })),
    memberHouseholds: Number(counts?.members ?? 0),
    households: Number(counts?.households ?? 0),
  };
}
