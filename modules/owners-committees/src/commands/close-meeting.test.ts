import { castVote } from '@linli/ballots';
import { newReceipt } from '@linli/ballots/testing';
import type { AppError, RequestContext } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../contract.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { buildMeetingWorld, memoryFiles, onePixelPng, openMeetingWith } from '../testing.ts';
import { closeMeeting } from './close-meeting.ts';
import { enterPaperBallot } from './enter-paper-ballot.ts';
import { publishMeetingResult } from './publish-meeting-result.ts';
import { registerMeetingProxy } from './register-meeting-proxy.ts';
import { uploadMeetingDocument } from './upload-meeting-document.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildMeetingWorld>>;
const files = memoryFiles();

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildMeetingWorld(database.db);
});
afterAll(() => database.close());

const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: AppError) => e,
  );
const tx = <T>(fn: (t: Parameters<Parameters<Database['db']['transaction']>[0]>[0]) => Promise<T>) => database.db.transaction(fn);
const choices = (m: MeetingDetail, picks: ('agree' | 'oppose' | 'abstain')[]) =>
  m.matterList.map((x, i) => ({ matterId: x.id, choice: picks[i] as 'agree' | 'oppose' | 'abstain' }));
/** A phone vote on every matter (option 1 同意, 2 反对, 3 弃权). */
async function phone(who: RequestContext, m: MeetingDetail, picks: number[], forVoterId?: string) {
  for (const [i, x] of m.matterList.entries())
    await tx((t) =>
      castVote(t, who, x.ballotId as string, {
        options: [picks[i] as number],
        receipt: newReceipt(),
        ...(forVoterId ? { forVoterId } : {}),
      }),
    );
}
async function proxy(m: MeetingDetail, householdId: string, proxyName: string, holderHouseholdId?: string) {
  const doc = await tx((t) => uploadMeetingDocument(t, files, w.staffA, m.id, { fileName: '委托书.png', bytes: onePixelPng }));
  return tx((t) =>
    registerMeetingProxy(t, w.staffA, m.id, {
      householdId,
      proxyName,
      documentId: doc.id,
      ...(holderHouseholdId ? { holderHouseholdId } : {}),
    }),
  );
}

/**
 * 和园小区: 101–104 have 50 m² each, 105 has 200 m² (5 households, 400 m²). Everyone takes part
 * (quorum met): 101 and 102 on the phone, 103 on paper, 104 through 101's owner on the phone (proxy
 * with a holder household), 105 through 周律师 on paper (proxy with a document).
 *   1 续聘物业 (ordinary): 同意 101 102 103 = 3/5 heads (60 % > 1/2) but 150/400 m² (37.5 %): fails by area.
 *   2 维修资金 (major): 同意 101 102 103 105 = 4/5 heads (80 %), 350/400 m² (87.5 %): ≥ 3/4 both, passes.
 *   3 改变用途 (major): 同意 101 102 105 = 3/5 heads (60 % < 3/4) though 300/400 m² is exactly 3/4: fails by head.
 */
