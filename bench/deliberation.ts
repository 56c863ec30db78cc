// Deliberation benchmark: `npm run bench -- deliberation [--driver pglite|postgres] [--quick] [--json]
//   [--topics N] [--rounds N] [--no-ballots] [--explain]`.
// One run, one database per part:
// 1. A county-scale deliberation history generated in bulk SQL (json_to_recordset batches): the
//    county tree (10 subdistricts, 40 communities, ~180 compounds with buildings, entrances and
//    ~26,000 households; --quick: 9 communities, ~27 compounds), 20,000 topics over three years
//    (--quick: 2,000) walked through their states with their timelines, the councils' meetings
//    that deliberated them with their agenda items, the resolutions adopted topics led to, the
//    compounds' supervision committees with their monthly evaluations, and residents' surveys. A
//    neighbouring county (another tenant, half the topics, no households) shares the tables, so a
//    plan that scans across tenants shows.
// 2. What a county official (scope: the county root) waits for, each read `rounds` times after a
//    warm-up, p50/p95 in ms, each with its ratio to a baseline measured in the same run on the same
//    data (the p95 of `SELECT count(*) FROM deliberation_topic WHERE tenant_id = $1`, one pass over
//    the county's topics):
//    - the topic pool board (议题库, GET /api/v1/deliberation/topics): TopicRepository.list, first
//      page of 50 newest first — unfiltered, by status, by level, status and level, overdue;
//    - the KPIs of the last 12 months for the county root (GET /api/v1/deliberation/kpis):
//      deliberationKpis, with the time of each of its statements (the pool's own figures, the
//      meetings, the resolutions …), taken from the statements the code runs.
//    The pool board has no per-state counts (the page lists and filters; no count query exists).
// 3. Ballots cast per second by 500 households at once (bench/ballots.ts) on a fresh database of
//    the same driver (`--no-ballots` skips it).
// `--explain`: the plans (EXPLAIN ANALYZE, BUFFERS) of every statement of every read, to the log.
// Progress goes to stdout (stderr with --json); the JSON result to stdout.
import { type Database, type Db, migrate } from '@linli/db';
import { type DeliberationKpis, TopicRepository, topicVocabulary } from '@linli/deliberation';
import type { TopicStatus } from '@linli/deliberation/vocabulary';
import { createTenant } from '@linli/territory/testing';
import { deliberationKpis } from '../modules/deliberation/src/deliberation-kpis.ts';
import type { TopicFilter } from '../modules/deliberation/src/topic.repository.ts';
import { type BallotsBenchResult, runBallotsBenchmark } from './ballots.ts';
import { loadAverage, openBenchDatabase, parseFlags, round, summarise, type Timing, timeIt } from './lib/harness.ts';

/** Rows of the board's first page (the web page asks for 50). */
export const PAGE = 50;
const TENANT = '370785';
const NEIGHBOUR = '370782';
const DAY = 86_400_000;

export interface DeliberationBenchOptions {
  database: Database;
  driver: 'pglite' | 'postgres';
  /** The small county tree and 2,000 topics instead of the full county and 20,000. */
  quick: boolean;
  /** Topics of the measured county (the neighbouring county gets half). */
  topics?: number;
  /** Rounds of each read (default 40; quick 15). */
  rounds?: number;
  /** Print every read's plans (EXPLAIN ANALYZE) to the log. */
  explain?: boolean;
  log?: (line: string) => void;
}

export interface ReadTiming {
  p50: number;
  p95: number;
  /** p95 ÷ the baseline's p95, same run, same data. */
  ratio: number;
}

export interface DeliberationBenchResult {
  scale: string;
  driver: string;
  generation_s: number;
  data: {
    nodes: Record<string, number>;
    topics: number;
    topics_by_status: Record<string, number>;
    topics_by_level: Record<string, number>;
    events: number;
    meetings: number;
    meeting_items: number;
    resolutions: number;
    evaluations: number;
    surveys: number;
    neighbour_topics: number;
  };
  rounds: number;
  page: number;
  baseline: { query: string; p50: number; p95: number };
  board_p50_ms: number;
  board_p95_ms: number;
  board_ratio: number;
  kpis_p50_ms: number;
  kpis_p95_ms: number;
  kpis_ratio: number;
  reads_ms: Record<string, ReadTiming>;
  /** Each statement of the KPIs (in the order they run), by the tables it reads. */
  kpis_statements_ms: ({ tables: string } & ReadTiming)[];
  /** What the KPIs returned (a sanity check that the data is there, not a timing). */
  kpis: { topicsCollected: number; topicsDecided: number; topicsResolved: number; meetings: number; completionRate: number | null };
  board_counts_query: string;
  load_average: { start: number; end: number };
  ballots?: BallotsBenchResult;
}

// ---------------------------------------------------------------- data

interface Node {
  id: string;
  parentId: string | null;
  kind: 'county' | 'subdistrict' | 'community' | 'compound' | 'building' | 'entrance' | 'household';
  name: string;
  path: string;
  depth: number;
  floorArea: number | null;
}

interface TreeShape {
  subdistricts: number;
  communities: number;
  compounds: [number, number];
  buildings: [number, number];
  entrances: number;
  households: [number, number];
}

const FULL_TREE: TreeShape = { subdistricts: 10, communities: 4, compounds: [2, 7], buildings: [3, 8], entrances: 2, households: [8, 18] };
const QUICK_TREE: TreeShape = { subdistricts: 3, communities: 3, compounds: [2, 4], buildings: [2, 3], entrances: 1, households: [4, 8] };

