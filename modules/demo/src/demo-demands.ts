import { type Database, one } from '@linli/db';
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
 * near the demo resident are re-attributed to them as the reporter.
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
  const counts = await one<{ demands: number; open: number }>(
    database.db,
    sql`SELECT count(*)::int AS demands,
          count(*) FILTER (WHERE status NOT IN ('rejected', 'closed', 'merged'))::int AS open
        FROM demand WHERE tenant_id = ${tenantId}`,
  );
  return { demands: counts?.demands ?? 0, open: counts?.open ?? 0, elapsedMs: Math.round(performance.now() - started) };
}
