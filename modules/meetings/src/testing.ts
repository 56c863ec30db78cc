import { type RequestContext, runWrite } from '@linli/core';
import type { Database, Db } from '@linli/db';
import { buildTwoCommunities, contextFor, insertResident, type TestNode } from '@linli/people/testing';
import { addSeat } from './commands/add-seat.ts';
import { createCouncil } from './commands/create-council.ts';
import { createMeeting } from './commands/create-meeting.ts';
import type { CouncilDetail, MeetingDetail } from './contract.ts';

/**
 * Test factories of the meetings module: two communities (凤凰社区 and 康成社区, see
 * buildTwoCommunities), a staff context on the first, residents, a council with members and a meeting.
 */
export async function buildMeetingWorld(database: Database) {
  const tree = await buildTwoCommunities(database.db);
  const staff = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }], 'staff.a');
  const otherStaff = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }], 'staff.b');
  return { tree, staff, otherStaff };
}

export async function insertResidents(db: Db, household: TestNode, names: string[], isPartyMember = false): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) ids.push((await insertResident(db, household, { name, isPartyMember })).id);
  return ids;
}

/** A council on `node` with a seat for each resident id. */
export async function councilWithMembers(
  database: Database,
  ctx: RequestContext,
  input: { nodeId: string; level: 'compound' | 'community' | 'subdistrict' | 'county'; name?: string },
  residentIds: string[],
): Promise<CouncilDetail> {
  let council = await runWrite(database.db, (tx) => createCouncil(tx, ctx, { ...input, name: input.name ?? '议事会' }));
  for (const residentId of residentIds) {
    council = await runWrite(database.db, (tx) => addSeat(tx, ctx, council.id, { role: 'member', residentId }));
  }
  return council;
}

export function draftMeeting(database: Database, ctx: RequestContext, councilId: string, title = '加装电梯议事会'): Promise<MeetingDetail> {
  return runWrite(database.db, (tx) =>
    createMeeting(tx, ctx, {
      councilId,
      title,
      startsAt: '2026-05-10T01:00:00.000Z',
      placeText: '小区党群议事亭',
      items: [{ kind: 'topic', title: '3号楼加装电梯' }],
    }),
  );
}

export { contextFor };

/** A community council on `nodeId` and a draft meeting of it, made through the module's commands as `ctx`; the meeting's id. */
export function draftMeetingAt(db: Db, ctx: RequestContext, nodeId: string, title: string): Promise<string> {
  return db.transaction(async (tx) => {
    const council = await createCouncil(tx, ctx, { nodeId, level: 'community', name: '居民议事会' });
    const meeting = await createMeeting(tx, ctx, {
      councilId: council.id,
      title,
      startsAt: '2026-05-10T01:00:00.000Z',
      placeText: '社区议事厅',
      items: [],
    });
    return meeting.id;
  });
}
