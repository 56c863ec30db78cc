import { type DemoSeedContext, demoAccountId, newId, SeededRandom } from '@linli/core';
import { type Db, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';

/** What a compound council typically adopts, with the tasks that carry it out. */
const MATTERS: { title: string; rule?: string; tasks: [string, 'unit' | 'person', string, string?][] }[] = [
  {
    title: '更换小区破损路灯',
    rule: '公共照明损坏三日内报修、十日内修复',
    tasks: [
      ['采购并安装路灯', 'unit', '物业服务中心', '公共收益列支 1.2 万元'],
      ['施工期间告知住户', 'person', '楼栋长'],
    ],
  },
  {
    title: '增设电动车集中充电桩',
    rule: '新增充电需求由小区议事会每季度统一议定',
    tasks: [
      ['选址与用电报装', 'unit', '物业服务中心', '红色合伙人赞助 2 万元'],
      ['消防安全评估', 'unit', '社区居委会'],
      ['飞线充电劝导', 'person', '楼栋长'],
    ],
  },
  {
    title: '清理楼道堆放杂物',
    tasks: [
      ['逐楼栋排查', 'person', '楼栋长'],
      ['集中清运', 'unit', '物业服务中心', '物业费列支'],
    ],
  },
  {
    title: '规范小区停车秩序',
    rule: '车位划线与收费标准经业主大会表决后执行',
    tasks: [
      ['车位重新划线', 'unit', '物业服务中心', '公共收益列支 0.8 万元'],
      ['张贴停车公约', 'unit', '小区党支部'],
    ],
  },
  {
    title: '修缮小区凉亭和休闲座椅',
    tasks: [
      ['维修方案与报价公示', 'unit', '业主委员会'],
      ['施工与验收', 'unit', '物业服务中心', '社区治理微基金 0.5 万元'],
    ],
  },
  {
    title: '升级改造商铺污水管道',
    rule: '沿街商铺排水设施每半年巡检一次',
    tasks: [
      ['管网勘察', 'unit', '街道城建办'],
      ['管道改造施工', 'unit', '物业服务中心', '政府+公共收益共同出资 6 万元'],
      ['商户协调', 'person', '楼栋长'],
    ],
  },
];
const MEMBERS: [string, 'elder_sage' | 'building_leader' | 'resident_rep'][] = [
  ['王建国', 'elder_sage'],
  ['刘淑芬', 'elder_sage'],
  ['张德明', 'building_leader'],
  ['孙玉兰', 'building_leader'],
  ['李秀英', 'resident_rep'],
  ['赵志强', 'resident_rep'],
];
const COMMENTS = ['施工有序，居民认可', '进度符合计划', '材料到位，尚待施工', '个别居民仍有意见，需加强沟通', '已按期完成'];

/** Given names of committee members beyond the six above, so that larger committees are not all alike. */
const MORE_MEMBERS: [string, 'elder_sage' | 'building_leader' | 'resident_rep'][] = [
  ['陈桂兰', 'resident_rep'],
  ['周国庆', 'elder_sage'],
  ['吴海燕', 'building_leader'],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];

/** The part of the county's demo profile this seeder reads (all over the last 12 months). */
interface ResolutionTargets {
  resolutions: number;
  resolutionsCompleted: number;
  surveyAnswers: number;
  dissatisfied: number;
  committees: number;
  committeeMembers: number;
  ideasReported: number;
}

const monthsBack = (n: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

/** `total` spread over `parts`, the first ones taking one more. */
const spread = (total: number, parts: number, i: number) => Math.floor(total / parts) + (i < total % parts ? 1 : 0);

/** What one resolution of the plan is: its committee, its age in months and what it gets. */
interface Planned {
  committee: number;
  age: number;
  done: boolean;
  answers: number;
  dissatisfied: number;
}

/**
 * The resolutions to generate with a county's targets: spread over the committees, decided one to
 * eleven months ago, the most recent ones still under way (as many as the targets leave open), the
 * survey answers spread over them with the dissatisfied ones on different resolutions.
 */
function planResolutions(t: ResolutionTargets, committees: number): Planned[] {
  const plan: Planned[] = [];
  for (let c = 0; c < committees; c++) {
    for (let k = 0; k < spread(t.resolutions, committees, c); k++) {
      plan.push({ committee: c, age: 1 + ((plan.length * 5) % 11), done: true, answers: 0, dissatisfied: 0 });
    }
  }
  const open = t.resolutions - t.resolutionsCompleted;
  [...plan.keys()]
    .sort((a, b) => plan[a]!.age - plan[b]!.age || a - b)
    .slice(0, open)
    .forEach((j) => {
      plan[j]!.done = false;
    });
  plan.forEach((p, j) => {
    p.answers = spread(t.surveyAnswers, plan.length, j);
  });
  for (let d = 0; d < t.dissatisfied; d++) plan[Math.floor((d * plan.length) / t.dissatisfied)]!.dissatisfied += 1;
  return plan;
}

/**
 * Demo data of resolutions in the demo county: a supervision committee (五老乡贤, building leaders,
 * resident representatives) in each compound of the demo community and more, each with resolutions
 * decided over the last months, their tasks and milestones, the monthly evaluations (a few late),
 * last month's notice, survey answers and good ideas. The demo resident sits on the committee of
 * their compound. With the county's targets (`profile.deliberation`), the committees, members,
 * resolutions completed and survey answers are exactly those; without, twelve committees of six
 * with two or three resolutions each.
 */
export async function seedResolutionsDemo(ctx: DemoSeedContext): Promise<void> {
  const T = ctx.tenantId;
  const db = ctx.database.db;
  const plan = ctx.shared.plan as
    | { anchors?: { community?: { id: string }; household?: { id: string }; resident?: { name: string } } }
    | undefined;
  const targets = (ctx.shared.profile as { deliberation?: ResolutionTargets } | undefined)?.deliberation;
  const anchor = plan?.anchors?.community?.id;
  const compounds = await rows<{ id: string; name: string; path: string }>(
    db,
    sql`SELECT c.id, c.name, c.path::text AS path FROM ${territorySql.nodes('c')}
        WHERE c.tenant_id = ${T} AND c.kind = 'compound'
        ORDER BY ${anchor ? sql`(c.parent_id = ${anchor}::uuid) DESC,` : sql``} c.path LIMIT ${targets?.committees ?? 12}`,
  );
  if (compounds.length === 0) return;
  const residentHome = plan?.anchors?.household?.id
    ? (
        await rows<{ path: string }>(
          db,
          sql`SELECT path::text AS path FROM ${territorySql.nodes('h')} WHERE h.tenant_id = ${T} AND h.id = ${plan.anchors.household.id}::uuid`,
        )
      )[0]?.path
    : undefined;
  const residentAccount = demoAccountId(ctx, 'resident') ?? undefined;
  const staffAccount = demoAccountId(ctx, 'community');
  const rand = new SeededRandom(341602);
  const planned = targets ? planResolutions(targets, compounds.length) : undefined;
  let ideas = 0;
  await db.transaction(async (tx) => {
    for (const [i, compound] of compounds.entries()) {
      await seedCompound(tx, T, rand, compound, {
        resident:
          residentHome?.startsWith(`${compound.path}.`) && residentAccount
            ? { account: residentAccount, name: plan?.anchors?.resident?.name ?? '居民代表' }
            : undefined,
        staff: staffAccount,
        index: i,
        members: targets ? spread(targets.committeeMembers, compounds.length, i) : MEMBERS.length,
        planned: planned?.filter((p) => p.committee === i),
        reportIdea: () => (targets ? ideas++ < targets.ideasReported : false),
      });
      ctx.progress(i + 1, compounds.length);
    }
  });
}

async function seedCompound(
  tx: Db,
  T: string,
  rand: SeededRandom,
  compound: { id: string; name: string },
  who: {
    resident?: { account: string; name: string };
    staff: string | null;
    index: number;
    members: number;
    planned?: Planned[];
    reportIdea: () => boolean;
  },
): Promise<void> {
  const committeeId = newId();
  await tx.execute(sql`INSERT INTO supervision_committee (tenant_id, id, node_id, name, created_by)
    VALUES (${T}, ${committeeId}, ${compound.id}, ${`${compound.name}小区事务监督委员会`}, ${who.staff})`);
  const memberIds: string[] = [];
  const roster = [...MEMBERS, ...MORE_MEMBERS];
  for (let j = 0; j < who.members; j++) {
    const [given, kind] = roster[j % roster.length]!;
    // Beyond the first committee the surnames vary, so that the county's members are not all namesakes.
    const name = who.index === 0 ? given : `${SURNAMES[(who.index * 7 + j) % SURNAMES.length]}${given.slice(1)}`;
    const id = newId();
    memberIds.push(id);
    // the demo resident takes the last resident representative's seat of their own compound
    const seat = who.resident && j === Math.min(who.members, MEMBERS.length) - 1 ? who.resident : null;
    await tx.execute(sql`INSERT INTO supervision_member (tenant_id, id, committee_id, name, kind, account_id)
      VALUES (${T}, ${id}, ${committeeId}, ${seat?.name ?? name}, ${kind}, ${seat?.account ?? null})`);
  }
  const leader = memberIds[2] as string;
  const evaluators = [0, 1, 3, 4].filter((m) => m < memberIds.length);
  const resolutions: { age: number; done: boolean; answers?: number; dissatisfied?: number }[] =
    who.planned ??
    Array.from({ length: 2 + (who.index % 2) }, () => {
      const age = rand.int(1, 5); // months since the decision
      return { age, done: age >= 3 && rand.chance(0.6) };
    });
  for (const [k, planned] of resolutions.entries()) {
    const matter = MATTERS[(who.index * 2 + k) % MATTERS.length]!;
    const { age, done } = planned;
    const decided = new Date(`${monthsBack(age)}T00:00:00Z`);
    decided.setUTCDate(rand.int(3, 25));
    const decidedOn = decided.toISOString().slice(0, 10);
    const resolutionId = newId();
    await tx.execute(sql`INSERT INTO resolution (tenant_id, id, node_id, committee_id, title, content, proposed_rule, decided_on, created_by, status, completed_at)
      VALUES (${T}, ${resolutionId}, ${compound.id}, ${committeeId}, ${matter.title}, ${`经小区“毫议”议事会协商一致通过：${matter.title}。`},
        ${matter.rule ?? null}, ${decidedOn}::date, ${who.staff}, ${done ? 'completed' : 'in_progress'},
        ${done ? sql`GREATEST(${decidedOn}::date + interval '1 day', LEAST(${decidedOn}::date + make_interval(days => ${rand.int(35, 80)}), now() - interval '1 day'))` : sql`NULL`})`);
    const progresses: number[] = [];
    for (const [p, [title, ownerKind, ownerName, funding]] of matter.tasks.entries()) {
      const taskId = newId();
      const progress = done ? 100 : Math.min(100, rand.int(2, 9) * 10);
      progresses.push(progress);
      const deadline = new Date(decided);
      deadline.setUTCDate(deadline.getUTCDate() + 30 * (p + 1) + rand.int(0, 20));
      await tx.execute(sql`INSERT INTO resolution_task (tenant_id, id, resolution_id, position, title, owner_kind, owner_name, owner_member_id,
          deadline, funding_note, progress)
        VALUES (${T}, ${taskId}, ${resolutionId}, ${p + 1}, ${title}, ${ownerKind}, ${ownerKind === 'person' ? '张德明（楼栋长）' : ownerName},
          ${ownerKind === 'person' ? leader : null}, ${deadline.toISOString().slice(0, 10)}::date, ${funding ?? null}, ${progress})`);
      await tx.execute(sql`INSERT INTO resolution_milestone (tenant_id, id, resolution_id, task_id, note, progress, recorded_by, recorded_at)
        VALUES (${T}, ${newId()}, ${resolutionId}, ${taskId}, ${progress === 100 ? '已完成' : '按计划推进'}, ${progress}, ${who.staff},
          ${decidedOn}::date + make_interval(days => ${rand.int(10, 25)}))`);
    }
    await tx.execute(sql`UPDATE resolution SET progress = ${Math.floor(progresses.reduce((a, b) => a + b, 0) / progresses.length)}
      WHERE tenant_id = ${T} AND id = ${resolutionId}`);
    // one evaluation per month from the month after the decision up to last month
    for (let m = age - 1; m >= 1; m--) {
      const month = monthsBack(m);
      const dueOn = sql`(${month}::date + interval '1 month' - interval '1 day')::date`;
      if (done && m < age - 2) break;
      const late = rand.chance(0.12);
      const evaluator = memberIds[rand.pick(evaluators)] as string; // never the leader, who owns a task
      if (late && m === 1) {
        await tx.execute(sql`INSERT INTO resolution_evaluation (tenant_id, id, resolution_id, committee_id, month, due_on)
          VALUES (${T}, ${newId()}, ${resolutionId}, ${committeeId}, ${month}::date, ${dueOn})`);
        continue;
      }
      await tx.execute(sql`INSERT INTO resolution_evaluation (tenant_id, id, resolution_id, committee_id, month, due_on, member_id, progress, quality,
          satisfaction, comment, evaluated_at, recorded_by)
        VALUES (${T}, ${newId()}, ${resolutionId}, ${committeeId}, ${month}::date, ${dueOn}, ${evaluator},
          ${Math.min(100, (age - m) * 30 + rand.int(0, 20))}, ${rand.chance(0.8) ? 'good' : 'fair'},
          ${rand.chance(0.9) ? 'satisfied' : 'basically_satisfied'}, ${rand.pick(COMMENTS)},
          ${month}::date + make_interval(days => ${late ? 33 : rand.int(18, 27)}), ${who.staff})`);
    }
    const answers = planned.answers ?? rand.int(3, 8);
    for (let s = 0; s < answers; s++) {
      const answer =
        planned.answers === undefined
          ? rand.chance(0.95)
            ? 'satisfied'
            : 'basically_satisfied'
          : s < (planned.dissatisfied ?? 0)
            ? 'dissatisfied'
            : s % 9 === 4
              ? 'basically_satisfied'
              : 'satisfied';
      await tx.execute(sql`INSERT INTO resolution_survey (tenant_id, resolution_id, account_id, satisfaction)
        VALUES (${T}, ${resolutionId}, ${newId()}, ${answer})`);
    }
  }
  // last month's notice, published on the 1st of this month with a seven-day objection period
  await tx.execute(sql`INSERT INTO resolution_publication (tenant_id, id, node_id, month, published_at, objection_until, published_by)
    VALUES (${T}, ${newId()}, ${compound.id}, ${monthsBack(1)}::date, ${monthsBack(0)}::date + interval '9 hours',
      ${monthsBack(0)}::date + interval '7 days 18 hours', ${who.staff})`);
  if (who.index < 4 || who.index % 20 === 0) {
    const texts = [
      '充电桩收益用于楼道照明维护',
      '楼栋长每月带队巡查一次公共设施',
      '议事结果在单元门口二维码公示',
      '商铺排水纳入物业年度巡检',
    ];
    const reported = who.reportIdea();
    await tx.execute(sql`INSERT INTO resolution_idea (tenant_id, id, node_id, kind, text, reported_on, created_by)
      VALUES (${T}, ${newId()}, ${compound.id}, ${who.index % 2 ? 'good_opinion' : 'golden_idea'}, ${texts[who.index % texts.length]},
        ${reported ? sql`${monthsBack(2)}::date + 14` : sql`NULL`}, ${who.staff})`);
  }
}
