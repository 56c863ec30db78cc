import { type DemoSeedContext, newId, SeededRandom } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { actionTo, paths } from './demo-paths.ts';
import type { Redirect, TopicLevel, TopicSource } from './vocabulary.ts';

/** The part of the county's demo profile this seeder reads (all over the last 12 months). */
export interface TopicTargets {
  topicsCollected: number;
  topicsResolved: number;
  redProjects: number;
}

/** Matters residents raise in every compound, resolved by the compound council (小事小区办). */
const matters: { title: string; description: string; kind: string; source: TopicSource }[] = [
  { title: '楼道照明损坏', description: '楼道声控灯坏了多处，夜间上下楼不安全。', kind: 'facility_repair', source: 'wish_box' },
  { title: '电动车飞线充电', description: '有住户从楼上拉线充电，存在火灾隐患，需增设充电设施。', kind: 'safety', source: 'home_visit' },
  { title: '车位不足与乱停车', description: '晚上车辆乱停占用通道，协商划线和停车规则。', kind: 'parking', source: 'bench_meeting' },
  { title: '绿化带被占用种菜', description: '部分绿地被个别住户开垦种菜，协商恢复绿化。', kind: 'greening', source: 'wechat_group' },
  { title: '垃圾清运不及时', description: '垃圾桶满溢，夏季异味大，协商增加清运频次。', kind: 'environment', source: 'resident' },
  { title: '公共收益公开', description: '居民希望定期公开电梯广告等公共收益的收支。', kind: 'public_funds', source: 'home_visit' },
  { title: '单元门禁损坏', description: '单元门禁常坏，外来人员随意进出，协商维修。', kind: 'facility_repair', source: 'wish_box' },
  { title: '监控探头盲区', description: '车棚和小区西门没有监控，电动车电瓶被盗。', kind: 'safety', source: 'bench_meeting' },
  { title: '物业服务响应慢', description: '报修后多日无人处理，协商物业服务承诺和考核。', kind: 'facility_repair', source: 'hot_spot' },
  { title: '文明养犬', description: '遛狗不牵绳、粪便不清理，协商制定文明养犬公约。', kind: 'pets', source: 'monthly_theme' },
  { title: '雨后路面积水', description: '小区主路低洼处雨后积水，协商修补路面。', kind: 'facility_repair', source: 'home_visit' },
  { title: '楼道堆放杂物', description: '楼道堆放纸箱杂物，影响通行和消防安全。', kind: 'safety', source: 'wish_box' },
];

/** Hard disputes handled as red projects (红色项目) with judges and lawyers (法律释疑 + 情感疏导). */
const disputes: { title: string; description: string; kind: string }[] = [
  {
    title: '物业费收缴与服务质量纠纷',
    description: '部分业主以服务差为由拒缴物业费，物业以欠费为由减少服务，矛盾多年。',
    kind: 'public_funds',
  },
  { title: '小区公共收益分配争议', description: '业委会与物业对停车和广告收益的归属和分配意见不一。', kind: 'public_funds' },
  { title: '开发商遗留问题', description: '开发商承诺的配套未建成，业主多次上访，涉及多个部门。', kind: 'facility_repair' },
  { title: '地下车库产权与停车收费争议', description: '车库产权不清，收费标准争议大，需法律释疑。', kind: 'parking' },
  { title: '加装电梯低层住户异议', description: '高层住户要求加装电梯，低层住户担心采光和噪音，协商补偿办法。', kind: 'elevator' },
];

const exclusions: { title: string; kind: string; reason: string; redirect: Redirect; note: string }[] = [
  {
    title: '邻里漏水赔偿纠纷',
    kind: 'private_dispute',
    reason: '属于邻里私人纠纷，不涉及公共利益',
    redirect: 'mediation',
    note: '转三官一律工作室调解',
  },
  { title: '沿街违建拆除', kind: 'government_duty', reason: '违建查处属城管部门法定职责', redirect: 'demand', note: '转诉求闭环办理' },
  { title: '劳务欠薪', kind: 'government_duty', reason: '属人社部门职责', redirect: 'demand', note: '转诉求闭环办理' },
  { title: '离婚财产分割', kind: 'judicial', reason: '属司法程序事项', redirect: 'mediation', note: '转法官工作室提供法律指导' },
];

const advisers: [role: string, name: string, organisation: string][] = [
  ['judge', '法官', '人民法院'],
  ['lawyer', '律师', '律师事务所'],
  ['mediator', '调解员', '人民调解委员会'],
];

const closedPath = paths.closed!;
/** Topics still in the pool or under way. */
const openPaths = { admissible: paths.admissible!, pooled: paths.pooled!, scheduled: paths.scheduled!, implementing: paths.implementing! };
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const DAY = 86_400_000;

interface Place {
  id: string;
  path: string;
  name: string;
  kind: 'compound' | 'community' | 'subdistrict';
}

