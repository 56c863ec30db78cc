import { type Db, one, rows } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { CalendarOverride } from './calendar.ts';

export interface StoredOverride {
  day: string;
  workday: boolean;
  name: string;
}

/**
 * The overrides' stamp over `tenant_calendar_day` rows of one tenant: their count and latest change
 * time ('0' when there are none). Also read by intake's lookup, so one stamp formula serves both.
 */
export const CALENDAR_STAMP = sql`count(*)::text || coalesce('@' || (extract(epoch FROM max(updated_at)) * 1000000)::bigint::text, '')`;

/** A tenant's overrides of the national working-day calendar (tenant_calendar_day). */
export class CalendarRepository {
  constructor(private readonly db: Db) {}

  /** Changes whenever the overrides change: their count and latest change time. '0' when there are none. */
  async stamp(tenantId: string): Promise<string> {
    const row = await one<{ stamp: string }>(
      this.db,
      sql`SELECT ${CALENDAR_STAMP} AS stamp FROM tenant_calendar_day WHERE tenant_id = ${tenantId}`,
    );
    return row?.stamp ?? '0';
  }

  overrides(tenantId: string, year?: number): Promise<(CalendarOverride & StoredOverride)[]> {
    const range = year === undefined ? sql`true` : sql`day >= make_date(${year}::int, 1, 1) AND day < make_date(${year}::int + 1, 1, 1)`;
    return rows<StoredOverride>(
      this.db,
      sql`SELECT to_char(day, 'YYYY-MM-DD') AS day, workday, name FROM tenant_calendar_day
          WHERE tenant_id = ${tenantId} AND ${range} ORDER BY day`,
    );
  }

  /** Replaces one year's overrides with `days` (all inside that year). */
  async replaceYear(tenantId: string, year: number, days: StoredOverride[], actorId: string | null): Promise<void> {
    await this.db.execute(
      sql`DELETE FROM tenant_calendar_day WHERE tenant_id = ${tenantId}
          AND day >= make_date(${year}::int, 1, 1) AND day < make_date(${year}::int + 1, 1, 1)`,
    );
    if (days.length === 0) return;
    await this.db.execute(
      sql`INSERT INTO tenant_calendar_day (tenant_id, day, workday, name, updated_by, updated_at) VALUES ${sql.join(
        days.map((d) => sql`(${tenantId}, ${d.day}::date, ${d.workday}, ${d.name}, ${actorId}::uuid, clock_timestamp())`),
        sql`, `,
      )}`,
    );
  }
}
