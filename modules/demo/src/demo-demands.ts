import type { PersonalDataCipher } from '@linli/core';
import { type Database, type Db, one, rows } from '@linli/db';
import { generateDemands } from '@linli/demands/testing-scale';
import { sql } from 'drizzle-orm';

/** Demands of the demo county: three years of history, so the dashboard has figures to show. */
export const DEMO_DEMANDS = 20_000;
/** The last week of the demo accounts' community again, so the staff inbox tabs have work in them. */
export const DEMO_RECENT_DEMANDS = 400;

export interface DemoDemandsInput {
  tenantId: string;
  /** The demo accounts' community (community, grid and volunteer accounts; the property compound lies in it). */
  community: { path: string };
  /** The demo resident's household: a few of the recent demands become theirs (/me/demands). */
  household: { id: string; path: string };
  residentName: string;
  /** Encrypts the callers' phones, as intake does (the scale generator writes only masked forms). */
  cipher: PersonalDataCipher;
  end?: Date;
}

export interface DemoDemandsSummary {
  demands: number;
  open: number;
  elapsedMs: number;
}

/**
 * Bulk SQL through the demands module's scale generator (modules/demands/src/testing-scale.ts):
 * 20,000 demands over three years across the county — categories, channels, levels and timing
 * drawn from its distributions, Chinese text from the synthetic corpus — whose KPIs come out of the
 * data (completion ~97 %, satisfaction ~99.5 %, like the seed's figures), plus 400 over the last
 * week in the demo community, many of them still open in every state. Only the demands of the last
 * 120 days have a timeline. Five of the recent ones
 * near the demo resident are re-attributed to them as the reporter. Callers get a full name and a
 * phone stored as intake stores it (protectDemoCallers), so staff can reveal them for a callback.
 */
export async function loadDemoDemands(database: Database, input: DemoDemandsInput): Promise<DemoDemandsSummary> {
  const started = performance.now();
  const end = input.end ?? new Date();
  const { tenantId } = input;
  // Timelines for the last 120 days only: writing ~7 events for every historic demand would double the load time.
  await generateDemands(database.db, { tenantId, count: DEMO_DEMANDS, years: 3, seed: 370_785, end, timelineDays: 120 });
  await generateDemands(database.db, {
    tenantId,
    count: DEMO_RECENT_DEMANDS,
    years: 7 / 365,
    seed: 2026,
    end,
    within: input.community.path,
  });
  await database.db.transaction(async (tx) => {
    const resident = await one<{ id: string }>(tx, sql`SELECT id FROM account WHERE tenant_id = ${tenantId} AND username = 'resident'`);
    if (!resident) return;
    // Demands already in the resident's compound, so their handling unit still contains the place.
    const compound = input.household.path.split('.').slice(0, 4).join('.');
    await tx.execute(sql`UPDATE demand SET node_id = ${input.household.id}::uuid, node_path = ${input.household.path}::ltree,
        reporter_kind = 'resident', reporter_account_id = ${resident.id}::uuid, reporter_name = ${input.residentName},
        reporter_phone_hash = NULL, reporter_phone_masked = NULL, channel = 'mobile'
      WHERE tenant_id = ${tenantId} AND id IN (
        SELECT id FROM demand WHERE tenant_id = ${tenantId} AND node_path <@ ${compound}::ltree
        ORDER BY submitted_at DESC LIMIT 5)`);
  });
  await protectDemoCallers(database.db, input.cipher, tenantId);
  const counts = await one<{ demands: number; open: number }>(
    database.db,
    sql`SELECT count(*)::int AS demands,
          count(*) FILTER (WHERE status NOT IN ('rejected', 'closed', 'merged'))::int AS open
        FROM demand WHERE tenant_id = ${tenantId}`,
  );
  return { demands: counts?.demands ?? 0, open: counts?.open ?? 0, elapsedMs: Math.round(performance.now() - started) };
}

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎'];
const GIVEN = [...'秀英桂兰玉梅建华国强志明淑珍海燕红霞文军永刚丽娟春生德胜立新晓东金凤宝山凤芝振宇雪梅'];

/**
 * The generated callers (reporter_kind 'caller' without an encrypted phone: the scale generator
 * writes only a masked name and a masked phone) get a full name and a mobile number, encrypted,
 * keyed-hashed and masked by the cipher like intake's — what a callback (reveal-contact) reads.
 * Deterministic per demand number; in batches of 5,000 rows. Returns how many were written.
 */
export async function protectDemoCallers(db: Db, cipher: PersonalDataCipher, tenantId: string): Promise<number> {
  const callers = await rows<{ id: string; number: string }>(
    db,
    sql`SELECT id, number FROM demand WHERE tenant_id = ${tenantId} AND reporter_kind = 'caller' AND reporter_phone_enc IS NULL
        ORDER BY number`,
  );
  for (let i = 0; i < callers.length; i += 5000) {
    const batch = callers.slice(i, i + 5000).map((c, j) => {
      const n = i + j;
      const seed = Number(c.number.replace(/\D/g, '')) + n;
      const name = `${SURNAMES[seed % SURNAMES.length]}${GIVEN[(seed * 7) % GIVEN.length]}${n % 3 === 0 ? '' : GIVEN[(seed * 13 + 5) % GIVEN.length]}`;
      const phone = `1${[3, 5, 7, 8, 9][seed % 5]}${String(100_000_000 + ((seed * 7_919 + n * 104_729) % 900_000_000)).slice(-9)}`;
      const p = cipher.protect(phone, 'phone');
      return { id: c.id, name, enc: p.enc, hash: p.hash, masked: p.masked };
    });
    await db.execute(sql`UPDATE demand d SET reporter_name = v.name, reporter_phone_enc = v.enc, reporter_phone_hash = v.hash,
        reporter_phone_masked = v.masked
      FROM json_to_recordset(${JSON.stringify(batch)}::json) AS v(id uuid, name text, enc text, hash text, masked text)
      WHERE d.tenant_id = ${tenantId} AND d.id = v.id`);
  }
  return callers.length;
}
