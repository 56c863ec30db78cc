import { randomBytes } from 'node:crypto';
import type { RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { buildTwoCommunities, contextFor, insertNode } from '@linli/people/testing';
import { createHouseholds, type TestNode } from '@linli/territory/testing';
import type { CreateBallotBody } from './contract.ts';

// Test factories of ballots: a compound's households with floor areas, and the contexts of the
// staff and residents who run and vote in ballots.

/** A receipt as a phone makes it: 32 random bytes, base64url. */
export const newReceipt = (): string => randomBytes(32).toString('base64url');

/**
 * Two communities (people/testing), and in community A's compound a building 2号楼 whose households
 * have the given floor areas; staff of A and of B, and a resident context per new household.
 */
export async function buildBallotWorld(db: Db, areas: (number | null)[]) {
  const tree = await buildTwoCommunities(db);
  // A building of its own, so its roll holds exactly these households (101 and 102 of 1号楼 have no floor area).
  const building = await insertNode(db, { parent: tree.a.compound, kind: 'building', name: '2号楼' });
  const entrance = await insertNode(db, { parent: building, kind: 'entrance', name: '1单元' });
  const households: TestNode[] = await createHouseholds(db, entrance, areas, 201);
  const staffA = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }], 'staff.a');
  const staffB = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }], 'staff.b');
  const foreignStaff = contextFor('532601', [{ role: 'community_staff', node: tree.other.community }], 'staff.w');
  const residents: RequestContext[] = households.map((h) => contextFor('370785', [{ role: 'resident', node: h }], `r${h.name}`));
  const residentB = contextFor('370785', [{ role: 'resident', node: tree.b.h101 }], 'r.b');
  return { tree, building, households, staffA, staffB, foreignStaff, residents, residentB };
}

/** A ballot body on a place with sensible defaults. */
export function ballotBody(placeId: string, over: Partial<CreateBallotBody> = {}): CreateBallotBody {
  return {
    placeId,
    subject: { kind: 'owners_decision', id: null, title: '续聘物业服务企业' },
    title: '是否续聘物业',
    method: 'online',
    voterUnit: 'household',
    rule: 'art278_ordinary',
    options: ['同意', '不同意'],
    maxProxies: 1,
    ...over,
  };
}
