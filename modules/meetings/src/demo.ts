import { type DemoSeedContext, newId, seededRandom } from '@linli/core';
import { type Db, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { checkInCode, quorumNeeded, type SeatRole } from './rules.ts';

/** Topics of compound meetings (一事一议), as the seed's counties report them. */
const compoundTopics = [
  ['停车位划线与夜间停车管理', '同意按每户一个车位划线，外来车辆夜间限时停放'],
  ['3号楼加装电梯费用分摊', '按楼层系数分摊，一层住户不分摊，报街道备案'],
  ['楼道堆物清理', '本月底前由楼栋长通知清理，逾期由物业统一清运'],
  ['公共收益使用', '本年度公共收益用于更换单元门禁，账目季度公示'],
  ['小区监控补装', '在东门和车棚补装四路监控，费用由公共收益列支'],
  ['电动车集中充电桩建设', '在车棚建设集中充电桩，禁止飞线充电'],
  ['垃圾分类投放点调整', '投放点移至北侧空地，定时定点投放'],
  ['绿化带改造停车', '保留绿化，不改停车位，另行协调周边停车资源'],
] as const;
const communityTopics = [
  ['老旧小区改造项目排序', '按居民意愿和房屋状况排序，优先改造雨污分流'],
  ['社区微基金使用', '微基金优先支持独居老人助餐和楼道照明'],
  ['社区“周六有约”议事安排', '每月第一个周六在议事厅集中议事'],
] as const;
const streetTopics = [
  ['红色物业联席会议：物业费收缴难题', '由住建局牵头制定物业费催缴指引，街道督促落实'],
  ['无物业小区托管', '三个无物业小区由国企物业托管，社区做好过渡'],
] as const;

interface Person {
  id: string;
  name: string;
  householdId: string;
}
interface Place {
  id: string;
  name: string;
  level: 'compound' | 'community' | 'subdistrict' | 'county';
  branchId: string | null;
  secretary: Person | null;
  ownersId: string | null;
  companyId: string | null;
  residents: Person[];
}

/** Inserts rows in batches of one statement each. */
async function insertRows(db: Db, head: SQL, values: SQL[]): Promise<void> {
  for (let i = 0; i < values.length; i += 400) {
    await db.execute(sql`${head} VALUES ${sql.join(values.slice(i, i + 400), sql`, `)}`);
  }
}

/** The part of the county's demo profile this seeder reads: meetings held over the last 12 months by level. */
interface MeetingTargets {
  meetings: { compound: number; community: number; subdistrict: number };
}
/** And of property reform: joint meetings (联席会议) held at county, street and community level. */
interface JointMeetingTargets {
  jointMeetings?: { county: number; subdistrict: number; community: number };
}

/** A council to create: a place's own council, or a joint meeting of the county or of a community. */
interface CouncilPlan {
  place: Place;
  kind: 'council' | 'joint_meeting';
  name: string;
  meetings: number;
}

/** `total` spread over `n` parts, the first ones taking one more. */
const share = (total: number, n: number, k: number) => Math.floor(total / n) + (k < total % n ? 1 : 0);

/**
 * Demo data of meetings in the demo county: a council for every compound (its party branch, owners'
 * committee and property company in permanent seats), a community council of seven members with a
 * term in every community, a party-building joint meeting in every subdistrict with two county
 * departments, and past meetings of each with attendance, a debated motion and minutes — over the
 * last 12 months, as many per level as the county's profile says (`profile.deliberation.meetings`,
 * spread evenly over the councils of the level), else one to three a compound, one or two a
 * community and one a subdistrict. A county whose profile counts joint meetings (联席会议,
 * `profile.property.jointMeetings`) also gets a county joint meeting and one in every community with a
 * council, holding that many; its street councils are the street-level joint meetings.
 */
export async function seedMeetingsDemo(ctx: DemoSeedContext): Promise<void> {
  const db = ctx.database.db;
  const tenantId = ctx.tenantId;
  const random = seededRandom(20260508);
  const places = await rows<Place>(
    db,
    sql`SELECT p.id, p.name, p.kind AS level,
        (SELECT po.id FROM party_org po WHERE po.tenant_id = p.tenant_id AND po.node_id = p.id
           AND po.kind IN ('compound_branch', 'community_committee', 'subdistrict_committee') ORDER BY po.id LIMIT 1) AS "branchId",
        (SELECT json_build_object('id', r.id, 'name', r.name, 'householdId', r.household_id) FROM party_org po
           JOIN resident r ON r.tenant_id = po.tenant_id AND r.id = po.secretary_id
           WHERE po.tenant_id = p.tenant_id AND po.node_id = p.id ORDER BY po.id LIMIT 1) AS secretary,
        (SELECT o.id FROM organisation o WHERE o.tenant_id = p.tenant_id AND o.node_id = p.id
           AND o.kind IN ('owners_committee', 'property_management_committee') ORDER BY o.id LIMIT 1) AS "ownersId",
        (SELECT ps.organisation_id FROM property_service ps WHERE ps.tenant_id = p.tenant_id AND ps.compound_id = p.id
           ORDER BY ps.organisation_id LIMIT 1) AS "companyId",
        coalesce((SELECT json_agg(json_build_object('id', x.id, 'name', x.name, 'householdId', x.household_id)) FROM (
           SELECT r.id, r.name, r.household_id FROM ${territorySql.nodes('h')}
           JOIN resident r ON r.tenant_id = h.tenant_id AND r.household_id = h.id
           WHERE h.tenant_id = p.tenant_id AND h.kind = 'household' AND h.path <@ p.path
           ORDER BY h.path, r.id LIMIT 12) x), '[]'::json) AS residents
      FROM ${territorySql.nodes('p')}
      WHERE p.tenant_id = ${tenantId} AND p.kind IN ('compound', 'community', 'subdistrict')
      ORDER BY p.path`,
  );
  const departments = await rows<{ id: string; name: string }>(
    db,
    sql`SELECT id, name FROM department WHERE tenant_id = ${tenantId} AND active ORDER BY sort_order, name LIMIT 6`,
  );

  const targets = (ctx.shared.profile as { deliberation?: MeetingTargets } | undefined)?.deliberation?.meetings;
  const hasCouncil = (place: Place) =>
    place.level === 'subdistrict' || place.residents.filter((p) => p.id !== place.secretary?.id).length >= 5;
  const eligible = places.filter(hasCouncil);
  const ordinal = new Map<string, number>();
  const perLevel = { compound: 0, community: 0, subdistrict: 0, county: 0 };
  for (const place of eligible) ordinal.set(place.id, perLevel[place.level]++);
  /** Meetings of a place's council: the level's target spread evenly (the first councils take one more). */
  const meetingsOf = (place: Place): number => {
    if (place.level === 'county') return 0;
    if (!targets) {
      return place.level === 'compound' ? 1 + Math.floor(random() * 3) : place.level === 'community' ? 1 + Math.floor(random() * 2) : 1;
    }
    return share(targets[place.level], perLevel[place.level], ordinal.get(place.id) ?? 0);
  };
  const plans: CouncilPlan[] = eligible.map((place) => ({
    place,
    kind: place.level === 'subdistrict' ? 'joint_meeting' : 'council',
    name:
      place.level === 'compound'
        ? `${place.name}议事会`
        : place.level === 'community'
          ? `${place.name}居民议事会`
          : `${place.name}党建联席会议`,
    meetings: meetingsOf(place),
  }));
  const joint = (ctx.shared.profile as { property?: JointMeetingTargets } | undefined)?.property?.jointMeetings;
  if (joint) {
    const [county] = await rows<{ id: string; name: string }>(
      db,
      sql`SELECT id, name FROM ${territorySql.nodes('n')} WHERE n.tenant_id = ${tenantId} AND n.kind = 'county' LIMIT 1`,
    );
    if (county) {
      const place: Place = { ...county, level: 'county', branchId: null, secretary: null, ownersId: null, companyId: null, residents: [] };
      plans.push({ place, kind: 'joint_meeting', name: `${county.name}红色物业联席会议`, meetings: joint.county });
    }
    const communities = eligible.filter((p) => p.level === 'community');
    communities.forEach((place, k) => {
      plans.push({
        place,
        kind: 'joint_meeting',
        name: `${place.name}红色物业联席会议`,
        meetings: share(joint.community, communities.length, k),
      });
    });
    const streets = plans.filter((p) => p.place.level === 'subdistrict');
    streets.forEach((plan, k) => {
      plan.meetings = share(joint.subdistrict, streets.length, k);
    });
  }

  const councils: SQL[] = [];
  const seats: SQL[] = [];
  const meetings: SQL[] = [];
  const items: SQL[] = [];
  const invitees: SQL[] = [];
  const attendance: SQL[] = [];
  const motions: SQL[] = [];
  const turns: SQL[] = [];
  const now = Date.now();
  const day = 86_400_000;

  for (const [n, { place, kind, name, meetings: count }] of plans.entries()) {
    const people = place.residents.filter((p) => p.id !== place.secretary?.id);
    const councilId = newId();
    const isJoint = kind === 'joint_meeting';
    const isCommunity = place.level === 'community' && !isJoint;
    councils.push(sql`(${tenantId}, ${councilId}, ${place.id}, ${place.level}, ${kind},
      ${name}, ${isCommunity ? 5 : null}, ${isCommunity ? 9 : null}, 51, ${isCommunity ? '2025-01-01' : null}::date,
      ${isCommunity ? '2027-12-31' : null}::date)`);

    // Permanent seats.
    const seated: { seatId: string; name: string; person: Person | null; affiliation: string }[] = [];
    const seat = (
      role: SeatRole,
      person: Person | null,
      fallback: string,
      refs: { partyOrgId?: string | null; organisationId?: string | null; departmentId?: string },
    ) => {
      const seatId = newId();
      const seatName = person?.name ?? fallback;
      seats.push(sql`(${tenantId}, ${seatId}, ${councilId}, ${role}, ${seatName}, ${person?.id ?? null}, ${refs.partyOrgId ?? null},
        ${refs.organisationId ?? null}, ${refs.departmentId ?? null})`);
      seated.push({ seatId, name: seatName, person, affiliation: role });
    };
    if (place.level === 'compound' && !isJoint) {
      seat('party_branch', place.secretary ?? people[0] ?? null, '支部书记', { partyOrgId: place.branchId });
      seat('owners_committee', people[1] ?? null, '业委会主任', { organisationId: place.ownersId });
      seat('property_company', people[2] ?? null, '物业项目经理', { organisationId: place.companyId });
    } else if (isCommunity) {
      const roles: SeatRole[] = [
        'representative',
        'representative',
        'elder',
        'elder',
        'owners_committee',
        'resident_group_leader',
        'resident_group_leader',
      ];
      roles.forEach((role, i) => {
        seat(role, people[i] ?? null, `委员${i + 1}`, {});
      });
    } else {
      seat('street_committee', place.secretary, place.level === 'subdistrict' ? '党工委专职委员' : '联席会议召集人', {
        partyOrgId: place.branchId,
      });
      for (const d of departments.slice(0, 2)) seat('department', null, `${d.name}负责人`, { departmentId: d.id });
    }

    // Past meetings over the last 12 months.
    const topics = place.level === 'compound' ? compoundTopics : isCommunity ? communityTopics : streetTopics;
    for (let k = 0; k < count; k++) {
      const meetingId = newId();
      const [topic, decision] = topics[(n + k) % topics.length] as readonly [string, string];
      const startsAt = new Date(now - (20 + Math.floor(random() * 330)) * day);
      startsAt.setUTCHours(11, 0, 0, 0);
      const opened = new Date(startsAt.getTime() + 10 * 60_000);
      const closed = new Date(startsAt.getTime() + 80 * 60_000);
      const members = seated.length;
      const present = seated.filter((_, i) => i === 0 || random() < 0.85);
      const minutes = `${topic}：经充分协商，${decision}。`;
      meetings.push(sql`(${tenantId}, ${meetingId}, ${councilId}, ${place.id}, ${place.level}, ${topic}, ${startsAt.toISOString()}::timestamptz,
        ${closed.toISOString()}::timestamptz, ${place.level === 'compound' ? `${place.name}毫议站` : `${place.name}议事厅`}, 'closed',
        ${checkInCode(random)}, ${members}, ${quorumNeeded(members, 51)}, ${present.length}, ${new Date(startsAt.getTime() - 3 * day).toISOString()}::timestamptz,
        ${opened.toISOString()}::timestamptz, ${closed.toISOString()}::timestamptz, ${minutes})`);
      const itemId = newId();
      items.push(sql`(${tenantId}, ${itemId}, ${meetingId}, 1, 'topic', ${topic}, ${decision}, 'adopted')`);

      const attendees: { attendanceId: string; name: string }[] = [];
      for (const s of seated) {
        const inviteeId = newId();
        invitees.push(sql`(${tenantId}, ${inviteeId}, ${meetingId}, 'member', ${s.seatId}, ${s.person?.id ?? null}, ${s.person?.householdId ?? null},
          ${s.name}, false)`);
        if (present.includes(s)) {
          const attendanceId = newId();
          attendance.push(
            sql`(${tenantId}, ${attendanceId}, ${meetingId}, ${inviteeId}, ${s.name}, true, 'staff', ${opened.toISOString()}::timestamptz)`,
          );
          attendees.push({ attendanceId, name: s.name });
        }
      }
      // Flexible seats: residents the topic affects, invited on the phone.
      if (!isJoint) {
        for (const p of people.slice(7 + k, 9 + k)) {
          if (seated.some((s) => s.person?.id === p.id)) continue;
          const inviteeId = newId();
          invitees.push(sql`(${tenantId}, ${inviteeId}, ${meetingId}, 'flexible', NULL, ${p.id}, ${p.householdId}, ${p.name}, true)`);
          const attendanceId = newId();
          attendance.push(
            sql`(${tenantId}, ${attendanceId}, ${meetingId}, ${inviteeId}, ${p.name}, false, 'staff', ${opened.toISOString()}::timestamptz)`,
          );
          attendees.push({ attendanceId, name: p.name });
        }
      }
      // One motion, debated for and against in turn, adopted by the majority.
      const motionId = newId();
      const votesAgainst = Math.floor(attendees.length / 4);
      motions.push(sql`(${tenantId}, ${motionId}, ${meetingId}, ${itemId}, ${decision}, ${attendees[0]?.name ?? '主持人'}, 'adopted',
        ${attendees.length - votesAgainst}, ${votesAgainst}, 0, ${opened.toISOString()}::timestamptz, ${closed.toISOString()}::timestamptz)`);
      attendees.slice(0, 4).forEach((a, i) => {
        turns.push(sql`(${tenantId}, ${newId()}, ${motionId}, ${a.attendanceId}, ${i + 1}, ${i % 2 === 0 ? 'for' : 'against'},
          ${60 + Math.floor(random() * 60)})`);
      });
    }
    ctx.progress(n + 1, plans.length * 2);
  }

  await db.transaction(async (tx) => {
    await insertRows(
      tx,
      sql`INSERT INTO council (tenant_id, id, node_id, level, kind, name, min_members, max_members, quorum_percent, term_start, term_end)`,
      councils,
    );
    await insertRows(
      tx,
      sql`INSERT INTO council_seat (tenant_id, id, council_id, role, name, resident_id, party_org_id, organisation_id, department_id)`,
      seats,
    );
    await insertRows(
      tx,
      sql`INSERT INTO meeting (tenant_id, id, council_id, node_id, level, title, starts_at, ends_at, place_text, status, code,
        members_expected, quorum_needed, present_at_open, published_at, opened_at, closed_at, minutes)`,
      meetings,
    );
    await insertRows(
      tx,
      sql`INSERT INTO meeting_item (tenant_id, id, meeting_id, position, subject_kind, title, decision, outcome)`,
      items,
    );
    await insertRows(
      tx,
      sql`INSERT INTO meeting_invitee (tenant_id, id, meeting_id, kind, seat_id, resident_id, household_id, name, invited_by_phone)`,
      invitees,
    );
    await insertRows(
      tx,
      sql`INSERT INTO meeting_attendance (tenant_id, id, meeting_id, invitee_id, name, is_member, method, checked_in_at)`,
      attendance,
    );
    await insertRows(
      tx,
      sql`INSERT INTO meeting_motion (tenant_id, id, meeting_id, item_id, text, mover, status, votes_for, votes_against, votes_abstain,
        opened_at, decided_at)`,
      motions,
    );
    await insertRows(tx, sql`INSERT INTO meeting_turn (tenant_id, id, motion_id, attendance_id, seq, stance, seconds)`, turns);
  });
  ctx.progress(1, 1);
}