/** Mulberry32 (as @linli/core's seededRandom): the same data every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4 shaped uuid from the generator (reproducible ids; crypto.randomUUID would differ per run). */
function uuidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(rand() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function buildTree(name: string, shape: TreeShape, rand: () => number): Node[] {
  const between = ([lo, hi]: [number, number]) => lo + Math.floor(rand() * (hi - lo + 1));
  const nodes: Node[] = [];
  const add = (parent: Node | null, kind: Node['kind'], nodeName: string, floorArea: number | null = null): Node => {
    const id = uuidFrom(rand);
    const label = id.replace(/-/g, '');
    const node: Node = {
      id,
      parentId: parent?.id ?? null,
      kind,
      name: nodeName,
      path: parent ? `${parent.path}.${label}` : label,
      depth: parent ? parent.depth + 1 : 0,
      floorArea,
    };
    nodes.push(node);
    return node;
  };
  const county = add(null, 'county', name);
  for (let s = 1; s <= shape.subdistricts; s++) {
    const sub = add(county, 'subdistrict', `第${s}街道`);
    for (let c = 1; c <= shape.communities; c++) {
      const community = add(sub, 'community', `${s}街${c}社区`);
      const compounds = between(shape.compounds);
      for (let p = 1; p <= compounds; p++) {
        const compound = add(community, 'compound', `${s}-${c}-${p}小区`);
        const buildings = between(shape.buildings);
        for (let b = 1; b <= buildings; b++) {
          const building = add(compound, 'building', `${b}号楼`);
          for (let e = 1; e <= shape.entrances; e++) {
            const entrance = add(building, 'entrance', `${e}单元`);
            const households = between(shape.households);
            for (let h = 0; h < households; h++) {
              const floor = 1 + Math.floor(h / 2);
              add(entrance, 'household', `${floor}0${(h % 2) + 1}`, 60 + Math.round(rand() * 800) / 10);
            }
          }
        }
      }
    }
  }
  return nodes;
}

/** Inserts rows (objects keyed by column) in batches of one statement each: json_to_recordset. */
async function insertJson(
  database: Database,
  table: string,
  columns: Record<string, string>,
  data: Record<string, unknown>[],
  batch = 4000,
): Promise<void> {
  const names = Object.keys(columns);
  const decl = names.map((n) => `${n} ${columns[n]}`).join(', ');
  const started = performance.now();
  for (let i = 0; i < data.length; i += batch) {
    await database.query(
      `INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM json_to_recordset($1::json) AS x(${decl})`,
      [JSON.stringify(data.slice(i, i + batch))],
    );
  }
  const s = (performance.now() - started) / 1000;
  if (s >= 1) insertLog?.(`    ${table}: ${data.length.toLocaleString('en')} rows in ${s.toFixed(1)} s`);
}

/** Where insertJson reports its slow tables (set by the run). */
let insertLog: ((line: string) => void) | undefined;

const iso = (ms: number) => new Date(ms).toISOString();
/** The Shanghai calendar day of an instant. */
const shanghaiDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/** Titles as residents and staff raise them (the deliberation demo's kinds). */
const titles: [string, string][] = [
  ['车棚充电桩数量不足', 'safety'],
  ['消防通道常被私家车占用', 'safety'],
  ['小区停车位重新划分', 'parking'],
  ['外来车辆收费标准', 'parking'],
  ['公共收益使用方案', 'public_funds'],
  ['微基金资助楼道改造', 'public_funds'],
  ['垃圾分类投放点调整', 'environment'],
  ['广场舞噪音扰民', 'environment'],
  ['楼顶防水层渗漏维修', 'facility_repair'],
  ['小区路灯损坏更换', 'facility_repair'],
  ['文明养犬公约', 'pets'],
  ['加装电梯费用分摊', 'elevator'],
  ['毁绿种菜整治', 'greening'],
  ['邻里节活动方案', 'activities'],
];
const excludedTitles: [string, string, string][] = [
  ['邻居装修噪音赔偿', 'private_dispute', 'mediation'],
  ['违建拆除', 'government_duty', 'demand'],
  ['房产继承纠纷', 'judicial', 'mediation'],
  ['楼长人选调整', 'personnel', 'other'],
];
const sources = topicVocabulary.topicSources;
const actionOf: Record<string, string> = {
  admissible: 'screen',
  excluded: 'screen',
  pooled: 'pool',
  scheduled: 'schedule',
  deliberated: 'deliberate',
  adopted: 'decide',
  rejected: 'decide',
  deferred: 'decide',
  escalated: 'escalate',
  implementing: 'implement',
  completed: 'complete',
  evaluated: 'evaluate',
  published: 'publish',
  closed: 'close',
  merged: 'merge',
};
/** Days each step takes after the one before, [min, max]. */
const stepDays: Record<string, [number, number]> = {
  admissible: [1, 4],
  excluded: [1, 4],
  pooled: [1, 10],
  escalated: [2, 10],
  scheduled: [2, 10],
  deliberated: [3, 14],
  adopted: [0, 1],
  rejected: [0, 1],
  deferred: [0, 1],
  implementing: [1, 7],
  completed: [10, 90],
  evaluated: [7, 30],
  published: [1, 10],
  closed: [10, 60],
  merged: [1, 5],
};
const RUNNING: readonly string[] = ['pooled', 'scheduled', 'deliberated', 'escalated', 'admissible', 'deferred'];
const levelDays = { compound: 14, community: 21, subdistrict: 28 } as const;
const levels = ['compound', 'community', 'subdistrict'] as const;
type Level = (typeof levels)[number];

interface Generated {
  topics: number;
  events: number;
  meetings: number;
  items: number;
  resolutions: number;
  evaluations: number;
  surveys: number;
}

/**
 * One county's deliberation history: each topic walks its whole path (screening, pool, schedule,
 * meeting, decision, implementation, evaluation, publication, closing — or exclusion, a merge, a
 * rejection, a deferral, an escalation a level up) with random step durations; its state is the
 * last step before now, so recent topics are spread over the running states and old ones finished.
 */
async function generateCounty(
  database: Database,
  tenantId: string,
  name: string,
  shape: TreeShape,
  topicCount: number,
  seed: number,
  log: (line: string) => void,
): Promise<{ nodes: Node[]; generated: Generated }> {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const now = Date.now();

  await createTenant(database.db, { tenantId, name });
  const nodes = buildTree(name, shape, rand);
  // The subtree-count triggers (migration 0022) would recount per statement; the counts are built once
  // afterwards, as the demo load does.
  await database.exec('ALTER TABLE territory_node DISABLE TRIGGER territory_rollup_insert');
  for (const kind of ['county', 'subdistrict', 'community', 'compound', 'building', 'entrance', 'household'] as const) {
    await insertJson(
      database,
      'territory_node',
      {
        tenant_id: 'text',
        id: 'uuid',
        parent_id: 'uuid',
        kind: 'text',
        name: 'text',
        path: 'ltree',
        depth: 'smallint',
        floor_area: 'numeric',
      },
      nodes
        .filter((n) => n.kind === kind)
        .map((n) => ({
          tenant_id: tenantId,
          id: n.id,
          parent_id: n.parentId,
          kind: n.kind,
          name: n.name,
          path: n.path,
          depth: n.depth,
          floor_area: n.floorArea,
        })),
      10_000,
    );
    // Statistics after each level: the foreign-key checks of the next level (a parent per row) are
    // planned on them, and planned on an empty table they scan it once per row.
    await database.exec('ANALYZE territory_node');
  }
  await database.exec('ALTER TABLE territory_node ENABLE TRIGGER territory_rollup_insert');
  await database.query('SELECT territory_rollup_rebuild($1)', [tenantId]);
  await database.query(
    `INSERT INTO deliberation_scope_kind (tenant_id, code, list, name, description, redirect, position)
     SELECT $1, code, list, name, description, redirect, position FROM json_to_recordset($2::json)
       AS x(code text, list text, name text, description text, redirect text, position int)`,
    [tenantId, JSON.stringify(topicVocabulary.defaultScopeKinds.map((k, i) => ({ ...k, redirect: k.redirect ?? null, position: i * 10 })))],
  );

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const places: Record<Level, Node[]> = {
    compound: nodes.filter((n) => n.kind === 'compound'),
    community: nodes.filter((n) => n.kind === 'community'),
    subdistrict: nodes.filter((n) => n.kind === 'subdistrict'),
  };
  /** The place of `level` at or above a node (a compound's community …). */
  const placeAt = (node: Node, level: Level): Node => {
    let n: Node | undefined = node;
    while (n && n.kind !== level) n = n.parentId ? byId.get(n.parentId) : undefined;
    if (!n) throw new Error(`no ${level} above ${node.name}`);
    return n;
  };

  // Councils at every compound, community and subdistrict; a supervision committee of three at every compound.
  const councils = new Map<string, string>();
  const councilRows: Record<string, unknown>[] = [];
  for (const level of levels) {
    for (const place of places[level]) {
      const id = uuidFrom(rand);
      councils.set(place.id, id);
      councilRows.push({
        tenant_id: tenantId,
        id,
        node_id: place.id,
        level,
        kind: level === 'subdistrict' ? 'joint_meeting' : 'council',
        name:
          level === 'compound' ? `${place.name}议事会` : level === 'community' ? `${place.name}居民议事会` : `${place.name}党建联席会议`,
      });
    }
  }
  await insertJson(
    database,
    'council',
    { tenant_id: 'text', id: 'uuid', node_id: 'uuid', level: 'text', kind: 'text', name: 'text' },
    councilRows,
  );
  const committees = new Map<string, { id: string; members: string[] }>();
  const committeeRows: Record<string, unknown>[] = [];
  const memberRows: Record<string, unknown>[] = [];
  for (const place of places.compound) {
    const id = uuidFrom(rand);
    const members = [0, 1, 2].map(() => uuidFrom(rand));
    committees.set(place.id, { id, members });
    committeeRows.push({ tenant_id: tenantId, id, node_id: place.id, name: `${place.name}事务监督委员会` });
    for (const [i, m] of members.entries()) {
      const kind = ['elder_sage', 'building_leader', 'resident_rep'][i];
      memberRows.push({ tenant_id: tenantId, id: m, committee_id: id, name: `监督员${i + 1}`, kind });
    }
  }
  await insertJson(database, 'supervision_committee', { tenant_id: 'text', id: 'uuid', node_id: 'uuid', name: 'text' }, committeeRows);
  await insertJson(
    database,
    'supervision_member',
    { tenant_id: 'text', id: 'uuid', committee_id: 'uuid', name: 'text', kind: 'text' },
    memberRows,
  );

  // Topics, oldest first so numbers follow submission and a duplicate's survivor exists.
  const submittedAt = Array.from({ length: topicCount }, () => now - Math.floor(1095 * rand() ** 1.3 * DAY) - Math.floor(rand() * DAY))
    .filter((t) => t < now - 3_600_000)
    .sort((a, b) => a - b);
  const serial = new Map<number, number>();
  const lastAt = new Map<string, string>();
  const topicRows: Record<string, unknown>[] = [];
  const eventRows: Record<string, unknown>[] = [];
  const deliberations: { topicId: string; title: string; councilNode: Node; at: number; outcome: string | null }[] = [];
  const adopted: { topicId: string; title: string; node: Node; level: Level; decidedAt: number; resolvedAt: number | null }[] = [];

  for (const submitted of submittedAt) {
    const id = uuidFrom(rand);
    const r = rand();
    const initialLevel: Level = r < 0.7 ? 'compound' : r < 0.92 ? 'community' : 'subdistrict';
    const node = pick(places[initialLevel]);
    const excluded = rand() < 0.07;
    const survivor = lastAt.get(node.id);
    const merged = !excluded && survivor !== undefined && rand() < 0.035;
    let path: string[];
    if (excluded) path = ['excluded'];
    else if (merged) path = ['admissible', 'merged'];
    else {
      const o = rand();
      const upTo = ['admissible', 'pooled'];
      const meeting = ['scheduled', 'deliberated'];
      if (o < 0.06 && initialLevel !== 'subdistrict') path = [...upTo, 'escalated', 'pooled', ...meeting, 'adopted', 'implementing'];
      else if (o < 0.16) path = [...upTo, ...meeting, 'rejected', 'closed'];
      else if (o < 0.21) path = [...upTo, ...meeting, 'deferred'];
      else path = [...upTo, ...meeting, 'adopted', 'implementing'];
      // Most adopted topics are carried through; some projects are still being implemented long after.
      if (path.at(-1) === 'implementing' && rand() < 0.93) path.push('completed', 'evaluated', 'published', 'closed');
    }
    // Walk the path until now.
    const steps: { to: string; at: number }[] = [];
    let t = submitted;
    for (const to of path) {
      const [lo, hi] = stepDays[to]!;
      t += Math.round(between(lo, hi) * DAY) + Math.floor(rand() * 8 * 3_600_000);
      if (t >= now) break;
      steps.push({ to, at: t });
    }
    const status = (steps.at(-1)?.to ?? 'submitted') as TopicStatus;
    const escalated = steps.some((s) => s.to === 'escalated');
    const level: Level = escalated ? levels[levels.indexOf(initialLevel) + 1]! : initialLevel;
    const at = (to: string) => steps.find((s) => s.to === to)?.at ?? null;
    const decidedAt = at('adopted') ?? at('rejected') ?? at('deferred');
    const resolvedAt = at('completed');
    const [title, kind] = pick(titles);
    const excludedAs = excluded ? pick(excludedTitles) : null;
    const year = new Date(submitted + 8 * 3_600_000).getUTCFullYear();
    const n = (serial.get(year) ?? 0) + 1;
    serial.set(year, n);
    const screenedAt = steps[0]?.at ?? null;
    const supports = steps.some((s) => s.to === 'pooled') ? 10 + Math.floor(rand() * 50) : screenedAt ? Math.floor(rand() * 10) : 0;
    topicRows.push({
      tenant_id: tenantId,
      id,
      number: `YT${year}-${String(n).padStart(5, '0')}`,
      title: excludedAs ? excludedAs[0] : `${node.name}${title}`,
      description: excludedAs ? `${excludedAs[0]}，请社区协调。` : `${node.name}居民反映：${title}，建议协商解决。`,
      source: pick(sources),
      node_id: node.id,
      node_path: node.path,
      level,
      status,
      kind_code: status === 'submitted' ? null : excludedAs ? excludedAs[1] : kind,
      exclusion_reason: excludedAs && screenedAt ? '不属于议事范围' : null,
      redirect: excludedAs && screenedAt ? excludedAs[2] : null,
      redirect_note: excludedAs && screenedAt ? '已转办' : null,
      merged_into_id: status === 'merged' ? survivor : null,
      red_project: level === 'subdistrict' && (escalated || rand() < 0.3),
      parties: level === 'subdistrict' ? 3 + Math.floor(rand() * 5) : null,
      support_count: supports,
      due_at: RUNNING.includes(status) && screenedAt ? iso(screenedAt + levelDays[level] * DAY) : null,
      submitted_at: iso(submitted),
      screened_at: screenedAt ? iso(screenedAt) : null,
      decided_at: decidedAt ? iso(decidedAt) : null,
      resolved_at: resolvedAt ? iso(resolvedAt) : null,
      satisfaction: at('evaluated') ? Math.round(between(0.6, 1) * 1000) / 1000 : null,
    });
    if (!excluded && status !== 'merged') lastAt.set(node.id, id);
    let from = 'submitted';
    eventRows.push({
      tenant_id: tenantId,
      topic_id: id,
      seq: 1,
      actor_name: '社区工作者',
      action: 'submit',
      from_status: null,
      to_status: 'submitted',
      at: iso(submitted),
    });
    steps.forEach((s, k) => {
      eventRows.push({
        tenant_id: tenantId,
        topic_id: id,
        seq: k + 2,
        actor_name: '社区工作者',
        action: actionOf[s.to],
        from_status: from,
        to_status: s.to,
        at: iso(s.at),
      });
      from = s.to;
    });
    const deliberatedAt = at('deliberated');
    if (deliberatedAt) {
      const outcome = status === 'deliberated' ? null : (steps.find((s) => ['adopted', 'rejected', 'deferred'].includes(s.to))?.to ?? null);
      deliberations.push({ topicId: id, title: `${node.name}${title}`, councilNode: placeAt(node, level), at: deliberatedAt, outcome });
    }
    if (at('adopted')) adopted.push({ topicId: id, title: `${node.name}${title}`, node, level, decidedAt: at('adopted')!, resolvedAt });
  }
  await insertJson(
    database,
    'deliberation_topic',
    {
      tenant_id: 'text',
      id: 'uuid',
      number: 'text',
      title: 'text',
      description: 'text',
      source: 'text',
      node_id: 'uuid',
      node_path: 'ltree',
      level: 'text',
      status: 'text',
      kind_code: 'text',
      exclusion_reason: 'text',
      redirect: 'text',
      redirect_note: 'text',
      merged_into_id: 'uuid',
      red_project: 'boolean',
      parties: 'int',
      support_count: 'int',
      due_at: 'timestamptz',
      submitted_at: 'timestamptz',
      screened_at: 'timestamptz',
      decided_at: 'timestamptz',
      resolved_at: 'timestamptz',
      satisfaction: 'numeric',
    },
    topicRows,
  );
  await insertJson(
    database,
    'deliberation_topic_source',
    { tenant_id: 'text', id: 'uuid', topic_id: 'uuid', source: 'text', recorded_at: 'timestamptz' },
    topicRows.map((t) => ({ tenant_id: tenantId, id: uuidFrom(rand), topic_id: t.id, source: t.source, recorded_at: t.submitted_at })),
  );
  await insertJson(
    database,
    'deliberation_topic_event',
    {
      tenant_id: 'text',
      topic_id: 'uuid',
      seq: 'int',
      actor_name: 'text',
      action: 'text',
      from_status: 'text',
      to_status: 'text',
      at: 'timestamptz',
    },
    eventRows,
    10_000,
  );
  log(
    `  ${name}: ${nodes.length.toLocaleString('en')} places, ${topicRows.length.toLocaleString('en')} topics, ${eventRows.length.toLocaleString('en')} timeline entries`,
  );

  // Meetings: a council meets in the month its topics are deliberated, one agenda item per topic.
  const meetingsByKey = new Map<string, { id: string; node: Node; start: number; items: typeof deliberations }>();
  for (const d of deliberations) {
    const key = `${d.councilNode.id}:${shanghaiDay(d.at).slice(0, 7)}`;
    const m = meetingsByKey.get(key);
    if (m) {
      m.items.push(d);
      m.start = Math.min(m.start, d.at - 3_600_000);
    } else meetingsByKey.set(key, { id: uuidFrom(rand), node: d.councilNode, start: d.at - 3_600_000, items: [d] });
  }
  const meetingRows: Record<string, unknown>[] = [];
  const itemRows: Record<string, unknown>[] = [];
  const meetingOf = new Map<string, string>();
  let count = 0;
  for (const m of meetingsByKey.values()) {
    const level = m.node.kind as Level;
    const members = level === 'community' ? 7 : level === 'compound' ? 3 : 5;
    meetingRows.push({
      tenant_id: tenantId,
      id: m.id,
      council_id: councils.get(m.node.id),
      node_id: m.node.id,
      level,
      title: `第${++count}次议事会议`,
      starts_at: iso(m.start),
      ends_at: iso(m.start + 2 * 3_600_000),
      place_text: `${m.node.name}议事厅`,
      status: 'closed',
      code: String(Math.floor(rand() * 1_000_000)).padStart(6, '0'),
      members_expected: members,
      quorum_needed: Math.ceil(members * 0.51),
      present_at_open: members,
      published_at: iso(m.start - 3 * DAY),
      opened_at: iso(m.start),
      closed_at: iso(m.start + 2 * 3_600_000),
    });
    m.items.forEach((d, k) => {
      meetingOf.set(d.topicId, m.id);
      itemRows.push({
        tenant_id: tenantId,
        id: uuidFrom(rand),
        meeting_id: m.id,
        position: k + 1,
        subject_kind: 'topic',
        subject_id: d.topicId,
        title: d.title,
        outcome: d.outcome,
      });
    });
  }
  await insertJson(
    database,
    'meeting',
    {
      tenant_id: 'text',
      id: 'uuid',
      council_id: 'uuid',
      node_id: 'uuid',
      level: 'text',
      title: 'text',
      starts_at: 'timestamptz',
      ends_at: 'timestamptz',
      place_text: 'text',
      status: 'text',
      code: 'text',
      members_expected: 'int',
      quorum_needed: 'int',
      present_at_open: 'int',
      published_at: 'timestamptz',
      opened_at: 'timestamptz',
      closed_at: 'timestamptz',
    },
    meetingRows,
  );
  await insertJson(
    database,
    'meeting_item',
    {
      tenant_id: 'text',
      id: 'uuid',
      meeting_id: 'uuid',
      position: 'int',
      subject_kind: 'text',
      subject_id: 'uuid',
      title: 'text',
      outcome: 'text',
    },
    itemRows,
    10_000,
  );

  // Resolutions of adopted topics; monthly evaluations by the compound's committee; surveys after completion.
  const resolutionRows: Record<string, unknown>[] = [];
  const evaluationRows: Record<string, unknown>[] = [];
  const surveyRows: Record<string, unknown>[] = [];
  const today = shanghaiDay(now);
  for (const a of adopted) {
    const id = uuidFrom(rand);
    const committee = a.level === 'compound' && a.node.kind === 'compound' ? committees.get(a.node.id) : undefined;
    resolutionRows.push({
      tenant_id: tenantId,
      id,
      node_id: a.node.id,
      committee_id: committee?.id ?? null,
      title: a.title,
      topic_id: a.topicId,
      meeting_id: meetingOf.get(a.topicId) ?? null,
      status: a.resolvedAt ? 'completed' : 'in_progress',
      progress: a.resolvedAt ? 100 : 10 * Math.floor(rand() * 9),
      decided_on: shanghaiDay(a.decidedAt),
      completed_at: a.resolvedAt ? iso(a.resolvedAt) : null,
    });
    if (committee) {
      const end = a.resolvedAt ?? now;
      const first = new Date(a.decidedAt + 8 * 3_600_000);
      for (let k = 1; k <= 6; k++) {
        const month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + k, 1));
        if (month.getTime() > end) break;
        const due = new Date(month.getTime() + 9 * DAY);
        const dueOn = due.toISOString().slice(0, 10);
        const done = dueOn < today ? rand() < 0.95 : rand() < 0.4;
        const evaluatedAt = done ? Math.min(due.getTime() + Math.round(between(-8, 3) * DAY), now - 3_600_000) : null;
        evaluationRows.push({
          tenant_id: tenantId,
          id: uuidFrom(rand),
          resolution_id: id,
          committee_id: committee.id,
          month: month.toISOString().slice(0, 10),
          due_on: dueOn,
          member_id: done ? pick(committee.members) : null,
          progress: done ? Math.min(100, 20 * k) : null,
          satisfaction: done ? pick(['satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'] as const) : null,
          evaluated_at: evaluatedAt ? iso(evaluatedAt) : null,
        });
      }
    }
    if (a.resolvedAt) {
      const answers = Math.floor(rand() * 7);
      for (let k = 0; k < answers; k++) {
        const s = rand();
        surveyRows.push({
          tenant_id: tenantId,
          resolution_id: id,
          account_id: uuidFrom(rand),
          satisfaction: s < 0.8 ? 'satisfied' : s < 0.92 ? 'basically_satisfied' : 'dissatisfied',
          answered_at: iso(Math.min(a.resolvedAt + Math.round(between(1, 20) * DAY), now - 3_600_000)),
        });
      }
    }
  }
  await insertJson(
    database,
    'resolution',
    {
      tenant_id: 'text',
      id: 'uuid',
      node_id: 'uuid',
      committee_id: 'uuid',
      title: 'text',
      topic_id: 'uuid',
      meeting_id: 'uuid',
      status: 'text',
      progress: 'int',
      decided_on: 'date',
      completed_at: 'timestamptz',
    },
    resolutionRows,
  );
  await insertJson(
    database,
    'resolution_evaluation',
    {
      tenant_id: 'text',
      id: 'uuid',
      resolution_id: 'uuid',
      committee_id: 'uuid',
      month: 'date',
      due_on: 'date',
      member_id: 'uuid',
      progress: 'int',
      satisfaction: 'text',
      evaluated_at: 'timestamptz',
    },
    evaluationRows,
  );
  await insertJson(
    database,
    'resolution_survey',
    { tenant_id: 'text', resolution_id: 'uuid', account_id: 'uuid', satisfaction: 'text', answered_at: 'timestamptz' },
    surveyRows,
  );
  log(
    `  ${name}: ${meetingRows.length.toLocaleString('en')} meetings (${itemRows.length.toLocaleString('en')} items), ` +
      `${resolutionRows.length.toLocaleString('en')} resolutions, ${evaluationRows.length.toLocaleString('en')} evaluations, ${surveyRows.length.toLocaleString('en')} survey answers`,
  );
  return {
    nodes,
    generated: {
      topics: topicRows.length,
      events: eventRows.length,
      meetings: meetingRows.length,
      items: itemRows.length,
      resolutions: resolutionRows.length,
      evaluations: evaluationRows.length,
      surveys: surveyRows.length,
    },
  };
}

