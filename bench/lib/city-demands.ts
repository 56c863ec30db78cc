// City-scale demand generator of the benchmark: demands written straight into the tables with
// INSERT … SELECT (one statement per month of data), never through the API — a million rows take
// minutes, not hours. What it generates, and why the numbers look like a county's:
// - places: every household of the tenant (demands follow where people live), with its compound,
//   community and subdistrict for the handling unit and the first receiver;
// - text, category and handling level: the smart module's synthetic corpus (templates of how
//   residents phrase demands, with noise), mapped onto the tenant's default category tree;
// - channels: 12345 hotline 34 %, mobile 24 %, grid visits 15 %, web 8 %, walk-in 7 %, wish box,
//   meetings, petitions, online opinion the rest; urgency normal 90 %, urgent 8 %, critical 2 %;
// - timing: daily volume grows by half over the period, weekends at 70 %, a summer peak (heat,
//   noise, water) and the Spring Festival dip, ±15 % noise; hours mostly 07:00–21:00 (Asia/Shanghai);
// - progress: older demands are mostly closed (evaluated, some rejected), the last weeks are spread
//   over the open states; responses mostly within the 24-hour deadline, resolutions within days,
//   satisfaction about 75 % satisfied, 18 % basically, 7 % dissatisfied; a third of the resolved
//   have a staff callback.
// Numbers are year-serial per tenant like intake's (2026-000123), and the counters are set past
// them, so intake after generation continues the series. No timeline rows and no audit records
// are written for generated demands (they are historical data, like an import).
import type { Database } from '@linli/db';
import { type DemandCategory, generateDemands } from '../../modules/demands/src/smart/index.ts';
import { seededRandom } from '../../modules/demands/src/smart/random.ts';

