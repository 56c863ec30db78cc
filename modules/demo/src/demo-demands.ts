import type { PersonalDataCipher } from '@linli/core';
import { type Database, one } from '@linli/db';
import { generateCategoryTexts } from '@linli/demand-smart';
import { sql } from 'drizzle-orm';
import { withIndexesDeferred } from './bulk-insert.ts';
import { type GeneratedCaller, generateDemands, type ScaleText } from './generate-demands.ts';

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
  /** Encrypts the callers' phones, as intake does (demoCallers; the scale generator draws them in turn). */
  cipher: PersonalDataCipher;
  end?: Date;
}

export interface DemoDemandsSummary {
  demands: number;
  open: number;
  elapsedMs: number;
}

/**
 * Bulk SQL through the demo's scale generator (generate-demands.ts):
 * 20,000 demands over three years across the county — categories, channels, levels and timing
 * drawn from its distributions, Chinese text written for each leaf category and place (demoDemandTexts) — whose KPIs come out of the
 * data (completion ~97 %, satisfaction ~99.5 %, like the seed's figures), plus 400 over the last
 * eight days in the demo community, many of them still open in every state. Only the demands of the last
 * 120 days have a timeline. Five of the recent ones
 * near the demo resident are re-attributed to them as the reporter. Callers get a full name and a
 * phone stored as intake stores it (demoCallers), so staff can reveal them for a callback.
 */
export async function loadDemoDemands(database: Database, input: DemoDemandsInput): Promise<DemoDemandsSummary> {
  const started = performance.now();
  const end = input.end ?? new Date();
  const { tenantId } = input;
  // One transaction with the GiST indexes of demand dropped until the end: both generator runs, the
  // resident's demands and the callers' phones are written without maintaining nine ltree indexes
  // row by row, and each index is built once at the end (bulk-insert.ts).
  const callers = demoCallers(input.cipher);
  await database.db.transaction((tx) =>
    withIndexesDeferred(tx, 'demand', ['gist'], async () => {
      // Timelines for the last 120 days only: writing ~7 events for every historic demand would double the load time.
      const texts = demoDemandTexts();
      await generateDemands(tx, {
        tenantId,
        texts,
        count: DEMO_DEMANDS,
        years: 3,
        seed: 370_785,
        end,
        timelineDays: 120,
        deferIndexes: false,
        callers,
      });
      await generateDemands(tx, {
        tenantId,
        texts,
        count: DEMO_RECENT_DEMANDS,
        // Eight days, so that whatever the hour of loading some of them are in the last day before
        // their 7-day resolution deadline.
        years: 8 / 365,
        seed: 2026,
        end,
        within: input.community.path,
        // A backlog, as a community really has: some of the week's demands are still being handled
        // when their resolution deadline comes near, so 即将超期 and 已超期 hold work too.
        stalledShare: 0.12,
        deferIndexes: false,
        callers,
      });
      // The generator switched the KPI rollup triggers off for the rest of this transaction (SET LOCAL):
      // the changes below are counted again, as they were in their own transactions.
      await tx.execute(sql`SELECT set_config('linli.kpi_rollup', 'on', true)`);
      const resident = await one<{ id: string }>(tx, sql`SELECT id FROM account WHERE tenant_id = ${tenantId} AND username = 'resident'`);
      if (resident) {
        // Demands already in the resident's compound, so their handling unit still contains the place.
        const compound = input.household.path.split('.').slice(0, 4).join('.');
        await tx.execute(sql`UPDATE demand SET node_id = ${input.household.id}::uuid, node_path = ${input.household.path}::ltree,
            reporter_kind = 'resident', reporter_account_id = ${resident.id}::uuid, reporter_name = ${input.residentName},
            reporter_phone_hash = NULL, reporter_phone_masked = NULL, channel = 'mobile'
          WHERE tenant_id = ${tenantId} AND id IN (
            SELECT id FROM demand WHERE tenant_id = ${tenantId} AND node_path <@ ${compound}::ltree
            ORDER BY submitted_at DESC LIMIT 5)`);
      }
    }),
  );
  const counts = await one<{ demands: number; open: number }>(
    database.db,
    sql`SELECT count(*)::int AS demands,
          count(*) FILTER (WHERE status NOT IN ('rejected', 'closed', 'merged'))::int AS open
        FROM demand WHERE tenant_id = ${tenantId}`,
  );
  return { demands: counts?.demands ?? 0, open: counts?.open ?? 0, elapsedMs: Math.round(performance.now() - started) };
}

/**
 * What the demo's demands say: demand-smart's per-category corpus (category-texts.ts), one pool
 * for households of compounds and one for villages, each text written for its leaf category; the
 * generator fills in the names of the place each demand is filed at.
 */
export function demoDemandTexts(seed = 370_785): ScaleText[] {
  return generateCategoryTexts({ count: 3000, villageCount: 1000, seed });
}

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎'];
const GIVEN = [...'秀英桂兰玉梅建华国强志明淑珍海燕红霞文军永刚丽娟春生德胜立新晓东金凤宝山凤芝振宇雪梅'];

/** Callers of the demo county's demands. */
export const DEMO_CALLERS = 2000;

/**
 * The people who call in: a full name and a mobile number each, stored as intake stores a caller
 * (encrypted, keyed hash, masked by the cipher), so a callback's reveal (reveal-contact) returns
 * them. Deterministic names and numbers; the scale generator draws them in turn.
 */
export function demoCallers(cipher: PersonalDataCipher, count = DEMO_CALLERS): GeneratedCaller[] {
  return Array.from({ length: count }, (_, n) => {
    const name = `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7 + 3) % GIVEN.length]}${n % 3 === 0 ? '' : GIVEN[(n * 13 + 5) % GIVEN.length]}`;
    const phone = `1${[3, 5, 7, 8, 9][n % 5]}${String(100_000_000 + ((n * 7_919 + 104_729) % 900_000_000)).slice(-9)}`;
    const p = cipher.protect(phone, 'phone');
    return { name, enc: p.enc as string, hash: p.hash as string, masked: p.masked as string };
  });
}
