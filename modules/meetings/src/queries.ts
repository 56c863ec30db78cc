import { type Actor, scopePaths } from '@linli/core';
import type { Db } from '@linli/db';
import type { MeetingItem } from './contract.ts';
import { MeetingRepository } from './meeting.repository.ts';
import type { CouncilKind, CouncilLevel } from './rules.ts';

/**
 * The decisions of a meeting, one per agenda item with the subject it concerns, for the modules
 * whose topics were on the agenda; undefined when the meeting is unknown or outside the caller's
 * meetings.read scope.
 */
export async function meetingDecisions(db: Db, ctx: { actor: Actor }, meetingId: string): Promise<MeetingItem[] | undefined> {
  const meetings = new MeetingRepository(db);
  const found = await meetings.findById(ctx.actor.tenantId, meetingId, scopePaths(ctx.actor, 'meetings.read'));
  if (!found) return undefined;
  return meetings.items(ctx.actor.tenantId, meetingId);
}

/**
 * Meetings held (opened, with their quorum) in a period under a node, by council level and by month
 * (Asia/Shanghai, `YYYY-MM`) — the deliberation KPIs' "meetings by level and period". `scope` is the
 * tenant and the caller's ltree paths (for example `{ tenantId, paths: scopePaths(actor,
 * 'meetings.read') }`); `from` and `to` are Shanghai dates, both included.
 */
export async function countMeetings(
  db: Db,
  scope: { tenantId: string; paths: string[] },
  filter: { nodeId?: string; from?: string; to?: string; kind?: CouncilKind },
): Promise<Record<CouncilLevel, number> & { total: number; byMonth: Record<string, number> }> {
  const counts = await new MeetingRepository(db).countByLevel(scope.tenantId, scope.paths, filter);
  const by = { compound: 0, community: 0, subdistrict: 0, county: 0 };
  const byMonth: Record<string, number> = {};
  for (const c of counts) {
    by[c.level] += c.meetings;
    byMonth[c.month] = (byMonth[c.month] ?? 0) + c.meetings;
  }
  return { ...by, total: counts.reduce((n, c) => n + c.meetings, 0), byMonth };
}