export interface CityDemandOptions {
  tenantId: string;
  count: number;
  years: number;
  seed: number;
  /** Accounts used as reporting residents of the mobile and web demands. */
  residentAccountIds: string[];
  /** Size of the synthetic text corpus the demands draw from (default min(count, 20 000)). */
  corpusSize?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

/** Where the synthetic corpus' categories sit in the default category tree (codes of 0003_demands.sql). */
export const categoryCodes: Record<DemandCategory, string> = {
  环境卫生: 'environment',
  物业管理: 'property',
  停车管理: 'parking',
  邻里纠纷: 'neighbourhood',
  市政设施: 'municipal',
  安全隐患: 'safety',
  养老服务: 'elderly',
  政策咨询: 'policy',
  噪音扰民: 'noise',
  供暖供水: 'water_supply',
};

const DAY = 86_400_000;

/** Daily volumes (Asia/Shanghai days) summing to `count`, ending today. */
export function dailyVolumes(count: number, years: number, seed: number, now: Date): { day: string; n: number }[] {
  const random = seededRandom(seed);
  const today = new Date(Math.floor((now.getTime() + 8 * 3_600_000) / DAY) * DAY);
  const days = Math.round(years * 365.25);
  const weights: { day: string; w: number }[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const date = new Date(today.getTime() - i * DAY);
    const growth = 1 + (0.5 * (days - 1 - i)) / days;
    const weekday = date.getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.7 : 1;
    const month = date.getUTCMonth();
    const season = month >= 5 && month <= 7 ? 1.2 : month === 1 ? 0.75 : 1;
    weights.push({ day: date.toISOString().slice(0, 10), w: growth * weekend * season * (0.85 + 0.3 * random()) });
  }
  const total = weights.reduce((s, d) => s + d.w, 0);
  let carry = 0;
  const volumes = weights.map(({ day, w }) => {
    const exact = (w / total) * count + carry;
    const n = Math.floor(exact);
    carry = exact - n;
    return { day, n };
  });
  const short = count - volumes.reduce((s, v) => s + v.n, 0);
  volumes[volumes.length - 1]!.n += short; // rounding: the total is exactly `count`
  return volumes;
}

/**
 * Generates `count` demands of the tenant over the last `years` years. Runs one statement per
 * calendar month (about 30 000 rows at a million over three years) and reports progress after each.
 */
export async function generateCityDemands(database: Database, options: CityDemandOptions): Promise<{ count: number; ms: number }> {
  const started = performance.now();
  const { tenantId } = options;
  const now = options.now ?? new Date();
  await database.exec('DROP TABLE IF EXISTS bench_place; DROP TABLE IF EXISTS bench_corpus');

  // Places: households with the units above them.
  await database.query(
    `CREATE TABLE bench_place AS
     SELECT (row_number() OVER (ORDER BY h.id))::int AS idx, h.id AS node_id, h.path AS node_path,
            coalesce(cp.id, cm.id) AS compound_id, coalesce(cp.path, cm.path) AS compound_path,
            cm.id AS community_id, cm.path AS community_path, sd.id AS subdistrict_id, sd.path AS subdistrict_path
     FROM territory_node h
     JOIN territory_node cm ON cm.tenant_id = h.tenant_id AND cm.kind = 'community' AND cm.path @> h.path
     JOIN territory_node sd ON sd.tenant_id = h.tenant_id AND sd.kind = 'subdistrict' AND sd.path @> h.path
     LEFT JOIN territory_node cp ON cp.tenant_id = h.tenant_id AND cp.kind = 'compound' AND cp.path @> h.path
     WHERE h.tenant_id = $1 AND h.kind = 'household'`,
    [tenantId],
  );
  await database.exec('ALTER TABLE bench_place ADD PRIMARY KEY (idx)');
  const [{ n: places } = { n: 0 }] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_place');
  if (places === 0) throw new Error(`tenant ${tenantId} has no households to place demands at`);

  // Corpus: synthetic texts with the category id and level they were written for.
  const categories = new Map(
    (
      await database.query<{ code: string; id: string; department_id: string | null }>(
        'SELECT code, id, default_department_id AS department_id FROM demand_category WHERE tenant_id = $1',
        [tenantId],
      )
    ).map((c) => [c.code, c]),
  );
  const [fallbackDept] = await database.query<{ id: string }>("SELECT id FROM department WHERE tenant_id = $1 AND code = 'housing'", [
    tenantId,
  ]);
  const corpusSize = options.corpusSize ?? Math.min(options.count, 20_000);
  const corpus = generateDemands({ count: Math.max(corpusSize, 1), seed: options.seed });
  await database.exec(`CREATE TABLE bench_corpus (idx int PRIMARY KEY, title text NOT NULL, description text NOT NULL,
    category_id uuid NOT NULL, level text NOT NULL, department_id uuid, enquiry boolean NOT NULL)`);
  for (let start = 0; start < corpus.length; start += 1000) {
    const slice = corpus.slice(start, start + 1000);
    const params: unknown[] = [];
    const values = slice.map((d, i) => {
      const category = categories.get(categoryCodes[d.category]);
      if (!category) throw new Error(`category ${categoryCodes[d.category]} missing in tenant ${tenantId}`);
      params.push(
        start + i + 1,
        [...d.text].slice(0, 30).join(''),
        d.text,
        category.id,
        d.level,
        d.level === 'department' ? (category.department_id ?? fallbackDept?.id ?? null) : null,
        d.category === '政策咨询',
      );
      const b = i * 7;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}::uuid, $${b + 5}, $${b + 6}::uuid, $${b + 7})`;
    });
    await database.query(`INSERT INTO bench_corpus VALUES ${values.join(', ')}`, params);
  }
  // A department demand needs a department; without one in the corpus row it goes to the subdistrict.
  await database.exec(`UPDATE bench_corpus SET level = 'subdistrict' WHERE level = 'department' AND department_id IS NULL`);
  const [county] = await database.query<{ path: string }>(
    "SELECT path::text AS path FROM territory_node WHERE tenant_id = $1 AND kind = 'county'",
    [tenantId],
  );
  if (!county) throw new Error(`tenant ${tenantId} has no county node`);

  // One statement per month, so a year's numbers continue from the previous month's.
  const volumes = dailyVolumes(options.count, options.years, options.seed, now);
  const months = new Map<string, { day: string; n: number }[]>();
  for (const v of volumes) months.set(v.day.slice(0, 7), [...(months.get(v.day.slice(0, 7)) ?? []), v]);
  const serials = new Map<string, number>();
  const residents = options.residentAccountIds;
  let done = 0;
  await database.withConnection(async (conn) => {
    await conn.query('SELECT setseed($1)', [((options.seed % 1000) + 0.5) / 1000]);
    for (const [month, days] of months) {
      const n = days.reduce((s, d) => s + d.n, 0);
      if (n === 0) continue;
      const year = month.slice(0, 4);
      const offset = serials.get(year) ?? 0;
      await conn.query(monthSql, [
        tenantId,
        days.map((d) => d.day),
        days.map((d) => d.n),
        places,
        corpus.length,
        offset,
        year,
        residents,
        county.path,
        now.toISOString(),
      ]);
      serials.set(year, offset + n);
      done += n;
      options.onProgress?.(done, options.count);
    }
    // Staff callbacks for a third of the resolved demands.
    await conn.query(
      `INSERT INTO demand_callback (tenant_id, id, demand_id, at, reached, result_confirmed, satisfaction)
       SELECT tenant_id, linli_uuid_v7(), id, least(resolved_at + interval '2 days', $2::timestamptz), true, true, satisfaction
       FROM demand WHERE tenant_id = $1 AND resolved_at IS NOT NULL AND random() < 0.33`,
      [tenantId, now.toISOString()],
    );
  });
  for (const [year, value] of serials) {
    await database.query(
      `INSERT INTO counter (tenant_id, name, value) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, name) DO UPDATE SET value = greatest(counter.value, excluded.value)`,
      [tenantId, `demand:${year}`, value],
    );
  }
  await database.exec('DROP TABLE bench_place; DROP TABLE bench_corpus; ANALYZE demand; ANALYZE demand_callback');
  return { count: done, ms: performance.now() - started };
}

// $1 tenant, $2 days, $3 volumes, $4 places, $5 corpus size, $6 serial offset of the year, $7 year,
// $8 resident account ids, $9 county path (handling path of departments), $10 now.
const monthSql = `
WITH raw AS MATERIALIZED (
  SELECT least((v.day::timestamp + make_interval(secs => h.hour * 3600 - 28800)) AT TIME ZONE 'UTC', $10::timestamptz - interval '1 minute') AS submitted_at,
         1 + floor(random() * $4)::int AS place_idx, 1 + floor(random() * $5)::int AS corpus_idx,
         random() AS r_channel, random() AS r_urgency, random() AS r_status, random() AS r_type, random() AS r_respond,
         random() AS r_dispatch, random() AS r_resolve, random() AS r_evaluate, random() AS r_satisfaction, random() AS r_reporter
  FROM unnest($2::date[], $3::int[]) AS v(day, n)
  CROSS JOIN LATERAL generate_series(1, v.n) AS g(i)
  CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.06 THEN random() * 24 ELSE 7 + 14 * (random() + random()) / 2 END + 0 * g.i AS hour) h
), shaped AS MATERIALIZED (
  SELECT r.*, p.*, c.title, c.description, c.category_id, c.level, c.department_id,
    (row_number() OVER (ORDER BY r.submitted_at))::int + $6 AS serial,
    CASE WHEN r.r_channel < 0.34 THEN 'hotline_12345' WHEN r.r_channel < 0.58 THEN 'mobile' WHEN r.r_channel < 0.73 THEN 'grid_visit'
         WHEN r.r_channel < 0.81 THEN 'web' WHEN r.r_channel < 0.88 THEN 'walk_in' WHEN r.r_channel < 0.92 THEN 'wish_box'
         WHEN r.r_channel < 0.95 THEN 'bench_meeting' WHEN r.r_channel < 0.97 THEN 'petition' ELSE 'online_opinion' END AS channel,
    CASE WHEN r.r_urgency < 0.90 THEN 'normal' WHEN r.r_urgency < 0.98 THEN 'urgent' ELSE 'critical' END AS urgency,
    CASE WHEN c.enquiry THEN 'enquiry' WHEN r.r_type < 0.45 THEN 'complaint' WHEN r.r_type < 0.80 THEN 'help'
         WHEN r.r_type < 0.90 THEN 'report' WHEN r.r_type < 0.98 THEN 'suggestion' ELSE 'praise' END AS type,
    extract(epoch FROM $10::timestamptz - r.submitted_at) / 86400 AS age_days
  FROM raw r
  JOIN bench_place p ON p.idx = r.place_idx
  JOIN bench_corpus c ON c.idx = r.corpus_idx
), progressed AS MATERIALIZED (
  SELECT s.*,
    CASE WHEN s.age_days > 30 THEN
           CASE WHEN s.r_status < 0.03 THEN 'rejected' WHEN s.r_status < 0.13 THEN 'resolved' WHEN s.r_status < 0.28 THEN 'evaluated' ELSE 'closed' END
         WHEN s.age_days > 7 THEN
           CASE WHEN s.r_status < 0.03 THEN 'rejected' WHEN s.r_status < 0.13 THEN 'in_progress' WHEN s.r_status < 0.38 THEN 'resolved'
                WHEN s.r_status < 0.63 THEN 'evaluated' ELSE 'closed' END
         WHEN s.age_days > 1 THEN
           CASE WHEN s.r_status < 0.05 THEN 'submitted' WHEN s.r_status < 0.10 THEN 'accepted' WHEN s.r_status < 0.30 THEN 'dispatched'
                WHEN s.r_status < 0.60 THEN 'in_progress' WHEN s.r_status < 0.85 THEN 'resolved' WHEN s.r_status < 0.95 THEN 'evaluated' ELSE 'closed' END
         ELSE CASE WHEN s.r_status < 0.6 THEN 'submitted' WHEN s.r_status < 0.8 THEN 'accepted' ELSE 'dispatched' END
    END AS status,
    CASE s.urgency WHEN 'normal' THEN interval '24 hours' WHEN 'urgent' THEN interval '2 hours' ELSE interval '1 hour' END AS response_window,
    CASE s.urgency WHEN 'normal' THEN interval '7 days' WHEN 'urgent' THEN interval '24 hours' ELSE interval '4 hours' END AS resolve_window,
    CASE s.urgency WHEN 'normal' THEN 30 WHEN 'urgent' THEN 2.5 ELSE 1.2 END * s.r_respond ^ 2 AS respond_hours
  FROM shaped s
), timed AS MATERIALIZED (
  SELECT p.*,
    p.status NOT IN ('submitted') AS responded,
    p.status NOT IN ('submitted', 'accepted', 'rejected') AS dispatched,
    p.status IN ('resolved', 'evaluated', 'closed') AS resolved,
    p.status IN ('evaluated', 'closed') AND p.r_evaluate < 0.85 AS evaluated,
    least(p.submitted_at + make_interval(secs => p.respond_hours * 3600), $10::timestamptz) AS responded_ts,
    least(p.submitted_at + make_interval(secs => p.respond_hours * 3600 + p.r_dispatch * 4 * 3600), $10::timestamptz) AS dispatched_ts,
    least(p.submitted_at + make_interval(secs => p.respond_hours * 3600 + p.r_dispatch * 4 * 3600)
          + (CASE p.urgency WHEN 'normal' THEN interval '10 days' WHEN 'urgent' THEN interval '30 hours' ELSE interval '5 hours' END) * p.r_resolve ^ 2,
          $10::timestamptz) AS resolved_ts
  FROM progressed p
)
INSERT INTO demand (tenant_id, id, number, channel, type, category_id, urgency, title, description, node_id, node_path,
  reporter_kind, reporter_account_id, reporter_name, reporter_phone_hash, reporter_phone_masked, status, level,
  handling_node_id, handling_department_id, handling_path, first_receiver_node_id, first_receiver_path,
  response_due_at, resolve_due_at, submitted_at, responded_at, dispatched_at, resolved_at, evaluated_at, closed_at,
  result, reject_reason, satisfaction, updated_at, version)
SELECT $1, linli_uuid_v7(), $7 || '-' || lpad(t.serial::text, 6, '0'), t.channel, t.type, t.category_id, t.urgency, t.title, t.description,
  t.node_id, t.node_path,
  CASE WHEN t.channel IN ('mobile', 'web') AND cardinality($8::uuid[]) > 0 THEN 'resident'
       WHEN t.channel IN ('hotline_12345', 'walk_in', 'petition') OR t.r_reporter < 0.5 THEN 'caller' ELSE 'anonymous' END,
  CASE WHEN t.channel IN ('mobile', 'web') AND cardinality($8::uuid[]) > 0
       THEN ($8::uuid[])[1 + floor(t.r_reporter * cardinality($8::uuid[]))::int] END,
  NULL,
  CASE WHEN NOT (t.channel IN ('mobile', 'web') AND cardinality($8::uuid[]) > 0)
        AND (t.channel IN ('hotline_12345', 'walk_in', 'petition') OR t.r_reporter < 0.5)
       THEN 'bench:' || floor(t.r_reporter * 1000000)::text END,
  CASE WHEN NOT (t.channel IN ('mobile', 'web') AND cardinality($8::uuid[]) > 0)
        AND (t.channel IN ('hotline_12345', 'walk_in', 'petition') OR t.r_reporter < 0.5)
       THEN '138****' || lpad(floor(t.r_reporter * 10000)::text, 4, '0') END,
  t.status, t.level,
  CASE WHEN NOT t.dispatched THEN NULL WHEN t.level = 'compound' THEN t.compound_id WHEN t.level = 'community' THEN t.community_id
       WHEN t.level = 'subdistrict' THEN t.subdistrict_id END,
  CASE WHEN t.dispatched AND t.level = 'department' THEN t.department_id END,
  CASE WHEN NOT t.dispatched THEN NULL WHEN t.level = 'compound' THEN t.compound_path WHEN t.level = 'community' THEN t.community_path
       WHEN t.level = 'subdistrict' THEN t.subdistrict_path ELSE $9::ltree END,
  CASE WHEN t.responded AND t.status <> 'rejected' THEN t.community_id END,
  CASE WHEN t.responded AND t.status <> 'rejected' THEN t.community_path END,
  t.submitted_at + t.response_window, t.submitted_at + t.resolve_window, t.submitted_at,
  CASE WHEN t.responded THEN t.responded_ts END,
  CASE WHEN t.dispatched THEN t.dispatched_ts END,
  CASE WHEN t.resolved THEN t.resolved_ts END,
  CASE WHEN t.evaluated THEN least(t.resolved_ts + make_interval(secs => t.r_evaluate * 3 * 86400), $10::timestamptz) END,
  CASE WHEN t.status = 'closed' THEN least(t.resolved_ts + interval '4 days', $10::timestamptz) END,
  CASE WHEN t.resolved THEN '已处理完毕，已电话告知诉求人。' END,
  CASE WHEN t.status = 'rejected' THEN '不属于受理范围，已告知诉求人。' END,
  CASE WHEN NOT t.evaluated THEN NULL WHEN t.r_satisfaction < 0.75 THEN 'satisfied' WHEN t.r_satisfaction < 0.93 THEN 'basically_satisfied'
       ELSE 'dissatisfied' END,
  t.submitted_at, 1
FROM timed t`;