describe('an owners’ general meeting', () => {
  it('counts phone, paper and proxy votes once per household and decides each matter by area and by head', async () => {
    const [h1, h2, h3, h4, h5] = w.households as [(typeof w.households)[0], ...typeof w.households];
    const [r1, r2, r3, r4] = w.residents as [RequestContext, RequestContext, RequestContext, RequestContext];
    let m = await openMeetingWith(database.db, w, [
      { kind: 'property_company', title: '续聘物业服务企业' },
      { kind: 'fund_use', title: '使用维修资金更换电梯' },
      { kind: 'common_use_change', title: '利用共有部分设置快递柜' },
    ]);
    expect(m.status).toBe('voting');
    expect(m.matterList.every((x) => x.ballotId)).toBe(true);
    m = await proxy(m, h4!.id, '李建国', h1!.id);
    m = await proxy(m, h5!.id, '周律师');
    // One proxy per household.
    expect((await fail(proxy(m, h5!.id, '王某')))?.message).toBe('1号楼1单元105 already has a proxy (周律师); one proxy per household');

    await phone(r1, m, [1, 1, 1]);
    await phone(r1, m, [2, 2, 2], h4!.id); // 101's owner votes for 104 as proxy holder
    await phone(r2, m, [1, 1, 1]);
    m = await tx((t) => enterPaperBallot(t, w.staffA, m.id, { householdId: h3!.id, choices: choices(m, ['agree', 'agree', 'oppose']) }));
    m = await tx((t) => enterPaperBallot(t, w.staffA, m.id, { householdId: h5!.id, choices: choices(m, ['oppose', 'agree', 'agree']) }));
    expect(m.paperBallots.map((p) => [p.householdName, p.proxyName, p.enteredByName])).toEqual([
      ['1号楼1单元103', null, 'staff.a'],
      ['1号楼1单元105', '周律师', 'staff.a'],
    ]);
    expect(m.votedSoFar).toBe(5);

    // A household votes once: paper after phone, phone after paper, the owner after giving a proxy.
    const twice = await fail(
      tx((t) => enterPaperBallot(t, w.staffA, m.id, { householdId: h2!.id, choices: choices(m, ['oppose', 'oppose', 'oppose']) })),
    );
    expect(twice?.message).toBe('1号楼1单元102 has already voted (on the phone or on paper)');
    expect((await fail(phone(r3, m, [2, 2, 2])))?.code).toBe('conflict');
    expect((await fail(phone(r4, m, [1, 1, 1])))?.message).toBe('This voter gave a proxy; the proxy holder votes for them');
    expect((await new MeetingRepository(database.db).paperBallots('370785', m.id)).length).toBe(2);
    // Nor may a voted household give a proxy now.
    expect((await fail(proxy(m, h2!.id, '赵某')))?.message).toBe('1号楼1单元102 has already voted (on the phone or on paper)');
    // Another compound's resident has no vote here.
    expect((await fail(phone(w.residentB, m, [1, 1, 1])))?.code).toBe('not_found');

    const closed = await tx((t) => closeMeeting(t, w.staffA, m.id));
    expect(closed.status).toBe('closed');
    const r = closed.matterList.map((x) => x.result!);
    expect(r.map((x) => [x.rule, x.quorumMet, x.cast, x.turnout, x.areaTurnout, x.paper])).toEqual([
      ['art278_ordinary', true, { voters: 5, area: 400 }, 1, 1, 2],
      ['art278_major', true, { voters: 5, area: 400 }, 1, 1, 2],
      ['art278_major', true, { voters: 5, area: 400 }, 1, 1, 2],
    ]);
    expect(r.map((x) => [x.agree.voters, x.agree.area, x.agree.share, x.agree.areaShare, x.passed])).toEqual([
      [3, 150, 0.6, 0.375, false],
      [4, 350, 0.8, 0.875, true],
      [3, 300, 0.6, 0.75, false],
    ]);
    expect(r.map((x) => [x.oppose.voters, x.abstain.voters])).toEqual([
      [2, 0],
      [1, 0],
      [2, 0],
    ]);
    // Results reach residents only when published.
    expect((await new MeetingRepository(database.db).mine('370785', [h2!.id]))[0]?.matters[0]?.result).toBeNull();
    const published = await tx((t) => publishMeetingResult(t, w.staffA, m.id));
    expect(published.resultBody).toContain(
      '1. 续聘物业服务企业：参与表决5户（占总户数100%），专有部分面积400㎡（占总面积100%）；同意3户、150㎡（占参与表决人数60%、面积37.5%）',
    );
    expect(published.resultBody).toContain('同意未达参与表决人数和面积过半数，未通过');
    expect(published.resultBody).toContain('2. 使用维修资金更换电梯');
    const [mine] = await new MeetingRepository(database.db).mine('370785', [h2!.id]);
    expect(mine?.matters.map((x) => x.result?.passed)).toEqual([false, true, false]);
    expect(await new MeetingRepository(database.db).mine('370785', [w.tree.b.h101.id])).toEqual([]);
    // The proxies are in the audit trail with the proxy's name and the document.
    const audit = await database.query<{ details: { proxyName: string; household: string; documentSha256: string } }>(
      "SELECT details FROM audit_event WHERE action = 'ownersCommittees.meeting.proxy' AND target_id = $1 ORDER BY seq",
      [m.id],
    );
    expect(audit.map((a) => [a.details.household, a.details.proxyName, a.details.documentSha256.length])).toEqual([
      ['1号楼1单元104', '李建国', 64],
      ['1号楼1单元105', '周律师', 64],
    ]);
  });

  it('fails every matter when fewer than two thirds of the households or of the area take part', async () => {
    const [, , , , h5] = w.households;
    const m = await openMeetingWith(database.db, w, [{ kind: 'management_rules', title: '修订管理规约' }]);
    // 105 alone: 1/5 households, 200/400 m².
    await tx((t) => enterPaperBallot(t, w.staffA, m.id, { householdId: h5!.id, choices: choices(m, ['agree']) }));
    const closed = await tx((t) => closeMeeting(t, w.staffA, m.id));
    expect(closed.matterList[0]?.result).toMatchObject({ quorumMet: false, passed: false, turnout: 0.2, areaTurnout: 0.5 });
  });

  it('refuses a paper ballot without a choice on every matter, a household of another compound, and another community’s staff', async () => {
    const [h1] = w.households;
    const m = await openMeetingWith(database.db, w, [
      { kind: 'rules_of_procedure', title: '制定议事规则' },
      { kind: 'rebuilding', title: '改建车棚' },
    ]);
    const partial = await fail(
      tx((t) => enterPaperBallot(t, w.staffA, m.id, { householdId: h1!.id, choices: choices(m, ['agree']).slice(0, 1) })),
    );
    expect(partial?.details).toEqual([{ field: 'choices', reason: 'has no choice on matter 2' }]);
    const elsewhere = await fail(
      tx((t) => enterPaperBallot(t, w.staffA, m.id, { householdId: w.tree.a.h101.id, choices: choices(m, ['agree', 'agree']) })),
    );
    expect(elsewhere?.message).toBe('101 is not a household of 和园小区');
    const foreign = await fail(
      tx((t) => enterPaperBallot(t, w.staffB, m.id, { householdId: h1!.id, choices: choices(m, ['agree', 'agree']) })),
    );
    expect(foreign?.code).toBe('not_found');
    const [n] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM owners_meeting_paper_ballot WHERE meeting_id = $1', [
      m.id,
    ]);
    expect(n?.n).toBe(0);
  });
});
