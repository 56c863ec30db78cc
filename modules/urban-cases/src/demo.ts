import { type DemoSeedContext, demoAccountId, newId } from '@linli/core';
import { type Db, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { fundingOf, type PlannedCase, planCases, planRenovations, type UrbanCaseTargets } from './demo-plan.ts';
import { type CaseKind, type ScopeItem, scopeItems } from './vocabulary.ts';

const DAY = 86_400_000;
/** Midnight today in China, as a UTC instant. */
const chinaMidnight = () => {
  const now = Date.now() + 8 * 3_600_000;
  return now - (now % DAY) - 8 * 3_600_000;
};
/** An instant `days` before today at `hour` o'clock China time. */
const daysAgo = (days: number, hour = 10) => new Date(chinaMidnight() - days * DAY + hour * 3_600_000).toISOString();
/** The China date `days` before today (YYYY-MM-DD). */
const dateAgo = (days: number) => new Date(chinaMidnight() + 8 * 3_600_000 - days * DAY).toISOString().slice(0, 10);

const departmentFor: Record<CaseKind, string> = {
  illegal_structure: 'urban_management',
  rubbish: 'urban_management',
  parking: 'urban_management',
  charger: 'housing',
  clutter: 'urban_management',
};
const descriptions: Record<CaseKind, string[]> = {
  illegal_structure: ['楼顶私搭彩钢房', '一楼院内违建棚屋', '绿地内违建车棚', '楼道外扩违建阳台'],
  rubbish: ['装修建筑垃圾堆放', '绿化带积存垃圾', '地下室杂物清运', '大件垃圾清运'],
  parking: ['小区空地施划停车位', '路边规范施划车位', '新增非机动车停放位'],
  charger: ['安装电动自行车充电桩', '新增汽车充电桩', '集中充电棚改造'],
  clutter: ['楼道堆放杂物', '消防通道乱堆乱放', '单元门口堆放纸箱'],
};

/** Inserts rows in statements of 500 (PostgreSQL takes at most 65,535 parameters per statement). */
async function insertChunks(db: Db, head: SQL, values: SQL[]): Promise<void> {
  for (let i = 0; i < values.length; i += 500) await db.execute(sql`${head} VALUES ${sql.join(values.slice(i, i + 500), sql`, `)}`);
}

interface CaseRow {
  kind: CaseKind;
  nodeId: string;
  description: string;
  quantity: number | null;
  status: 'reported' | 'assigned' | 'closed';
  source: 'staff' | 'resident';
  reportedBy: string | null;
  reportedAt: string;
  assignedAt: string | null;
  closedAt: string | null;
}

async function insertCases(db: Db, T: string, cases: CaseRow[], departments: Map<string, string>, staff: string | null): Promise<void> {
  const fallback = [...departments.values()][0] ?? null;
  const caseValues: SQL[] = [];
  const eventValues: SQL[] = [];
  const event = (caseId: string, action: string, from: string | null, to: string, at: string, note: string | null, resident: boolean) =>
    eventValues.push(
      sql`(${T}, ${newId()}, ${caseId}, ${action}, ${from}, ${to}, ${note}, ${resident ? null : staff}, ${resident ? null : '社区工作者'}, ${at}::timestamptz)`,
    );
  for (const [i, c] of cases.entries()) {
    const id = newId();
    const department = c.status === 'reported' ? null : (departments.get(departmentFor[c.kind]) ?? fallback);
    caseValues.push(
      sql`(${T}, ${id}, ${c.kind}, ${c.nodeId}, ${c.description}, ${c.quantity}, ${department}, ${c.status}, ${c.source}, ${c.reportedBy},
        ${c.reportedAt}::timestamptz, ${c.assignedAt}::timestamptz, ${c.closedAt}::timestamptz, ${c.status === 'reported' ? 1 : c.status === 'assigned' ? 2 : 3})`,
    );
    event(id, 'report', null, 'reported', c.reportedAt, null, c.source === 'resident');
    if (c.assignedAt) event(id, 'assign', 'reported', 'assigned', c.assignedAt, i % 4 === 0 ? '请限期整改' : null, false);
    if (c.closedAt) event(id, 'close', 'assigned', 'closed', c.closedAt, '已整治完毕', false);
  }
  await insertChunks(
    db,
    sql`INSERT INTO urban_case (tenant_id, id, kind, node_id, description, quantity, department_id, status, source, reported_by, reported_at, assigned_at, closed_at, version)`,
    caseValues,
  );
  await insertChunks(
    db,
    sql`INSERT INTO urban_case_event (tenant_id, id, case_id, action, from_status, to_status, note, actor_id, actor_name, at)`,
    eventValues,
  );
}

interface ProjectRow {
  name: string;
  nodeId: string;
  compoundIds: string[];
  status: 'planned' | 'in_progress' | 'accepted';
  acceptedDaysAgo: number | null;
  startedDaysAgo: number;
  budget: number;
  k: number;
}

async function insertProjects(db: Db, T: string, projects: ProjectRow[], staff: string | null): Promise<void> {
  const projectValues: SQL[] = [];
  const compoundValues: SQL[] = [];
  const fundingValues: SQL[] = [];
  const phaseValues: SQL[] = [];
  for (const p of projects) {
    const id = newId();
    const items: ScopeItem[] = scopeItems.filter((_, j) => (p.k + j) % 2 === 0 || j === 0);
    const acceptedOn = p.acceptedDaysAgo === null ? null : dateAgo(p.acceptedDaysAgo);
    projectValues.push(
      sql`(${T}, ${id}, ${p.name}, ${p.nodeId}, ${`{${items.join(',')}}`}::text[], ${p.budget}, ${p.status}, ${acceptedOn}::date,
        ${acceptedOn ? '工程质量合格，居民满意' : null}, ${staff}, ${daysAgo(p.startedDaysAgo + 60)}::timestamptz, ${p.status === 'planned' ? 1 : p.status === 'in_progress' ? 2 : 3})`,
    );
    for (const c of p.compoundIds) compoundValues.push(sql`(${T}, ${id}, ${c})`);
    for (const f of fundingOf(p.budget)) fundingValues.push(sql`(${T}, ${id}, ${f.source}, ${f.amount})`);
    const s = p.startedDaysAgo;
    const end = p.acceptedDaysAgo ?? 0;
    const phases: [string, number, number, boolean][] = [
      ['方案设计与居民协商', s + 45, s + 5, true],
      ['施工', s, end + 10, p.status !== 'planned'],
      ['竣工验收', end + 5, end, p.status === 'accepted'],
    ];
    for (const [j, [name, from, to, done]] of phases.entries()) {
      const planned = p.status === 'planned' ? [from - s - 30, to - s - 90] : [from, to];
      phaseValues.push(
        sql`(${T}, ${id}, ${j + 1}, ${name}, ${dateAgo(planned[0] as number)}::date, ${dateAgo(planned[1] as number)}::date,
          ${done ? dateAgo(from) : null}::date, ${done && (j < 1 || p.status === 'accepted') ? dateAgo(to) : null}::date)`,
      );
    }
  }
  await insertChunks(
    db,
    sql`INSERT INTO urban_renovation (tenant_id, id, name, node_id, scope_items, budget, status, accepted_on, acceptance_note, created_by, created_at, version)`,
    projectValues,
  );
  await insertChunks(db, sql`INSERT INTO urban_renovation_compound (tenant_id, project_id, compound_id)`, compoundValues);
  await insertChunks(db, sql`INSERT INTO urban_renovation_funding (tenant_id, project_id, source, amount)`, fundingValues);
  await insertChunks(
    db,
    sql`INSERT INTO urban_renovation_phase (tenant_id, project_id, seq, name, planned_start, planned_end, actual_start, actual_end)`,
    phaseValues,
  );
}

const closedCase = (p: PlannedCase, nodeId: string, n: number): CaseRow => ({
  kind: p.kind,
  nodeId,
  description: descriptions[p.kind][n % descriptions[p.kind].length] as string,
  quantity: p.quantityCents / 100,
  status: 'closed',
  source: 'staff',
  reportedBy: null,
  reportedAt: daysAgo(p.closedDaysAgo + p.toClose + p.toAssign, 9),
  assignedAt: daysAgo(p.closedDaysAgo + p.toClose, 11),
  closedAt: daysAgo(p.closedDaysAgo, 16),
});

/**
 * Demo data of urban-cases. With the county's targets (`profile.property.cases`,
 * `renovatedCompounds`): closed cases whose counts and quantities give the published figures
 * exactly, closed within the last 12 months over the county's compounds, and accepted projects
 * covering exactly that many compounds. Without them: worked examples in the demo community (one
 * closed case of each kind, an accepted project). Everywhere: a few open cases and projects under
 * way in the demo community. Photos are not seeded (the demo has no file store).
 */
export async function seedUrbanCasesDemo(ctx: DemoSeedContext): Promise<void> {
  const T = ctx.tenantId;
  const db = ctx.database.db;
  const targets = (ctx.shared.profile as { property?: UrbanCaseTargets } | undefined)?.property;
  const plan = ctx.shared.plan as { anchors?: { community?: { id: string } } } | undefined;
  const anchor = plan?.anchors?.community?.id;
  const compounds = await rows<{ id: string; name: string; community: string; anchored: boolean }>(
    db,
    sql`SELECT c.id, c.name, coalesce(m.id, c.id)::text AS community, ${anchor ? sql`m.id IS NOT DISTINCT FROM ${anchor}::uuid` : sql`false`} AS anchored
        FROM ${territorySql.nodes('c')}
        LEFT JOIN ${territorySql.nodes('m')} ON m.tenant_id = c.tenant_id AND m.kind = 'community' AND m.path @> c.path
        WHERE c.tenant_id = ${T} AND c.kind = 'compound'
        ORDER BY m.path, c.path`,
  );
  if (compounds.length === 0) return;
  const departments = new Map(
    (
      await rows<{ id: string; code: string }>(
        db,
        sql`SELECT id, code FROM department WHERE tenant_id = ${T} AND active ORDER BY sort_order`,
      )
    ).map((d) => [d.code, d.id]),
  );
  const staff = demoAccountId(ctx, 'community');
  const resident = demoAccountId(ctx, 'resident');
  const home = compounds.filter((c) => c.anchored);
  const local = home.length > 0 ? home : compounds.slice(0, 3);
  const at = (i: number) => local[i % local.length] as (typeof local)[number];

  await db.transaction(async (tx) => {
    // Closed cases: the targets exactly, or one worked example of each kind.
    const closed: CaseRow[] = targets?.cases
      ? planCases(targets.cases, compounds.length).map((p, n) => closedCase(p, (compounds[p.compound] as { id: string }).id, n))
      : (
          [
            ['illegal_structure', 3650, 20],
            ['rubbish', 240, 35],
            ['parking', 1200, 50],
            ['charger', 600, 65],
            ['clutter', 400, 80],
          ] as const
        ).map(([kind, cents, days], n) =>
          closedCase({ kind, compound: 0, quantityCents: cents, closedDaysAgo: days, toAssign: 1, toClose: 5 }, at(n).id, n),
        );
    const open: CaseRow[] = [
      { kind: 'illegal_structure', quantity: 18, status: 'assigned', days: 6 },
      { kind: 'parking', quantity: null, status: 'assigned', days: 9 },
      { kind: 'rubbish', quantity: null, status: 'reported', days: 1 },
      { kind: 'clutter', quantity: null, status: 'reported', days: 0 },
    ].map((o, n) => ({
      kind: o.kind as CaseKind,
      nodeId: at(n).id,
      description: descriptions[o.kind as CaseKind][0] as string,
      quantity: o.quantity,
      status: o.status as 'reported' | 'assigned',
      source: o.kind === 'clutter' && resident ? 'resident' : 'staff',
      reportedBy: o.kind === 'clutter' && resident ? resident : null,
      reportedAt: daysAgo(o.days + 3, 9),
      assignedAt: o.status === 'assigned' ? daysAgo(o.days, 11) : null,
      closedAt: null,
    }));
    await insertCases(tx, T, [...closed, ...open], departments, staff);
    ctx.progress(1, 2);

    // Renovation projects: accepted ones covering the target compounds (or one example), and a few under way or planned.
    const projects: ProjectRow[] = [];
    let used = 0;
    if (targets?.renovatedCompounds) {
      const planned = planRenovations(
        targets.renovatedCompounds,
        compounds.map((c) => c.community),
      );
      for (const [k, p] of planned.entries()) {
        const cs = p.compounds.map((i) => compounds[i] as (typeof compounds)[number]);
        const first = cs[0] as (typeof compounds)[number];
        projects.push({
          name: `${cs.map((c) => c.name).join('、')}老旧小区改造`,
          nodeId: cs.length > 1 ? first.community : first.id,
          compoundIds: cs.map((c) => c.id),
          status: 'accepted',
          acceptedDaysAgo: p.acceptedDaysAgo,
          startedDaysAgo: p.acceptedDaysAgo + 150,
          budget: p.budgetYuan,
          k,
        });
      }
      used = planned.reduce((n, p) => n + p.compounds.length, 0);
    } else {
      projects.push({
        name: `${at(0).name}老旧小区改造`,
        nodeId: at(0).id,
        compoundIds: [at(0).id],
        status: 'accepted',
        acceptedDaysAgo: 40,
        startedDaysAgo: 190,
        budget: 1_260_000,
        k: 0,
      });
    }
    const rest = targets?.renovatedCompounds ? compounds.slice(used) : local.slice(1).length ? local.slice(1) : local;
    const underWay: ['in_progress' | 'planned', number][] = targets?.renovatedCompounds
      ? [
          ['in_progress', 60],
          ['in_progress', 90],
          ['in_progress', 120],
          ['planned', 0],
          ['planned', 0],
        ]
      : [
          ['in_progress', 75],
          ['planned', 0],
        ];
    for (const [k, [status, started]] of underWay.entries()) {
      const c = rest[k % rest.length] as (typeof compounds)[number];
      projects.push({
        name: `${c.name}老旧小区改造${status === 'planned' ? '（计划）' : ''}`,
        nodeId: c.id,
        compoundIds: [c.id],
        status,
        acceptedDaysAgo: null,
        startedDaysAgo: started,
        budget: 900_000 + k * 120_000,
        k: k + 1,
      });
    }
    await insertProjects(tx, T, projects, staff);
    ctx.progress(2, 2);
  });
}
