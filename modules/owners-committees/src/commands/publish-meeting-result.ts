import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Matter, MeetingDetail } from '../contract.ts';
import { ownersCommitteesNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { readMeetingDetail } from '../meeting-detail.ts';
import { requireMeetingStatus } from './meeting-state.ts';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`);

/** One matter's line of the announcement (决议公告). */
export function matterLine(x: Matter): string {
  const r = x.result;
  if (!r) return `${x.position}. ${x.title}：未表决。`;
  const need = r.rule === 'art278_major' ? '四分之三以上' : '过半数';
  const participation = `参与表决${r.cast.voters}户（占总户数${pct(r.turnout)}），专有部分面积${r.cast.area}㎡（占总面积${pct(r.areaTurnout)}）`;
  const votes = `同意${r.agree.voters}户、${r.agree.area}㎡（占参与表决人数${pct(r.agree.share)}、面积${pct(r.agree.areaShare)}），反对${r.oppose.voters}户，弃权${r.abstain.voters}户`;
  const verdict = !r.quorumMet
    ? '参与表决的业主人数或专有部分面积未达三分之二，未形成决定'
    : r.passed
      ? `经参与表决人数和面积${need}同意，表决通过`
      : `同意未达参与表决人数和面积${need}，未通过`;
  return `${x.position}. ${x.title}：${participation}；${votes}；${verdict}。`;
}

/**
 * Publishes the counted result (表决结果公告): the announcement lists every matter's participation and
 * approval by households and by floor area and whether it passed; from now on the compound's
 * residents see it on the phone. Published as the outbox event `ownersCommittees.meeting_published`.
 */
export async function publishMeetingResult(tx: Tx, ctx: RequestContext, id: string): Promise<MeetingDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const meetings = new MeetingRepository(tx);
  const m = await meetings.lock(tenantId, id, scope);
  if (!m) throw AppError.notFound(ownersCommitteesNouns.meeting, id);
  requireMeetingStatus(m.status, ['closed']);
  const matters = await meetings.matters(tenantId, id);
  const body = [`${m.title}（${m.voteFrom}至${m.voteUntil}）表决结果公告：`, ...matters.map(matterLine)].join('\n');
  await meetings.setPublished(tenantId, id, { body, by: ctx.actor.accountId });
  await recordAudit(tx, auditEntry(ctx, 'ownersCommittees.meeting.publish', { type: 'owners_meeting', id }, {}));
  await emitEvents(tx, {
    tenantId,
    type: 'ownersCommittees.meeting_published',
    aggregateType: 'owners_meeting',
    aggregateId: id,
    payload: { compoundId: m.compoundId, passed: matters.filter((x) => x.result?.passed).map((x) => x.position) },
  });
  return readMeetingDetail(tx, tenantId, id, scope);
}
