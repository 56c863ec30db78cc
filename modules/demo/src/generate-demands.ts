import { type Db, one, rows } from '@linli/db';
import { BUILTIN_CATEGORY_CODES, generateDemands as syntheticTexts } from '@linli/demand-smart';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Demands at scale, in bulk SQL (INSERT … SELECT over generate_series, a handful of statements
 * whatever the count): for the KPI and inbox benchmarks, the city-scale generator and the demo.
 * Nothing goes through the commands, so no audit records or outbox events are written; the KPI
 * rollup triggers are off for the transaction and the generated demands are added to the rollups
 * in two grouped statements at the end. Large batches drop and rebuild the GiST indexes of demand,
 * which locks the table for the transaction.
 *
 * Distributions (documented in modules/demand-stats/README.md, "Dashboard and rankings"):
 * - where: a random household of the tenant, or (villageShare, default 25 %) a community without
 *   compounds (a village); `within` limits both to one subtree;
 * - when: uniform over the last `years` before `end`, 90 % between 07:00 and 20:00 Shanghai time;
 * - what: with `texts` (the demo), a text written for its leaf category and its kind of place
 *   (demand-smart's category-texts.ts) with the place's own names filled in — county, subdistrict,
 *   community, compound (a village's name for a village), building, entrance and room — so title,
 *   description, category and place agree; without, Chinese text from the synthetic corpus with
 *   its category mapped to the default taxonomy's code. Then the category's default level (6 %
 *   escalated one level up), channel and urgency by fixed shares;
 * - timing: response within the response window for ~97 %, 1.5 % rejected, dispatch 0–3 h later,
 *   resolution log-normal around a quarter of the resolution window (~96 % on time), 0.3 % stalled (`stalledShare`);
 *   evaluation by 88 % of the resolved (93 % satisfied, 6.5 % basically, 0.5 % dissatisfied), a
 *   staff callback for 92 %, closing for 99 % a few days after resolution. Whatever lies after
 *   `end` has not happened yet, so recent demands are open in every state.
 * The resolution deadline is taken as 7 calendar days for 5 working days (no holiday calendar).
 * Content is deterministic for a seed (setseed + random() in one transaction); ids are UUIDv7 of
 * the submission time with random bits. Numbers continue the tenant's year counters.
 */
export interface ScaleOptions {
  tenantId: string;
  count: number;
  /** Submissions spread over this many years before `end` (fractions allowed: 14 / 365 is two weeks). */
  years: number;
  seed: number;
  /** Default: now. */
  end?: Date;
  /** ltree path: place demands only inside this subtree. */
  within?: string;
  /** Share of demands located at a village community rather than a household (default 0.25 when both exist). */
  villageShare?: number;
  /** Write the timeline (demand_event), default true; the benchmark may skip it. */
  timeline?: boolean;
  /** Only demands submitted within this many days before `end` get a timeline (default: all). */
  timelineDays?: number;
  /** Drop the GiST indexes of demand during the insert and build them again after (default: count ≥ 5000). */
  deferIndexes?: boolean;
  /** Called after each statement with its duration, for measuring the generator itself. */
  onStep?: (step: string, ms: number) => void;
  /**
   * Callers as intake stores them (full name, phone encrypted / keyed hash / masked by the
   * personal-data cipher), drawn in turn for the demands with a caller — what a callback's reveal
   * reads (the demo passes them). Without: a masked name and masked phone only, nothing to reveal.
   */
  callers?: GeneratedCaller[];
  /** Share of the accepted demands whose handling stalls (never resolved), default 0.003. */
  stalledShare?: number;
  /**
   * Texts to draw from: a category code each (a leaf, or a top category), title and description
   * with place placeholders ({county}, {subdistrict}, {community}, {compound}, {building}, {unit},
   * {room}), and whether it is written for a village (drawn for demands at a village) or for a
   * household of a compound. Default: the synthetic corpus, for both.
   */
  texts?: readonly ScaleText[];
}

/** One text of `ScaleOptions.texts`. */
export interface ScaleText {
  code: string;
  title: string;
  description: string;
  village: boolean;
  /** A question (type enquiry) rather than a complaint, help, report, suggestion or praise. */
  enquiry: boolean;
}

/** One caller of `ScaleOptions.callers`: what `PersonalDataCipher.protect(phone, 'phone')` gives, and a name. */
export interface GeneratedCaller {
  name: string;
  enc: string;
  hash: string;
  masked: string;
}

export interface ScaleResult {
  inserted: number;
  callbacks: number;
  events: number;
  ms: number;
}

const TEXT_POOL = 2000;

function textPool(seed: number): ScaleText[] {
  return syntheticTexts({ count: TEXT_POOL, seed, dropChar: 0 }).flatMap((d) => {
    const chars = [...d.text.replace(/^(您好|你好|反映个事|麻烦问一下|我是[^，]*的居民)，/, '')];
    const first = chars.join('').split(/[，。！]/)[0] ?? '';
    const title = [...first].length > 24 ? `${[...first].slice(0, 24).join('')}…` : first;
    const text = {
      code: BUILTIN_CATEGORY_CODES[d.category] ?? 'other',
      title: title || d.text.slice(0, 20),
      description: d.text,
      enquiry: d.category === '政策咨询',
    };
    return [
      { ...text, village: false },
      { ...text, village: true },
    ];
  });
}

/** One text[] parameter (a PostgreSQL array literal) instead of one parameter per element. */
function textArray(items: readonly string[]): string {
  return `{${items.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export async function generateDemands(db: Db, options: ScaleOptions): Promise<ScaleResult> {
  const started = performance.now();
  const { tenantId, count, years, seed } = options;
  if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive integer');
  if (!(years > 0)) throw new RangeError('years must be positive');
  const end = options.end ?? new Date();
  const texts = options.texts && options.texts.length > 0 ? options.texts : textPool(seed);
  const within = options.within ?? null;
  const stalledShare = options.stalledShare ?? 0.003;
  return db.transaction(async (inner) => {
    let mark = performance.now();
    let statement = 0;
    // Every statement of the generator goes through here, so onStep sees each one's duration.
    const tx = {
      execute: async (query: SQL) => {
        const result = await inner.execute(query);
        const now = performance.now();
        options.onStep?.(`statement ${++statement}`, Math.round(now - mark));
        mark = now;
        return result;
      },
    } as unknown as Db;
    // setseed takes [-1, 1]; the same seed gives the same sequence of random() in this session.
    await tx.execute(sql`SELECT setseed(${(((seed % 2_000_003) + 2_000_003) % 2_000_003) / 2_000_003})`);
    // The KPI rollup triggers (migration 0009) would run once per row; the rollup is rebuilt at the end instead.
    await tx.execute(sql`SET LOCAL linli.kpi_rollup = 'off'`);
    await tx.execute(
      sql`DROP TABLE IF EXISTS scale_place, scale_village, scale_text, scale_category, scale_department, scale_rand, scale_demand, scale_caller`,
    );
    const callers = options.callers ?? [];
    await tx.execute(sql`CREATE TEMP TABLE scale_caller ON COMMIT DROP AS
      SELECT c.k, c.name, c.enc, c.hash, c.masked
      FROM json_to_recordset(${JSON.stringify(callers.map((c, k) => ({ ...c, k })))}::json)
        AS c(k integer, name text, enc text, hash text, masked text)`);
    await tx.execute(sql`CREATE TEMP TABLE scale_place ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY id) AS rn, id, path FROM territory_node
      WHERE tenant_id = ${tenantId} AND kind = 'household' AND (${within}::ltree IS NULL OR path <@ ${within}::ltree)`);
    await tx.execute(sql`CREATE TEMP TABLE scale_village ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY n.id) AS rn, n.id, n.path FROM territory_node n
      WHERE n.tenant_id = ${tenantId} AND n.kind = 'community' AND (${within}::ltree IS NULL OR n.path <@ ${within}::ltree)
        AND NOT EXISTS (SELECT 1 FROM territory_node c WHERE c.tenant_id = n.tenant_id AND c.parent_id = n.id)`);
    const sizes = await one<{ places: number; villages: number }>(
      tx,
      sql`SELECT (SELECT count(*) FROM scale_place)::int AS places, (SELECT count(*) FROM scale_village)::int AS villages`,
    );
    const places = sizes?.places ?? 0;
    const villages = sizes?.villages ?? 0;
    if (places + villages === 0) throw new RangeError('the tenant has no households or village communities to place demands at');
    const villageShare = places === 0 ? 1 : villages === 0 ? 0 : (options.villageShare ?? 0.25);

    // Numbered within each kind of place: a demand at a village draws a village's text, one at a household a compound's.
    await tx.execute(sql`CREATE TEMP TABLE scale_text ON COMMIT DROP AS
      SELECT row_number() OVER (PARTITION BY village ORDER BY ordinality) AS rn, count(*) OVER (PARTITION BY village) AS n,
        code, title, description, village, enquiry
      FROM unnest(${textArray(texts.map((t) => t.code))}::text[], ${textArray(texts.map((t) => t.title))}::text[],
        ${textArray(texts.map((t) => t.description))}::text[], ${textArray(texts.map((t) => String(t.village)))}::boolean[],
        ${textArray(texts.map((t) => String(t.enquiry)))}::boolean[])
        WITH ORDINALITY AS t (code, title, description, village, enquiry)`);
    const kinds = await one<{ villages: number; households: number }>(
      tx,
      sql`SELECT count(*) FILTER (WHERE village)::int AS villages, count(*) FILTER (WHERE NOT village)::int AS households FROM scale_text`,
    );
    if ((villageShare < 1 && !kinds?.households) || (villageShare > 0 && !kinds?.villages)) {
      throw new RangeError('texts must hold some for households of compounds and some for villages, as the places drawn need');
    }
    // Leaf categories under each mapped code, numbered within it, with their default level and department.
    await tx.execute(sql`CREATE TEMP TABLE scale_category ON COMMIT DROP AS
      SELECT m.code AS mapped, row_number() OVER (PARTITION BY m.code ORDER BY c.sort_order, c.code) AS k,
             count(*) OVER (PARTITION BY m.code) AS n, c.id, c.default_level, c.default_department_id
      FROM demand_category m
      JOIN demand_category c ON c.tenant_id = m.tenant_id AND c.path <@ m.path AND c.active
        AND NOT EXISTS (SELECT 1 FROM demand_category s WHERE s.tenant_id = c.tenant_id AND s.parent_id = c.id)
      WHERE m.tenant_id = ${tenantId} AND m.code IN (SELECT DISTINCT code FROM scale_text)`);
    await tx.execute(sql`CREATE TEMP TABLE scale_department ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY sort_order, code) AS rn, id FROM department WHERE tenant_id = ${tenantId} AND active`);
    const departments = (await one<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM scale_department`))?.n ?? 0;

    // All random draws first, one row per demand, so every later step is a plain function of them.
    await tx.execute(sql`CREATE TEMP TABLE scale_rand ON COMMIT DROP AS
      SELECT i, random() AS r_place, random() AS r_village, random() AS r_day, random() AS r_hour, random() AS r_text,
             random() AS r_cat, random() AS r_escalate, random() AS r_channel, random() AS r_urgency, random() AS r_respond,
             random() AS r_reject, random() AS r_dispatch, random() AS r_n1, random() AS r_n2, random() AS r_stall,
             random() AS r_eval, random() AS r_eval_at, random() AS r_sat, random() AS r_cb, random() AS r_cb_at,
             random() AS r_close, random() AS r_close_at, random() AS r_type, random() AS r_dept
      FROM generate_series(1, ${count}) AS i`);

    // Temporary tables have no statistics until analysed; without them the joins below become nested loops.
    await tx.execute(
      sql`ANALYZE scale_place (rn), scale_village (rn), scale_text (rn, village), scale_category (mapped, k), scale_department (rn), scale_rand (i)`,
    );
    const endIso = end.toISOString();
    const days = Math.max(1, Math.round(years * 365));
    await tx.execute(sql`CREATE TEMP TABLE scale_demand ON COMMIT DROP AS
      WITH base AS (
        SELECT r.*,
          CASE WHEN r.r_village < ${villageShare} THEN v.id ELSE p.id END AS node_id,
          CASE WHEN r.r_village < ${villageShare} THEN v.path ELSE p.path END AS node_path,
          t.code AS text_code, t.title AS title_raw, t.description AS description_raw, t.enquiry,
          (((${endIso}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - floor(r.r_day * ${days})::int)
            + make_interval(secs => CASE WHEN r.r_hour < 0.9 THEN 7 * 3600 + r.r_hour / 0.9 * 13 * 3600
                                          ELSE (r.r_hour - 0.9) / 0.1 * 86400 END)) AT TIME ZONE 'Asia/Shanghai' AS at_raw,
          CASE WHEN r.r_urgency < 0.02 THEN 'critical' WHEN r.r_urgency < 0.10 THEN 'urgent' ELSE 'normal' END AS urgency,
          CASE WHEN r.r_channel < 0.35 THEN 'hotline_12345' WHEN r.r_channel < 0.55 THEN 'mobile' WHEN r.r_channel < 0.73 THEN 'grid_visit'
               WHEN r.r_channel < 0.78 THEN 'web' WHEN r.r_channel < 0.86 THEN 'walk_in' WHEN r.r_channel < 0.89 THEN 'wish_box'
               WHEN r.r_channel < 0.94 THEN 'bench_meeting' WHEN r.r_channel < 0.96 THEN 'petition' ELSE 'online_opinion' END AS channel
        FROM scale_rand r
        LEFT JOIN scale_place p ON p.rn = (1 + floor(r.r_place * ${Math.max(places, 1)}))::bigint
        LEFT JOIN scale_village v ON v.rn = (1 + floor(r.r_place * ${Math.max(villages, 1)}))::bigint
        JOIN scale_text t ON t.village = (r.r_village < ${villageShare}::float8)
          AND t.rn = (1 + floor(r.r_text * CASE WHEN r.r_village < ${villageShare} THEN ${kinds?.villages ?? 0}::int ELSE ${kinds?.households ?? 0}::int END))::bigint
      ), named AS (
        -- The place's own names for the text: the node's ancestors, by the ids in its path.
        SELECT b.*, nm.*
        FROM base b
        CROSS JOIN LATERAL (
          SELECT
            coalesce(max(a.name) FILTER (WHERE g.k = 1), '') AS n_county,
            coalesce(max(a.name) FILTER (WHERE g.k = 2), '') AS n_subdistrict,
            coalesce(max(a.name) FILTER (WHERE g.k = 3), '') AS n_community,
            coalesce(max(a.name) FILTER (WHERE g.k = 4), '') AS n_compound,
            coalesce(max(a.name) FILTER (WHERE g.k = 5), '') AS n_building,
            coalesce(max(a.name) FILTER (WHERE g.k = 6), '') AS n_unit,
            coalesce(max(a.name) FILTER (WHERE g.k = 7), '') AS n_household
          FROM generate_series(1, nlevel(b.node_path)) AS g(k)
          JOIN territory_node a ON a.tenant_id = ${tenantId} AND a.id = ltree2text(subpath(b.node_path, g.k - 1, 1))::uuid
        ) AS nm
      ), spelled AS (
        SELECT n.*,
          -- at a village, the village's name (…村民委员会 → …村) stands where a compound's would
          CASE WHEN nlevel(n.node_path) > 3 THEN n.n_compound
               WHEN n.n_community ~ '(村民委员会|村委会)$'
                 THEN regexp_replace(regexp_replace(n.n_community, '(村民委员会|村委会)$', ''), '([^村])$', '\\1村')
               ELSE n.n_community END AS p_compound,
          CASE WHEN n.n_household ~ '^[0-9]+-[0-9]+-[0-9]+$' THEN split_part(n.n_household, '-', 3) || '室' ELSE '' END AS p_room
        FROM named n
      ), filled AS (
        SELECT n.*,
          replace(replace(replace(replace(replace(replace(replace(n.title_raw, '{county}', n.n_county), '{subdistrict}', n.n_subdistrict),
            '{community}', n.n_community), '{compound}', n.p_compound), '{building}', n.n_building), '{unit}', n.n_unit),
            '{room}', n.p_room) AS title,
          replace(replace(replace(replace(replace(replace(replace(n.description_raw, '{county}', n.n_county),
            '{subdistrict}', n.n_subdistrict), '{community}', n.n_community), '{compound}', n.p_compound), '{building}', n.n_building),
            '{unit}', n.n_unit), '{room}', n.p_room) AS description
        FROM spelled n
      ), placed AS (
        SELECT b.*, c.id AS category_id, c.default_department_id,
          CASE WHEN b.at_raw >= ${endIso}::timestamptz THEN b.at_raw - interval '1 day' ELSE b.at_raw END AS submitted_at,
          -- the category's level, 6 % escalated one level up; no compound above a village: community
          (ARRAY['compound', 'community', 'subdistrict', 'department'])[
            least(4, greatest(CASE WHEN nlevel(b.node_path) < 4 THEN 2 ELSE 1 END,
              array_position(ARRAY['compound', 'community', 'subdistrict', 'department'], c.default_level)
              + CASE WHEN b.r_escalate < 0.06 THEN 1 ELSE 0 END))] AS level,
          CASE WHEN b.r_escalate < 0.06 THEN 1 ELSE 0 END AS escalation_count,
          CASE b.urgency WHEN 'critical' THEN 1 WHEN 'urgent' THEN 2 ELSE 24 END AS response_hours,
          CASE b.urgency WHEN 'critical' THEN 4 WHEN 'urgent' THEN 24 ELSE 168 END AS resolve_hours
        FROM filled b
        JOIN scale_category c ON c.mapped = b.text_code AND c.k = (1 + floor(b.r_cat * c.n))::bigint
      ), timed AS (
        SELECT p.*,
          p.submitted_at + make_interval(secs => p.response_hours * 3600 * (-ln(1 - p.r_respond) / 3.5)) AS respond_at,
          p.r_reject < 0.015 AS rejected,
          -- log-normal share of the resolution window: median 0.25, ~4 % beyond 1
          p.resolve_hours * 3600 * exp(ln(0.25) + 0.8 * sqrt(-2 * ln(1 - p.r_n1)) * cos(2 * pi() * p.r_n2)) AS handling_secs
        FROM placed p
      ), life AS (
        SELECT t.*,
          t.respond_at + make_interval(secs => t.r_dispatch * 3 * 3600) AS dispatch_at,
          CASE WHEN t.rejected OR t.r_stall < ${stalledShare} THEN NULL
               ELSE t.respond_at + make_interval(secs => t.r_dispatch * 3 * 3600 + t.handling_secs) END AS resolve_at
        FROM timed t
      ), after AS (
        SELECT l.*,
          CASE WHEN l.resolve_at IS NOT NULL AND l.r_eval < 0.88 THEN l.resolve_at + make_interval(secs => (2 + l.r_eval_at * 70) * 3600) END AS evaluate_at,
          CASE WHEN l.resolve_at IS NOT NULL AND l.r_cb < 0.92 THEN l.resolve_at + make_interval(secs => (24 + l.r_cb_at * 72) * 3600) END AS callback_at
        FROM life l
      )
      SELECT a.*,
        encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
          PLACING substring(int8send((extract(epoch FROM a.submitted_at) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid AS id,
        CASE WHEN a.resolve_at IS NOT NULL AND a.r_close < 0.99
             THEN greatest(coalesce(a.evaluate_at, a.resolve_at), a.resolve_at + interval '72 hours') + make_interval(secs => a.r_close_at * 48 * 3600) END AS close_at
      FROM after a`);

    await tx.execute(sql`ANALYZE scale_demand (id)`);
    // Growing the demand table's GiST (ltree) indexes row by row is the slowest part of a large
    // insert; building them once afterwards is much cheaper (the demo's households do the same).
    const deferred =
      (options.deferIndexes ?? count >= 5000)
        ? await rows<{ name: string; definition: string }>(
            tx,
            sql`SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
              FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
              WHERE x.indrelid = 'demand'::regclass AND am.amname = 'gist'`,
          )
        : [];
    for (const ix of deferred) await tx.execute(sql.raw(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`));
    // Cut at `end`: what has not happened yet is null, and the status is the last step reached.
    const e = sql`${endIso}::timestamptz`;
    const inserted = await one<{ n: number }>(
      tx,
      sql`WITH numbered AS (
        SELECT s.*, to_char(s.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') AS year,
          row_number() OVER (PARTITION BY to_char(s.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') ORDER BY s.submitted_at, s.i) AS serial,
          CASE WHEN s.respond_at <= ${e} THEN s.respond_at END AS responded,
          CASE WHEN NOT s.rejected AND s.dispatch_at <= ${e} THEN s.dispatch_at END AS dispatched,
          CASE WHEN s.resolve_at <= ${e} THEN s.resolve_at END AS resolved,
          CASE WHEN s.evaluate_at <= ${e} THEN s.evaluate_at END AS evaluated,
          CASE WHEN s.close_at <= ${e} THEN s.close_at END AS closed
        FROM scale_demand s
      ), stated AS (
        SELECT n.*,
          CASE WHEN n.responded IS NULL THEN 'submitted'
               WHEN n.rejected THEN 'rejected'
               WHEN n.dispatched IS NULL THEN 'accepted'
               WHEN n.resolved IS NULL THEN CASE WHEN n.dispatched > ${e} - interval '2 hours' THEN 'dispatched' ELSE 'in_progress' END
               WHEN n.closed IS NOT NULL THEN 'closed'
               WHEN n.evaluated IS NOT NULL THEN 'evaluated'
               ELSE 'resolved' END AS status,
          (SELECT c.value FROM counter c WHERE c.tenant_id = ${tenantId} AND c.name = 'demand:' || n.year) AS counter_base
        FROM numbered n
      ), ins AS (
      INSERT INTO demand (tenant_id, id, number, channel, type, category_id, urgency, title, description, node_id, node_path,
        reporter_kind, reporter_name, reporter_phone_enc, reporter_phone_hash, reporter_phone_masked, status, level,
        handling_node_id, handling_department_id, handling_path, first_receiver_node_id, first_receiver_path,
        response_due_at, resolve_due_at, submitted_at, responded_at, dispatched_at, resolved_at, evaluated_at, closed_at,
        result, reject_reason, satisfaction, escalation_count, updated_at, version, callback_at)
      SELECT ${tenantId},
        s.id,
        s.year || '-' || lpad((coalesce(s.counter_base, 0) + s.serial)::text, 6, '0'),
        s.channel,
        CASE WHEN s.enquiry THEN 'enquiry' WHEN s.r_type < 0.5 THEN 'complaint' WHEN s.r_type < 0.8 THEN 'help'
             WHEN s.r_type < 0.9 THEN 'report' WHEN s.r_type < 0.98 THEN 'suggestion' ELSE 'praise' END,
        s.category_id, s.urgency, s.title, s.description, s.node_id, s.node_path,
        CASE WHEN s.channel IN ('wish_box', 'online_opinion', 'bench_meeting') THEN 'anonymous' ELSE 'caller' END,
        CASE WHEN s.channel IN ('wish_box', 'online_opinion', 'bench_meeting') THEN NULL
             ELSE coalesce(cl.name, (ARRAY['王*', '李*', '张*', '刘*', '陈*', '杨*', '赵*', '孙*'])[1 + s.i % 8] || '*') END,
        CASE WHEN s.channel IN ('wish_box', 'online_opinion', 'bench_meeting') THEN NULL ELSE cl.enc END,
        CASE WHEN s.channel IN ('wish_box', 'online_opinion', 'bench_meeting') THEN NULL
             ELSE coalesce(cl.hash, md5(${tenantId} || ':scale:' || s.i)) END,
        CASE WHEN s.channel IN ('wish_box', 'online_opinion', 'bench_meeting') THEN NULL
             ELSE coalesce(cl.masked, '13' || (s.i % 10)::text || '****' || lpad((s.i % 10000)::text, 4, '0')) END,
        s.status, s.level,
        CASE WHEN s.dispatched IS NULL OR s.level = 'department' THEN NULL
             ELSE ltree2text(subpath(s.node_path, CASE s.level WHEN 'compound' THEN 3 WHEN 'community' THEN 2 ELSE 1 END, 1))::uuid END,
        CASE WHEN s.dispatched IS NULL OR s.level <> 'department' THEN NULL
             ELSE coalesce(s.default_department_id, (SELECT d.id FROM scale_department d WHERE d.rn = (1 + floor(s.r_dept * ${Math.max(departments, 1)}))::bigint)) END,
        CASE WHEN s.dispatched IS NULL THEN NULL
             ELSE subpath(s.node_path, 0, CASE s.level WHEN 'compound' THEN 4 WHEN 'community' THEN 3 WHEN 'subdistrict' THEN 2 ELSE 1 END) END,
        CASE WHEN s.responded IS NULL OR s.rejected THEN NULL ELSE ltree2text(subpath(s.node_path, 2, 1))::uuid END,
        CASE WHEN s.responded IS NULL OR s.rejected THEN NULL ELSE subpath(s.node_path, 0, 3) END,
        s.submitted_at + make_interval(hours => s.response_hours), s.submitted_at + make_interval(hours => s.resolve_hours),
        s.submitted_at, s.responded, s.dispatched, s.resolved, s.evaluated, s.closed,
        CASE WHEN s.resolved IS NOT NULL THEN (ARRAY['已现场处理完毕，并向诉求人反馈', '已协调相关单位解决', '已安排维修，恢复正常',
          '经调解双方达成一致', '已解释政策并协助办理'])[1 + s.i % 5] END,
        CASE WHEN s.status = 'rejected' THEN '不属于本平台受理范围，已告知诉求人向有关部门反映' END,
        CASE WHEN s.evaluated IS NOT NULL THEN CASE WHEN s.r_sat < 0.93 THEN 'satisfied' WHEN s.r_sat < 0.995 THEN 'basically_satisfied'
             ELSE 'dissatisfied' END END,
        CASE WHEN s.dispatched IS NULL THEN 0 ELSE s.escalation_count END,
        coalesce(s.closed, s.evaluated, s.resolved, s.dispatched, s.responded, s.submitted_at),
        1 + (s.responded IS NOT NULL)::int + (s.dispatched IS NOT NULL)::int * 2 + (s.resolved IS NOT NULL)::int
          + (s.evaluated IS NOT NULL)::int + (s.closed IS NOT NULL)::int,
        -- The time of the callback inserted below (migration 0014): set here, its trigger finds it set
        -- and writes nothing, instead of updating every called-back demand once more.
        CASE WHEN s.resolved IS NOT NULL AND s.callback_at <= ${e} THEN s.callback_at END
      FROM stated s
      LEFT JOIN scale_caller cl ON cl.k = s.i % ${Math.max(callers.length, 1)}
      RETURNING 1) SELECT count(*)::int AS n FROM ins`,
    );
    const insertedCount = inserted?.n ?? 0;

    for (const ix of deferred) await tx.execute(sql.raw(ix.definition));

    await tx.execute(sql`INSERT INTO counter (tenant_id, name, value)
      SELECT ${tenantId}, 'demand:' || split_part(number, '-', 1), max(split_part(number, '-', 2)::bigint)
      FROM demand WHERE tenant_id = ${tenantId} GROUP BY split_part(number, '-', 1)
      ON CONFLICT (tenant_id, name) DO UPDATE SET value = greatest(counter.value, excluded.value)`);

    // Callbacks of the generated demands, dated after their resolution.
    const callbacks = await one<{ n: number }>(
      tx,
      sql`WITH ins AS (INSERT INTO demand_callback (tenant_id, id, demand_id, at, reached, result_confirmed, satisfaction, note)
      SELECT d.tenant_id, encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
          PLACING substring(int8send((extract(epoch FROM s.callback_at) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid,
        d.id, s.callback_at, true, true, coalesce(d.satisfaction, 'satisfied'), '电话回访，诉求人确认已解决'
      FROM scale_demand s JOIN demand d ON d.tenant_id = ${tenantId} AND d.id = s.id
      WHERE s.callback_at <= ${e} AND d.resolved_at IS NOT NULL
      RETURNING 1) SELECT count(*)::int AS n FROM ins`,
    );
    const callbackCount = callbacks?.n ?? 0;

    let eventCount = 0;
    if (options.timeline ?? true) {
      const events = await one<{ n: number }>(
        tx,
        sql`WITH ins AS (INSERT INTO demand_event (tenant_id, demand_id, seq, at, actor_name, action, from_status, to_status, note, data)
        SELECT d.tenant_id, d.id, row_number() OVER (PARTITION BY d.id ORDER BY x.ord), x.at, x.actor, x.action, x.from_status, x.to_status, x.note,
          x.data::jsonb
        FROM demand d
        JOIN scale_demand s ON d.tenant_id = ${tenantId} AND d.id = s.id
        CROSS JOIN LATERAL (VALUES
          (1, d.submitted_at, '受理员', 'submit', NULL, 'submitted', NULL, '{}'),
          (2, d.responded_at, '受理员', CASE WHEN d.status = 'rejected' THEN 'reject' ELSE 'accept' END, 'submitted',
             CASE WHEN d.status = 'rejected' THEN 'rejected' ELSE 'accepted' END, d.reject_reason, '{}'),
          (3, d.dispatched_at, '派单员', 'dispatch', 'accepted', 'dispatched', NULL, json_build_object('level', d.level)::text),
          (4, CASE WHEN d.status <> 'dispatched' THEN least(d.dispatched_at + interval '30 minutes', d.resolved_at) END, '承办人', 'start', 'dispatched', 'in_progress', NULL, '{}'),
          (5, d.resolved_at, '承办人', 'resolve', 'in_progress', 'resolved', d.result, '{}'),
          (6, d.evaluated_at, '诉求人', 'evaluate', 'resolved', 'evaluated', NULL, json_build_object('satisfaction', d.satisfaction)::text),
          (7, d.closed_at, '受理员', 'close', CASE WHEN d.evaluated_at IS NULL THEN 'resolved' ELSE 'evaluated' END, 'closed', NULL, '{}')
        ) AS x (ord, at, actor, action, from_status, to_status, note, data)
        WHERE x.at IS NOT NULL AND x.at <= ${e}
          AND (${options.timelineDays ?? null}::int IS NULL OR d.submitted_at > ${e} - make_interval(days => ${options.timelineDays ?? 0}))
        RETURNING 1) SELECT count(*)::int AS n FROM ins`,
      );
      eventCount = events?.n ?? 0;
    }
    // The generated demands' share of the KPI rollups (migration 0009), added to what is there: the
    // same figures demand_kpi_apply gives one row at a time (the generator's test compares them
    // with demand_kpi_rebuild).
    const sums = sql`count(*), count(*) FILTER (WHERE d.status NOT IN ('submitted', 'rejected')),
      count(*) FILTER (WHERE d.responded_at IS NOT NULL), count(*) FILTER (WHERE d.responded_at <= d.response_due_at),
      count(*) FILTER (WHERE d.resolved_at IS NOT NULL), count(*) FILTER (WHERE d.status = 'closed'),
      count(*) FILTER (WHERE d.resolved_at <= d.resolve_due_at), count(*) FILTER (WHERE d.satisfaction IS NOT NULL),
      count(*) FILTER (WHERE d.satisfaction IN ('satisfied', 'basically_satisfied')),
      coalesce(sum(extract(epoch FROM d.resolved_at - d.submitted_at)::float8), 0),
      count(*) FILTER (WHERE d.resolved_at IS NOT NULL AND s.callback_at <= ${e})`;
    const add = sql.raw(
      ['submitted', 'accepted', 'responded', 'responded_on_time', 'resolved', 'closed', 'resolved_on_time', 'evaluated', 'satisfied']
        .concat(['handling_seconds', 'callback_covered'])
        .map((c) => `${c} = k.${c} + excluded.${c}`)
        .join(', '),
    );
    const counts = sql.raw(
      'submitted, accepted, responded, responded_on_time, resolved, closed, resolved_on_time, evaluated, satisfied, handling_seconds, callback_covered',
    );
    const month = sql`date_trunc('month', d.submitted_at AT TIME ZONE 'Asia/Shanghai')::date`;
    await tx.execute(sql`INSERT INTO demand_kpi_month AS k (tenant_id, month, place_path, level, unit_id, ${counts})
      SELECT d.tenant_id, ${month}, subpath(d.node_path, 0, least(nlevel(d.node_path), 4)), d.level,
        coalesce(d.handling_node_id, d.handling_department_id, '00000000-0000-0000-0000-000000000000'), ${sums}
      FROM scale_demand s JOIN demand d ON d.tenant_id = ${tenantId} AND d.id = s.id
      GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT (tenant_id, month, place_path, level, unit_id) DO UPDATE SET ${add}`);
    await tx.execute(sql`INSERT INTO demand_kpi_category_month AS k (tenant_id, month, area_path, category_id, channel, level, ${counts})
      SELECT d.tenant_id, ${month}, subpath(d.node_path, 0, least(nlevel(d.node_path), 2)), d.category_id, d.channel, d.level, ${sums}
      FROM scale_demand s JOIN demand d ON d.tenant_id = ${tenantId} AND d.id = s.id
      GROUP BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (tenant_id, month, area_path, category_id, channel, level) DO UPDATE SET ${add}`);
    return { inserted: insertedCount, callbacks: callbackCount, events: eventCount, ms: Math.round(performance.now() - started) };
  });
}