// ---------------------------------------------------------------- statements

interface Compiled {
  sql: string;
  params: unknown[];
}

/**
 * A Db that reports every statement the code runs through it, with its duration in ms: the same
 * queries the repositories build (their parts of a read are timed and explained without copying them).
 */
function observed(db: Db, onStatement: (query: Compiled, ms: number) => void): Db {
  const dialect = (db as unknown as { dialect: { sqlToQuery(q: unknown): Compiled } }).dialect;
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'execute') {
        return async (query: unknown) => {
          const t = performance.now();
          const result = await target.execute(query as never);
          onStatement(dialect.sqlToQuery(query), performance.now() - t);
          return result;
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A statement by the tables it reads: `deliberation_topic+territory_node`. */
function tablesOf(text: string): string {
  // `extract(epoch FROM t.decided_at …)` is not a table: a name followed by a dot is a column.
  const tables = [...text.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)\b(?!\.)/gi)].map((m) => m[1]!);
  return [...new Set(tables)].join('+');
}

// ---------------------------------------------------------------- run

export async function runDeliberationBenchmark(options: DeliberationBenchOptions): Promise<DeliberationBenchResult> {
  const { database, driver, quick } = options;
  const log = options.log ?? (() => {});
  const topics = options.topics ?? (quick ? 2000 : 20_000);
  const rounds = options.rounds ?? (quick ? 15 : 40);
  const loadStart = await loadAverage();
  await migrate(database);
  insertLog = log;

  log(`generating the deliberation history (${topics.toLocaleString('en')} topics, and a neighbouring county with half)…`);
  const started = performance.now();
  const shape = quick ? QUICK_TREE : FULL_TREE;
  const { nodes, generated } = await generateCounty(database, TENANT, '高密市', shape, topics, 2026, log);
  const neighbour = await generateCounty(database, NEIGHBOUR, '诸城市', { ...shape, buildings: [0, 0] }, Math.floor(topics / 2), 4711, log);
  const analyzeStart = performance.now();
  // Planner statistics as autovacuum would have them on a live database (a bulk load leaves none).
  await database.exec('ANALYZE');
  log(`  ANALYZE in ${((performance.now() - analyzeStart) / 1000).toFixed(1)} s`);
  const generationS = (performance.now() - started) / 1000;
  log(`  generated in ${generationS.toFixed(1)} s`);

  const county = nodes[0]!;
  const scope = [county.path];
  const now = Date.now();
  const period = { from: shanghaiDay(now - 365 * DAY), to: shanghaiDay(now) };
  const reads = (db: Db): Record<string, () => Promise<unknown>> => {
    const repo = new TopicRepository(db);
    const list = (filter: TopicFilter) => () => repo.list(TENANT, scope, filter, { limit: PAGE });
    return {
      board: list({}),
      board_status_pooled: list({ status: 'pooled' }),
      board_status_closed: list({ status: 'closed' }),
      board_level_subdistrict: list({ level: 'subdistrict' }),
      board_status_pooled_level_community: list({ status: 'pooled', level: 'community' }),
      board_overdue: list({ overdue: true }),
      kpis: () => deliberationKpis(db, { tenantId: TENANT, paths: scope }, county.id, period),
    };
  };
  const baselineSql = 'SELECT count(*) FROM deliberation_topic WHERE tenant_id = $1';
  const baselineRun = () =>
    timeIt(rounds, async () => {
      await database.query(baselineSql, [TENANT]);
    });

  log(`reads of a county official, ${rounds} rounds each…`);
  const baselineBefore = await baselineRun();
  const timings: Record<string, Timing> = {};
  const statements: Record<string, { tables: string; ms: number[] }[]> = {};
  for (const name of Object.keys(reads(database.db))) {
    let k = 0;
    const parts: { tables: string; ms: number[] }[] = [];
    const fn = reads(
      observed(database.db, (q, ms) => {
        const part = parts[k] ?? { tables: tablesOf(q.sql), ms: [] };
        parts[k++] = part;
        part.ms.push(ms);
      }),
    )[name]!;
    timings[name] = await timeIt(rounds, async () => {
      k = 0;
      await fn();
    });
    // The warm-up's statement times are in `parts` too; drop them.
    for (const p of parts) p.ms.shift();
    statements[name] = parts;
    log(`  ${name.padEnd(38)} p50 ${timings[name].p50.toFixed(1).padStart(7)} ms   p95 ${timings[name].p95.toFixed(1).padStart(7)} ms`);
  }
  // The baseline again at the end, so a change of machine load during the run shows in it.
  const base = merge([baselineBefore, await baselineRun()]);
  log(
    `  ${'baseline (count of the county’s topics)'.padEnd(38)} p50 ${base.p50.toFixed(1).padStart(7)} ms   p95 ${base.p95.toFixed(1).padStart(7)} ms`,
  );

  if (options.explain) {
    for (const name of Object.keys(timings)) {
      const seen: Compiled[] = [];
      await reads(observed(database.db, (q) => seen.push(q)))[name]!();
      for (const [k, q] of seen.entries()) {
        const plan = await database.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
        log(`\n-- ${name}, statement ${k + 1} of ${seen.length} (${tablesOf(q.sql)})\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
      }
    }
    const plan = await database.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${baselineSql}`, [TENANT]);
    log(`\n-- baseline\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
  }

  const kpis = (await reads(database.db).kpis!()) as DeliberationKpis;
  const counted = async (sqlText: string) =>
    Object.fromEntries((await database.query<{ k: string; n: number }>(sqlText, [TENANT])).map((r) => [r.k, Number(r.n)]));
  const ratio = (p95: number) => round(p95 / Math.max(base.p95, 0.001), 1);
  const ms = (t: Timing): ReadTiming => ({ p50: round(t.p50), p95: round(t.p95), ratio: ratio(t.p95) });
  const board = merge(
    Object.keys(timings)
      .filter((k) => k.startsWith('board'))
      .map((k) => timings[k]!),
  );
  return {
    scale: quick ? 'quick' : 'county',
    driver,
    generation_s: round(generationS),
    data: {
      nodes: await counted('SELECT kind AS k, count(*)::int AS n FROM territory_node WHERE tenant_id = $1 GROUP BY kind'),
      topics: generated.topics,
      topics_by_status: await counted(
        'SELECT status AS k, count(*)::int AS n FROM deliberation_topic WHERE tenant_id = $1 GROUP BY status ORDER BY status',
      ),
      topics_by_level: await counted('SELECT level AS k, count(*)::int AS n FROM deliberation_topic WHERE tenant_id = $1 GROUP BY level'),
      events: generated.events,
      meetings: generated.meetings,
      meeting_items: generated.items,
      resolutions: generated.resolutions,
      evaluations: generated.evaluations,
      surveys: generated.surveys,
      neighbour_topics: neighbour.generated.topics,
    },
    rounds,
    page: PAGE,
    baseline: { query: baselineSql, p50: round(base.p50), p95: round(base.p95) },
    board_p50_ms: round(board.p50),
    board_p95_ms: round(board.p95),
    board_ratio: ratio(board.p95),
    kpis_p50_ms: round(timings.kpis!.p50),
    kpis_p95_ms: round(timings.kpis!.p95),
    kpis_ratio: ratio(timings.kpis!.p95),
    reads_ms: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, ms(v)])),
    kpis_statements_ms: statements.kpis!.map((p) => ({ tables: p.tables, ...ms(summarise(p.ms)) })),
    kpis: {
      topicsCollected: kpis.topicsCollected,
      topicsDecided: kpis.topicsDecided,
      topicsResolved: kpis.topicsResolved,
      meetings: kpis.meetings,
      completionRate: kpis.completionRate,
    },
    board_counts_query: 'none: the pool board lists and filters topics; it has no per-state count query',
    load_average: { start: loadStart, end: await loadAverage() },
  };
}

function merge(list: Timing[]): Timing {
  const all = list.flatMap((t) => t.samples).sort((a, b) => a - b);
  const at = (p: number) => all[Math.min(all.length - 1, Math.floor((p / 100) * all.length))] ?? Number.NaN;
  return { p50: at(50), p95: at(95), samples: all };
}

export function printTable(r: DeliberationBenchResult, log: (line: string) => void): void {
  log(
    `\ndeliberation benchmark — ${r.scale} on ${r.driver}: ${r.data.topics.toLocaleString('en')} topics, ` +
      `${r.data.events.toLocaleString('en')} timeline entries, ${r.data.meetings.toLocaleString('en')} meetings, ` +
      `${r.data.resolutions.toLocaleString('en')} resolutions (generated in ${r.generation_s} s; neighbour county ${r.data.neighbour_topics.toLocaleString('en')} topics)`,
  );
  log(
    `  county official, ${r.rounds} rounds; ratio = p95 ÷ baseline p95 (${r.baseline.query}: p50 ${r.baseline.p50} / p95 ${r.baseline.p95} ms)`,
  );
  for (const [k, v] of Object.entries(r.reads_ms))
    log(`    ${k.padEnd(38)} p50 ${String(v.p50).padStart(7)} ms   p95 ${String(v.p95).padStart(7)} ms   × ${v.ratio}`);
  for (const [k, v] of r.kpis_statements_ms.entries())
    log(
      `      kpis statement ${String(k + 1).padEnd(2)} ${v.tables.padEnd(60)} p50 ${String(v.p50).padStart(7)} ms   p95 ${String(v.p95).padStart(7)} ms`,
    );
  log(`  pool board (all filters)  p50 ${r.board_p50_ms} ms   p95 ${r.board_p95_ms} ms   × ${r.board_ratio}`);
  log(`  KPIs, county, 12 months   p50 ${r.kpis_p50_ms} ms   p95 ${r.kpis_p95_ms} ms   × ${r.kpis_ratio}`);
  log(`  board counts by state     ${r.board_counts_query}`);
  if (r.ballots) {
    log(
      `  ballots, ${r.ballots.voters} voters at once   ${r.ballots.votes_per_s} votes/s vs ${r.ballots.raw_insert_per_s} raw inserts/s (× ${r.ballots.votes_ratio}; counted exactly: ${r.ballots.counted_exactly})`,
    );
  }
  log(`  load average ${r.load_average.start} → ${r.load_average.end}`);
}

/** The command line: `npm run bench -- deliberation …`. */
export async function main(args: string[]): Promise<void> {
  const flags = parseFlags(args);
  const log = (line: string) => (flags.json ? process.stderr : process.stdout).write(`${line}\n`);
  const number = (flag: string) => {
    if (!args.includes(flag)) return undefined;
    const n = Number(args[args.indexOf(flag) + 1]);
    if (!(Number.isInteger(n) && n > 0)) throw new Error(`${flag} must be a positive integer`);
    return n;
  };
  const database = await openBenchDatabase(flags.driver, 'linli_bench_deliberation');
  let result: DeliberationBenchResult;
  try {
    result = await runDeliberationBenchmark({
      database,
      driver: flags.driver,
      quick: flags.quick,
      topics: number('--topics'),
      rounds: number('--rounds'),
      explain: args.includes('--explain'),
      log,
    });
  } finally {
    await database.close();
  }
  if (!args.includes('--no-ballots')) {
    log('ballots: 500 households voting at once, on a fresh database…');
    const ballotsDb = await openBenchDatabase(flags.driver, 'linli_bench_ballots', 20);
    try {
      result.ballots = await runBallotsBenchmark({ database: ballotsDb, driver: flags.driver, rounds: flags.quick ? 1 : 3, log });
    } finally {
      await ballotsDb.close();
    }
  }
  if (flags.json) console.log(JSON.stringify(result, null, 2));
  else printTable(result, log);
}
