import { type DemoSeedContext, demoAccountId, newId } from '@linli/core';
import { rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';
import { seedTopicHistory, type TopicTargets } from './demo-history.ts';
import { actionTo, paths } from './demo-paths.ts';
import { ScopeRepository } from './scope.repository.ts';
import type { Redirect, TopicLevel, TopicSource, TopicStatus } from './vocabulary.ts';

interface Template {
  title: string;
  description: string;
  kind: string;
  source: TopicSource;
  level: TopicLevel;
}

/** Topics as residents and staff raise them in a county like 高密市 (the seed's 毫议站 and 板凳会 practice). */
const templates: Template[] = [
  {
    title: '车棚充电桩数量不足',
    description: '电动车多、充电桩少，楼道飞线充电有火灾隐患，建议在车棚增设充电桩。',
    kind: 'safety',
    source: 'bench_meeting',
    level: 'compound',
  },
  {
    title: '消防通道常被私家车占用',
    description: '晚上消防通道停满车，建议划线并设置提示牌，由红管家轮流劝导。',
    kind: 'safety',
    source: 'home_visit',
    level: 'compound',
  },
  {
    title: '小区停车位重新划分',
    description: '车位紧张，部分绿地边角可改造为临时车位，需全体业主协商。',
    kind: 'parking',
    source: 'resident',
    level: 'compound',
  },
  {
    title: '外来车辆收费标准',
    description: '外来车辆长期占用车位，建议议定临时停车收费标准，收益归全体业主。',
    kind: 'parking',
    source: 'wechat_group',
    level: 'compound',
  },
  {
    title: '公共收益使用方案',
    description: '电梯广告和场地出租的公共收益如何使用，请业主代表共同商议并公示。',
    kind: 'public_funds',
    source: 'staff',
    level: 'compound',
  },
  {
    title: '微基金资助楼道改造',
    description: '申请社区治理微基金，用于老旧楼道粉刷和照明改造。',
    kind: 'public_funds',
    source: 'monthly_theme',
    level: 'community',
  },
  {
    title: '垃圾分类投放点调整',
    description: '现投放点离3号楼太近，夏季异味大，建议迁至小区西侧空地。',
    kind: 'environment',
    source: 'wish_box',
    level: 'compound',
  },
  {
    title: '广场舞噪音扰民',
    description: '晚间广场舞音响过大，影响临街住户休息，协商活动时间和音量。',
    kind: 'environment',
    source: 'hot_spot',
    level: 'community',
  },
  {
    title: '楼顶防水层渗漏维修',
    description: '6号楼顶层多户漏水，需动用维修资金，协商维修方案和费用分摊。',
    kind: 'facility_repair',
    source: 'demand',
    level: 'compound',
  },
  {
    title: '小区路灯损坏更换',
    description: '主干道多盏路灯不亮，夜间出行不便，建议统一更换为节能灯。',
    kind: 'facility_repair',
    source: 'home_visit',
    level: 'compound',
  },
  {
    title: '健身器材老化',
    description: '小区健身器材锈蚀松动，存在安全隐患，建议更换并明确维护责任。',
    kind: 'facility_repair',
    source: 'bench_meeting',
    level: 'compound',
  },
  {
    title: '文明养犬公约',
    description: '遛狗不牵绳、粪便不清理现象较多，拟订立文明养犬公约。',
    kind: 'pets',
    source: 'bench_meeting',
    level: 'compound',
  },
  {
    title: '流浪猫投喂与管理',
    description: '部分居民投喂流浪猫，猫只增多，协商定点投喂和绝育方案。',
    kind: 'pets',
    source: 'wechat_group',
    level: 'compound',
  },
  {
    title: '2号楼加装电梯',
    description: '2号楼老人多，申请加装电梯，低层住户有顾虑，需协商补偿方案。',
    kind: 'elevator',
    source: 'resident',
    level: 'compound',
  },
  {
    title: '老旧小区统一加装电梯',
    description: '社区内多个老旧小区有加装电梯意愿，协商统一设计和施工单位。',
    kind: 'elevator',
    source: 'monthly_theme',
    level: 'community',
  },
  {
    title: '毁绿种菜整治',
    description: '部分绿地被开垦种菜，协商恢复绿化并设置共享菜园。',
    kind: 'greening',
    source: 'home_visit',
    level: 'compound',
  },
  {
    title: '行道树修剪遮挡采光',
    description: '树木过高遮挡低层采光，协商修剪方案和时间。',
    kind: 'greening',
    source: 'wish_box',
    level: 'compound',
  },
  {
    title: '邻里节活动方案',
    description: '筹办社区邻里节，协商活动内容、场地和志愿者分工。',
    kind: 'activities',
    source: 'staff',
    level: 'community',
  },
  {
    title: '暑期托管班',
    description: '双职工家庭孩子暑期无人照看，协商利用党群服务站开设公益托管班。',
    kind: 'activities',
    source: 'bench_meeting',
    level: 'community',
  },
  {
    title: '老年食堂选址',
    description: '街道拟建老年助餐点，协商选址和运营方式。',
    kind: 'activities',
    source: 'monthly_theme',
    level: 'subdistrict',
  },
  {
    title: '跨小区道路断头路打通',
    description: '两个小区之间的断头路影响通行，涉及多方产权，需街道协调。',
    kind: 'parking',
    source: 'hot_spot',
    level: 'subdistrict',
  },
  {
    title: '物业费调整',
    description: '物业公司提出上调物业费，协商服务标准与收费。',
    kind: 'public_funds',
    source: 'wechat_group',
    level: 'compound',
  },
  {
    title: '高空抛物监控安装',
    description: '多次发生高空抛物，建议安装仰拍监控，费用从公共收益列支。',
    kind: 'safety',
    source: 'demand',
    level: 'compound',
  },
  {
    title: '雨季地下室积水',
    description: '雨季地下室积水严重，排水泵需更换，协商费用来源。',
    kind: 'facility_repair',
    source: 'home_visit',
    level: 'compound',
  },
  { title: '快递柜设置位置', description: '快递柜占用消防通道一侧，协商迁移位置。', kind: 'safety', source: 'resident', level: 'compound' },
  {
    title: '社区议事厅开放时间',
    description: '议事厅工作日晚上不开放，协商错时延时开放。',
    kind: 'activities',
    source: 'wish_box',
    level: 'community',
  },
  {
    title: '单元门禁系统更换',
    description: '门禁系统老旧常坏，协商统一更换及费用分摊。',
    kind: 'facility_repair',
    source: 'bench_meeting',
    level: 'compound',
  },
  {
    title: '沿街商户油烟扰民',
    description: '沿街餐饮油烟直排，影响楼上住户，涉及多方，需社区协调。',
    kind: 'environment',
    source: 'hot_spot',
    level: 'community',
  },
];

/** Excluded topics, each redirected (never dropped). */
const excludedTemplates: (Omit<Template, 'kind'> & { kind: string; reason: string; redirect: Redirect; note: string })[] = [
  {
    title: '邻居装修噪音赔偿',
    description: '楼上装修影响休息，要求赔偿。',
    kind: 'private_dispute',
    source: 'home_visit',
    level: 'compound',
    reason: '属于邻里私人纠纷，不涉及公共利益',
    redirect: 'mediation',
    note: '转三官一律工作室调解',
  },
  {
    title: '违建拆除',
    description: '小区内有人私搭乱建，要求拆除。',
    kind: 'government_duty',
    source: 'wechat_group',
    level: 'compound',
    reason: '违建查处属城管部门法定职责',
    redirect: 'demand',
    note: '转诉求闭环办理',
  },
  {
    title: '房产继承纠纷',
    description: '兄弟因房产继承起诉至法院，请求社区评理。',
    kind: 'judicial',
    source: 'home_visit',
    level: 'compound',
    reason: '已进入诉讼程序',
    redirect: 'mediation',
    note: '转法官工作室提供法律指导',
  },
  {
    title: '楼长人选调整',
    description: '要求撤换现任楼栋长。',
    kind: 'personnel',
    source: 'wish_box',
    level: 'compound',
    reason: '人事事项不纳入议事',
    redirect: 'other',
    note: '由社区党委按程序研究',
  },
];

/** The states the templates are spread over, in order, so every state of the board has work. */
const spread = Object.keys(paths);

const DAY = 86_400_000;

/**
 * Demo data of deliberation: the county's scope lists, three dozen topics of the demo community across
 * states (worked examples), and with the county's targets (`profile.deliberation`) its topics of the
 * last 12 months at the scale of its published figures (demo-history.ts).
 */
export async function seedDeliberationDemo(ctx: DemoSeedContext): Promise<void> {
  const T = ctx.tenantId;
  const db = ctx.database.db;
  await new ScopeRepository(db).ensureDefaults(T);
  const plan = ctx.shared.plan as { anchors?: { community?: { id: string } } } | undefined;
  const anchor = plan?.anchors?.community?.id;
  const [community] = await rows<{ id: string; path: string; parentId: string }>(
    db,
    sql`SELECT c.id, c.path::text AS path, c.parent_id AS "parentId" FROM ${territorySql.nodes('c')}
        WHERE c.tenant_id = ${T} AND c.kind = 'community' ${anchor ? sql`AND c.id = ${anchor}::uuid` : sql``} ORDER BY c.path LIMIT 1`,
  );
  if (!community) return;
  const compounds = await rows<{ id: string; path: string; name: string }>(
    db,
    sql`SELECT c.id, c.path::text AS path, c.name FROM ${territorySql.nodes('c')}
        WHERE c.tenant_id = ${T} AND c.kind = 'compound' AND c.path <@ ${community.path}::ltree ORDER BY c.path LIMIT 6`,
  );
  const [subdistrict] = await rows<{ id: string; path: string }>(
    db,
    sql`SELECT s.id, s.path::text AS path FROM ${territorySql.nodes('s')} WHERE s.tenant_id = ${T} AND s.id = ${community.parentId}::uuid`,
  );
  if (compounds.length === 0 || !subdistrict) return;
  const staffId = demoAccountId(ctx, 'community');
  const now = Date.now();
  type Seed = Template & { status: string; reason?: string; redirect?: Redirect; note?: string };
  const all: Seed[] = [
    ...templates.map((t, i) => ({ ...t, status: spread[i % spread.length] as string })),
    ...excludedTemplates.map((t) => ({ ...t, status: 'excluded' })),
  ];
  let serial = 0;
  await ctx.database.db.transaction(async (tx) => {
    for (const [i, t] of all.entries()) {
      const place = t.level === 'compound' ? compounds[i % compounds.length]! : t.level === 'community' ? community : subdistrict;
      const status = t.status as TopicStatus;
      const steps: TopicStatus[] = status === 'excluded' ? ['excluded'] : paths[status]!;
      const submitted = now - (60 - (i % 50)) * DAY;
      const id = newId();
      const year = new Date(submitted + 8 * 3_600_000).getUTCFullYear();
      const number = `YT${year}-${String(++serial).padStart(5, '0')}`;
      const at = (k: number) => new Date(submitted + (k + 1) * 2 * DAY);
      const decidedIndex = steps.findIndex((s) => s === 'adopted' || s === 'rejected' || s === 'deferred');
      const completedIndex = steps.indexOf('completed');
      const level: TopicLevel = status === 'escalated' && t.level === 'compound' ? 'community' : t.level;
      const running = ['pooled', 'scheduled', 'deliberated', 'escalated', 'deferred'].includes(status);
      // Some running topics are past their deadline, so 已超期 has work.
      const dueAt = running ? new Date(submitted + (i % 3 === 0 ? 20 : 75) * DAY) : null;
      const excluded = t.reason ? t : null;
      const supports = steps.includes('pooled') ? 10 + (i % 7) : steps.includes('admissible') ? i % 6 : 0;
      await tx.execute(sql`INSERT INTO deliberation_topic (tenant_id, id, number, title, description, source, node_id, node_path, level,
          status, kind_code, exclusion_reason, redirect, redirect_note, red_project, parties, support_count, due_at, submitted_at,
          screened_at, decided_at, resolved_at, satisfaction, created_by)
        VALUES (${T}, ${id}::uuid, ${number}, ${t.title}, ${t.description}, ${t.source}, ${place.id}::uuid, ${place.path}::ltree, ${level},
          ${status}, ${status === 'submitted' ? null : t.kind}, ${excluded?.reason ?? null}, ${excluded?.redirect ?? null}, ${excluded?.note ?? null},
          ${t.level === 'subdistrict' && i % 2 === 0}, ${t.level === 'subdistrict' ? 6 : null}, 0,
          ${dueAt?.toISOString() ?? null}::timestamptz, ${new Date(submitted).toISOString()}::timestamptz,
          ${steps.length > 0 ? at(0).toISOString() : null}::timestamptz,
          ${decidedIndex >= 0 ? at(decidedIndex).toISOString() : null}::timestamptz,
          ${completedIndex >= 0 ? at(completedIndex).toISOString() : null}::timestamptz,
          ${steps.includes('evaluated') ? 0.85 + (i % 3) * 0.05 : null}, ${staffId}::uuid)`);
      await tx.execute(sql`INSERT INTO deliberation_topic_source (tenant_id, id, topic_id, source, recorded_by, recorded_at)
        VALUES (${T}, ${newId()}::uuid, ${id}::uuid, ${t.source}, ${staffId}::uuid, ${new Date(submitted).toISOString()}::timestamptz)`);
      const events = [{ action: 'submit', from: null as string | null, to: 'submitted', at: new Date(submitted) }];
      let from = 'submitted';
      for (const [k, s] of steps.entries()) {
        events.push({ action: actionTo[s]!, from, to: s, at: at(k) });
        from = s;
      }
      for (const [seq, e] of events.entries()) {
        await tx.execute(sql`INSERT INTO deliberation_topic_event (tenant_id, topic_id, seq, actor_id, actor_name, action, from_status, to_status, note, at)
          VALUES (${T}, ${id}::uuid, ${seq + 1}, ${staffId}::uuid, ${'社区工作者'}, ${e.action}, ${e.from}, ${e.to},
                  ${e.action === 'screen' && excluded ? excluded.reason : null}, ${e.at.toISOString()}::timestamptz)`);
      }
      if (supports > 0) {
        await tx.execute(sql`INSERT INTO deliberation_topic_support (tenant_id, topic_id, household_id, account_id, at)
          SELECT ${T}, ${id}::uuid, h.id, NULL, ${at(0).toISOString()}::timestamptz FROM ${territorySql.nodes('h')}
          WHERE h.tenant_id = ${T} AND h.kind = 'household' AND h.path <@ ${place.path}::ltree ORDER BY h.path LIMIT ${supports}`);
        await tx.execute(sql`UPDATE deliberation_topic SET support_count = (SELECT count(*) FROM deliberation_topic_support s
          WHERE s.tenant_id = ${T} AND s.topic_id = ${id}::uuid) WHERE tenant_id = ${T} AND id = ${id}::uuid`);
      }
      if (t.level === 'subdistrict' && i % 2 === 0) {
        await tx.execute(sql`INSERT INTO deliberation_topic_adviser (tenant_id, id, topic_id, role, name, organisation)
          VALUES (${T}, ${newId()}::uuid, ${id}::uuid, 'judge', '张法官', '高密市人民法院'),
                 (${T}, ${newId()}::uuid, ${id}::uuid, 'lawyer', '刘律师', '社区法律顾问')`);
      }
      ctx.progress(i + 1, all.length);
    }
    // A topic meets at the station of its place, where the demo has one.
    await tx.execute(sql`UPDATE deliberation_topic t SET station_id = (SELECT st.id FROM deliberation_station st
        WHERE st.tenant_id = t.tenant_id AND st.node_id = t.node_id AND st.active ORDER BY st.name LIMIT 1)
      WHERE t.tenant_id = ${T} AND t.station_id IS NULL`);
  });
  const targets = (ctx.shared.profile as { deliberation?: TopicTargets } | undefined)?.deliberation;
  if (targets) {
    await seedTopicHistory(ctx, targets, staffId, now);
    await db.execute(sql`UPDATE deliberation_topic t SET station_id = (SELECT st.id FROM deliberation_station st
        WHERE st.tenant_id = t.tenant_id AND st.node_id = t.node_id AND st.active ORDER BY st.name LIMIT 1)
      WHERE t.tenant_id = ${T} AND t.station_id IS NULL`);
  }
}
