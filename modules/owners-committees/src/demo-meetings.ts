import { newId, type RequestContext, SeededRandom } from '@linli/core';
import type { Db } from '@linli/db';
import { territory } from '@linli/territory';
import { closeMeeting } from './commands/close-meeting.ts';
import { createMeeting } from './commands/create-meeting.ts';
import { enterPaperBallot } from './commands/enter-paper-ballot.ts';
import { openMeetingVote } from './commands/open-meeting-vote.ts';
import { publishMeetingNotice } from './commands/publish-meeting-notice.ts';
import { publishMeetingResult } from './commands/publish-meeting-result.ts';
import type { CreateMeetingBody, MeetingDetail } from './contract.ts';
import { MeetingRepository } from './meeting.repository.ts';
import type { MatterChoice } from './vocabulary.ts';

/** The demo counties that get meetings: 高密市 and 文山市. */
export const meetingCounties = ['370785', '532601'];

const day = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Owners' general meetings of the demo, run through the commands (so every ballot, count and audit
 * record is real) by a demo staff member of the county: in the compounds with a committee whose every
 * household has a floor area, fewest households first — a regular meeting voted on paper, counted and
 * published; an extraordinary one voting now; a third noticed for later. Paper ballots stand for the
 * votes (the demo has no residents' phones); proxies need a document file and are left to the staff.
 */
export async function seedMeetingsDemo(db: Db, tenantId: string, accountId: string | null, committeeCompounds: string[]): Promise<number> {
  // 高密市 and 文山市 (the property-reform counties of the seed texts); the other demo counties have none.
  if (!meetingCounties.includes(tenantId)) return 0;
  const county = await territory.countyRoot(db, tenantId);
  if (!county) return 0;
  const compounds = await new MeetingRepository(db).votableCompounds(tenantId, committeeCompounds, 3);
  if (compounds.length === 0) return 0;
  const ctx: RequestContext = {
    actor: {
      accountId: accountId ?? newId(),
      username: 'demo',
      displayName: '社区工作人员',
      tenantId,
      grants: [{ id: newId(), role: 'community_staff', nodeId: county.id, path: county.path, nodeName: county.name }],
    },
    clientIp: '127.0.0.1',
  };
  const rand = new SeededRandom(278);
  const plans: {
    body: Omit<CreateMeetingBody, 'compoundId'>;
    noticeOn: string;
    stage: 'noticed' | 'voting' | 'published';
    agree: number[];
  }[] = [
    {
      body: {
        kind: 'regular',
        placeText: '小区党群服务站，书面表决',
        voteFrom: day(-20),
        voteUntil: day(-10),
        matters: [
          { kind: 'property_company', title: '续聘现物业服务企业（服务期三年）' },
          { kind: 'fund_use', title: '使用专项维修资金维修屋面防水' },
        ],
      },
      noticeOn: day(-40),
      stage: 'published',
      agree: [0.8, 0.7],
    },
    {
      body: {
        kind: 'extraordinary',
        placeText: '手机投票与书面表决',
        voteFrom: day(-2),
        voteUntil: day(12),
        matters: [
          { kind: 'common_use_change', title: '利用共有部分设置电动自行车充电桩' },
          { kind: 'other_major', title: '增设单元门禁系统' },
        ],
      },
      noticeOn: day(-20),
      stage: 'voting',
      agree: [0.9, 0.6],
    },
    {
      body: {
        kind: 'regular',
        voteFrom: day(16),
        voteUntil: day(30),
        matters: [
          { kind: 'management_rules', title: '修订小区管理规约' },
          { kind: 'rebuilding', title: '改建小区非机动车棚' },
        ],
      },
      noticeOn: day(0),
      stage: 'noticed',
      agree: [],
    },
  ];
  let made = 0;
  for (const [i, c] of compounds.entries()) {
    const plan = plans[i];
    if (!plan) break;
    await db.transaction(async (tx) => {
      let m: MeetingDetail = await createMeeting(tx, ctx, { ...plan.body, compoundId: c.id });
      m = await publishMeetingNotice(tx, ctx, m.id, { noticeOn: plan.noticeOn });
      if (plan.stage === 'noticed') return;
      m = await openMeetingVote(tx, ctx, m.id);
      // Published: 85 % of the households vote; voting now: 40 % so far.
      const share = plan.stage === 'published' ? 0.85 : 0.4;
      for (const householdId of c.households) {
        if (!rand.chance(share)) continue;
        const choices = m.matterList.map((x, j) => {
          const agree = plan.agree[j] ?? 0.5;
          const r = rand.next();
          const choice: MatterChoice = r < agree ? 'agree' : r < agree + (1 - agree) * 0.7 ? 'oppose' : 'abstain';
          return { matterId: x.id, choice };
        });
        await enterPaperBallot(tx, ctx, m.id, { householdId, choices });
      }
      if (plan.stage === 'published') {
        await closeMeeting(tx, ctx, m.id);
        await publishMeetingResult(tx, ctx, m.id);
      }
    });
    made++;
  }
  return made;
}
