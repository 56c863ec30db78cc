import { type Db, one } from '@linli/db';
import { sql } from 'drizzle-orm';
import { committeePlace, committeeRows } from './committee.repository.ts';
import type { CommitteeFigures } from './contract.ts';

/**
 * The owners'-committee figures for the property KPIs, for compounds in `scope` (and under
 * `nodeId` when given), party shares evaluated live from the party records:
 * - ownersCommittees / propertyManagementCommittees: active committees of each sort, as they stand;
 * - committeesPartyShareMet: active committees (any sort) whose current members are ≥ 50 % party members;
 * - newCommittees / newCommitteesPartyShareMet: committees formed between `from` and `to` (dates,
 *   inclusive), whatever their status now, and how many of them meet the share;
 * - termsEndingWithin90Days: active committees whose term ends today or within 90 days;
 * - trainedMemberShare: of the current members of active committees, the share who attended a
 *   training held in their committee's current term (null without members).
 */
export async function committeeFigures(
  db: Db,
  scope: { tenantId: string; paths: string[] },
  range: { nodeId?: string; from: string; to: string },
): Promise<CommitteeFigures> {
  const row = await one<CommitteeFigures & { members: number; trained: number }>(
    db,
    sql`SELECT
          count(*) FILTER (WHERE x.status = 'active' AND x.kind <> 'property_management_committee')::int AS "ownersCommittees",
          count(*) FILTER (WHERE x.status = 'active' AND x.kind = 'property_management_committee')::int AS "propertyManagementCommittees",
          count(*) FILTER (WHERE x.status = 'active' AND x.met)::int AS "committeesPartyShareMet",
          count(*) FILTER (WHERE x."formedOn"::date BETWEEN ${range.from}::date AND ${range.to}::date)::int AS "newCommittees",
          count(*) FILTER (WHERE x."formedOn"::date BETWEEN ${range.from}::date AND ${range.to}::date AND x.met)::int AS "newCommitteesPartyShareMet",
          count(*) FILTER (WHERE x.status = 'active' AND x."daysToTermEnd" BETWEEN 0 AND 90)::int AS "termsEndingWithin90Days",
          COALESCE(sum(x.members) FILTER (WHERE x.status = 'active'), 0)::int AS members,
          COALESCE(sum(x.trained) FILTER (WHERE x.status = 'active'), 0)::int AS trained
        FROM (${committeeRows(scope.tenantId, committeePlace(scope.tenantId, scope.paths, range.nodeId))}) x`,
  );
  return {
    ownersCommittees: row?.ownersCommittees ?? 0,
    propertyManagementCommittees: row?.propertyManagementCommittees ?? 0,
    committeesPartyShareMet: row?.committeesPartyShareMet ?? 0,
    newCommittees: row?.newCommittees ?? 0,
    newCommitteesPartyShareMet: row?.newCommitteesPartyShareMet ?? 0,
    termsEndingWithin90Days: row?.termsEndingWithin90Days ?? 0,
    trainedMemberShare: row && row.members > 0 ? row.trained / row.members : null,
  };
}