interface Planned {
  place: Place;
  level: TopicLevel;
  title: string;
  description: string;
  kind: string;
  source: TopicSource;
  status: string;
  steps: string[];
  submitted: number;
  resolved?: number;
  red: boolean;
  exclusion?: (typeof exclusions)[number];
}

/**
 * The county's topics of the last 12 months beyond the demo community's worked examples, so that its
 * dashboard reproduces the published figures (`profile.deliberation`: topics collected, resolved and
 * red projects): what the examples leave is made up here — resolved topics across all compounds
 * (closed after the whole path), red projects at community and street level with a judge, a lawyer
 * and a mediator, excluded topics redirected, and the rest still in the pool or under way.
 */
export async function seedTopicHistory(ctx: DemoSeedContext, targets: TopicTargets, staffId: string | null, now: number): Promise<void> {
  const T = ctx.tenantId;
  const db = ctx.database.db;
  const since = new Date(now - 365 * DAY).toISOString();
  const have = await one<{ collected: number; resolved: number; red: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE status <> 'merged' AND submitted_at >= ${since}::timestamptz)::int AS collected,
          count(*) FILTER (WHERE resolved_at >= ${since}::timestamptz)::int AS resolved,
          count(*) FILTER (WHERE red_project AND status <> 'merged' AND submitted_at >= ${since}::timestamptz)::int AS red
        FROM deliberation_topic WHERE tenant_id = ${T}`,
  );
  const resolvedNeeded = Math.max(0, targets.topicsResolved - (have?.resolved ?? 0));
  const redNeeded = Math.min(resolvedNeeded, Math.max(0, targets.redProjects - (have?.red ?? 0)));
  const othersNeeded = Math.max(0, targets.topicsCollected - (have?.collected ?? 0) - resolvedNeeded);
  if (resolvedNeeded + othersNeeded === 0) return;
  const places = await rows<Place>(
    db,
    sql`SELECT p.id, p.path::text AS path, p.name, p.kind FROM ${territorySql.nodes('p')}
        WHERE p.tenant_id = ${T} AND p.kind IN ('compound', 'community', 'subdistrict')
          AND EXISTS (SELECT 1 FROM ${territorySql.nodes('c')} WHERE c.tenant_id = p.tenant_id AND c.kind = 'compound' AND c.path <@ p.path)
        ORDER BY p.path`,
  );
  const compounds = places.filter((p) => p.kind === 'compound');
  const upper = places.filter((p) => p.kind !== 'compound');
  if (compounds.length === 0) return;
  const rand = new SeededRandom(Number(T) || 1);
  const plan: Planned[] = [];
  const submittedAt = () => now - rand.int(25, 355) * DAY - rand.int(0, 10) * 3_600_000;
  for (let i = 0; i < resolvedNeeded; i++) {
    const red = i < redNeeded;
    const place = red ? (upper[(i * 7) % upper.length] ?? compounds[i % compounds.length]!) : compounds[(i * 13) % compounds.length]!;
    const submitted = submittedAt();
    const resolved = Math.min(submitted + rand.int(12, 60) * DAY, now - DAY);
    const m = red ? disputes[i % disputes.length]! : matters[i % matters.length]!;
    plan.push({
      place,
      level: place.kind as TopicLevel,
      title: m.title,
      description: m.description,
      kind: m.kind,
      source: red ? 'home_visit' : (m as (typeof matters)[number]).source,
      status: 'closed',
      steps: closedPath,
      submitted,
      resolved,
      red,
    });
  }
  const openStates = Object.keys(openPaths) as (keyof typeof openPaths)[];
  for (let i = 0; i < othersNeeded; i++) {
    const place = compounds[(i * 17 + 5) % compounds.length]!;
    // A third are excluded at screening and redirected; the others are in the pool or under way.
    if (i % 3 === 0) {
      const e = exclusions[(i / 3) % exclusions.length]!;
      plan.push({
        place,
        level: 'compound',
        title: e.title,
        description: `${e.title}，居民要求处理。`,
        kind: e.kind,
        source: 'home_visit',
        status: 'excluded',
        steps: ['excluded'],
        submitted: submittedAt(),
        red: false,
        exclusion: e,
      });
      continue;
    }
    const status = openStates[i % openStates.length]!;
    const m = matters[(i * 5) % matters.length]!;
    plan.push({
      place,
      level: 'compound',
      title: m.title,
      description: m.description,
      kind: m.kind,
      source: m.source,
      status,
      steps: openPaths[status],
      submitted: now - rand.int(5, 80) * DAY,
      red: false,
    });
  }
  await db.transaction((tx) => insertPlanned(tx, T, plan, staffId, now, (done) => ctx.progress(done, plan.length)));
}

async function insertPlanned(
  tx: Db,
  T: string,
  plan: Planned[],
  staffId: string | null,
  now: number,
  progress: (done: number) => void,
): Promise<void> {
  // Numbers continue each year's series (YT2026-00041 …), in order of submission.
  const serials = new Map<number, number>();
  for (const r of await rows<{ year: number; last: number }>(
    tx,
    sql`SELECT substr(number, 3, 4)::int AS year, max(substr(number, 8)::int)::int AS last FROM deliberation_topic
        WHERE tenant_id = ${T} AND number ~ '^YT[0-9]{4}-[0-9]+$' GROUP BY 1`,
  )) {
    serials.set(r.year, r.last);
  }
  const ordered = [...plan].sort((a, b) => a.submitted - b.submitted);
  for (let start = 0; start < ordered.length; start += 100) {
    const chunk = ordered.slice(start, start + 100);
    const topics: SQL[] = [];
    const sources: SQL[] = [];
    const events: SQL[] = [];
    const adviserRows: SQL[] = [];
    for (const [k, p] of chunk.entries()) {
      const id = newId();
      const year = new Date(p.submitted + 8 * 3_600_000).getUTCFullYear();
      const serial = (serials.get(year) ?? 0) + 1;
      serials.set(year, serial);
      const number = `YT${year}-${String(serial).padStart(5, '0')}`;
      // Steps up to completion fall between submission and resolution; the last ones after it.
      const end = p.resolved ?? Math.min(p.submitted + 20 * DAY, now - 3_600_000);
      const completeAt = p.steps.indexOf('completed');
      const stepAt = (s: number) => {
        if (completeAt >= 0 && s > completeAt) return new Date(Math.min(end + (s - completeAt) * 2 * DAY, now - 3_600_000));
        const span = completeAt >= 0 ? completeAt + 1 : p.steps.length;
        return new Date(p.submitted + ((end - p.submitted) * (s + 1)) / span);
      };
      const decided = p.steps.indexOf('adopted');
      const title = p.level === 'compound' ? p.title : `${p.place.name}${p.title}`;
      topics.push(sql`(${T}, ${id}::uuid, ${number}, ${title}, ${p.description}, ${p.source}, ${p.place.id}::uuid, ${p.place.path}::ltree,
        ${p.level}, ${p.status}, ${p.kind}, ${p.exclusion?.reason ?? null}, ${p.exclusion?.redirect ?? null}, ${p.exclusion?.note ?? null},
        ${p.red}, ${p.red ? 4 + (k % 5) : null}, ${new Date(p.submitted).toISOString()}::timestamptz, ${stepAt(0).toISOString()}::timestamptz,
        ${decided >= 0 ? stepAt(decided).toISOString() : null}::timestamptz, ${p.resolved ? new Date(p.resolved).toISOString() : null}::timestamptz,
        ${p.steps.includes('evaluated') ? [0.9, 0.95, 1][k % 3]! : null}, ${staffId}::uuid)`);
      sources.push(
        sql`(${T}, ${newId()}::uuid, ${id}::uuid, ${p.source}, ${staffId}::uuid, ${new Date(p.submitted).toISOString()}::timestamptz)`,
      );
      let from = 'submitted';
      events.push(
        sql`(${T}, ${id}::uuid, 1, ${staffId}::uuid, ${'社区工作者'}, 'submit', NULL, 'submitted', NULL, ${new Date(p.submitted).toISOString()}::timestamptz)`,
      );
      for (const [s, to] of p.steps.entries()) {
        events.push(sql`(${T}, ${id}::uuid, ${s + 2}, ${staffId}::uuid, ${'社区工作者'}, ${actionTo[to]!}, ${from}, ${to},
          ${to === 'excluded' ? (p.exclusion?.reason ?? null) : null}, ${stepAt(s).toISOString()}::timestamptz)`);
        from = to;
      }
      if (p.red) {
        for (const [a, [role, name, organisation]] of advisers.entries()) {
          adviserRows.push(
            sql`(${T}, ${newId()}::uuid, ${id}::uuid, ${role}, ${`${SURNAMES[(k + a) % SURNAMES.length]}${name}`}, ${organisation})`,
          );
        }
      }
    }
    await tx.execute(sql`INSERT INTO deliberation_topic (tenant_id, id, number, title, description, source, node_id, node_path, level,
        status, kind_code, exclusion_reason, redirect, redirect_note, red_project, parties, submitted_at, screened_at, decided_at,
        resolved_at, satisfaction, created_by) VALUES ${sql.join(topics, sql`, `)}`);
    await tx.execute(sql`INSERT INTO deliberation_topic_source (tenant_id, id, topic_id, source, recorded_by, recorded_at)
      VALUES ${sql.join(sources, sql`, `)}`);
    await tx.execute(sql`INSERT INTO deliberation_topic_event (tenant_id, topic_id, seq, actor_id, actor_name, action, from_status, to_status, note, at)
      VALUES ${sql.join(events, sql`, `)}`);
    if (adviserRows.length) {
      await tx.execute(sql`INSERT INTO deliberation_topic_adviser (tenant_id, id, topic_id, role, name, organisation)
        VALUES ${sql.join(adviserRows, sql`, `)}`);
    }
    progress(Math.min(start + 100, ordered.length));
  }
}
