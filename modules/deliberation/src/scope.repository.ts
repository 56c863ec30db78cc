import { newId } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { DeliberationSettings, ScopeChange, ScopeKind } from './contract.ts';
import { defaultScopeKinds, type Redirect, type ScopeList } from './vocabulary.ts';

const iso = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export const DEFAULT_SETTINGS: DeliberationSettings = { supportThreshold: 10, compoundDays: 10, communityDays: 15, subdistrictDays: 20 };

/** SQL of the scope lists (正负面清单), their station overrides and history, and the county's settings. */
export class ScopeRepository {
  constructor(private readonly db: Db) {}

  /** Writes the default lists for a county that has none yet (idempotent). */
  async ensureDefaults(tenantId: string): Promise<void> {
    const existing = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM deliberation_scope_kind WHERE tenant_id = ${tenantId}`,
    );
    if ((existing?.n ?? 0) > 0) return;
    await this.db.execute(sql`INSERT INTO deliberation_scope_kind (tenant_id, code, list, name, description, redirect, position)
      VALUES ${sql.join(
        defaultScopeKinds.map(
          (k, i) => sql`(${tenantId}, ${k.code}, ${k.list}, ${k.name}, ${k.description}, ${k.redirect ?? null}, ${i * 10})`,
        ),
        sql`, `,
      )}
      ON CONFLICT DO NOTHING`);
  }

  /** The kinds as they apply at a station (its overrides over the county list), or the county list. */
  list(tenantId: string, stationId?: string): Promise<ScopeKind[]> {
    return rows<ScopeKind>(
      this.db,
      sql`SELECT k.code, coalesce(o.list, k.list) AS list, k.name, k.description, k.redirect, k.active, k.position,
            k.list AS "countyList", (o.code IS NOT NULL) AS overridden, k.version
          FROM deliberation_scope_kind k
          LEFT JOIN deliberation_station_scope o ON o.tenant_id = k.tenant_id AND o.code = k.code AND o.station_id = ${stationId ?? null}::uuid
          WHERE k.tenant_id = ${tenantId}
          ORDER BY k.list, k.position, k.code`,
    );
  }

  async kind(tenantId: string, code: string, stationId?: string | null): Promise<ScopeKind | undefined> {
    const all = await this.list(tenantId, stationId ?? undefined);
    return all.find((k) => k.code === code);
  }

  async saveKind(
    tenantId: string,
    k: {
      code: string;
      list: ScopeList;
      name: string;
      description: string | null;
      redirect: Redirect | null;
      active: boolean;
      position: number;
    },
    actorId: string,
  ): Promise<void> {
    await this.db.execute(sql`INSERT INTO deliberation_scope_kind (tenant_id, code, list, name, description, redirect, active, position, updated_by)
      VALUES (${tenantId}, ${k.code}, ${k.list}, ${k.name}, ${k.description}, ${k.redirect}, ${k.active}, ${k.position}, ${actorId}::uuid)
      ON CONFLICT (tenant_id, code) DO UPDATE SET list = EXCLUDED.list, name = EXCLUDED.name, description = EXCLUDED.description,
        redirect = EXCLUDED.redirect, active = EXCLUDED.active, position = EXCLUDED.position, updated_by = EXCLUDED.updated_by,
        updated_at = now(), version = deliberation_scope_kind.version + 1`);
  }

  async setStationList(tenantId: string, stationId: string, code: string, list: ScopeList | null, actorId: string): Promise<void> {
    if (list === null) {
      await this.db.execute(
        sql`DELETE FROM deliberation_station_scope WHERE tenant_id = ${tenantId} AND station_id = ${stationId}::uuid AND code = ${code}`,
      );
      return;
    }
    await this.db.execute(sql`INSERT INTO deliberation_station_scope (tenant_id, station_id, code, list, updated_by)
      VALUES (${tenantId}, ${stationId}::uuid, ${code}, ${list}, ${actorId}::uuid)
      ON CONFLICT (tenant_id, station_id, code) DO UPDATE SET list = EXCLUDED.list, updated_by = EXCLUDED.updated_by, updated_at = now()`);
  }

  /** One change; its reason, if given, is kept as `reason` of the `after` document (changes() reads it apart). */
  async recordChange(
    tenantId: string,
    c: {
      stationId: string | null;
      code: string;
      action: string;
      before: unknown;
      after: Record<string, unknown> | null;
      reason?: string | null;
      actorId: string;
      actorName: string;
    },
  ): Promise<void> {
    const after = c.reason ? { ...c.after, reason: c.reason } : (c.after ?? null);
    await this.db.execute(sql`INSERT INTO deliberation_scope_change (tenant_id, id, station_id, code, action, before, after, actor_id, actor_name)
      VALUES (${tenantId}, ${newId()}::uuid, ${c.stationId}::uuid, ${c.code}, ${c.action}, ${JSON.stringify(c.before ?? null)}::jsonb,
              ${JSON.stringify(after)}::jsonb, ${c.actorId}::uuid, ${c.actorName})`);
  }

  /** The history of the county list (stationId absent) or of one station's overrides, newest first. */
  changes(tenantId: string, stationId?: string): Promise<ScopeChange[]> {
    return rows<ScopeChange>(
      this.db,
      sql`SELECT id, station_id AS "stationId", code, action, before, after - 'reason' AS after, after ->> 'reason' AS reason,
            actor_name AS "actorName", ${iso('at')} AS at
          FROM deliberation_scope_change
          WHERE tenant_id = ${tenantId} AND ${stationId ? sql`station_id = ${stationId}::uuid` : sql`station_id IS NULL`}
          ORDER BY at DESC, id DESC LIMIT 500`,
    );
  }

  async settings(tenantId: string): Promise<DeliberationSettings> {
    const row = await one<DeliberationSettings>(
      this.db,
      sql`SELECT support_threshold AS "supportThreshold", compound_days AS "compoundDays", community_days AS "communityDays",
            subdistrict_days AS "subdistrictDays" FROM deliberation_setting WHERE tenant_id = ${tenantId}`,
    );
    return row ?? DEFAULT_SETTINGS;
  }

  async saveSettings(tenantId: string, s: DeliberationSettings, actorId: string): Promise<void> {
    await this.db.execute(sql`INSERT INTO deliberation_setting (tenant_id, support_threshold, compound_days, community_days, subdistrict_days, updated_by)
      VALUES (${tenantId}, ${s.supportThreshold}, ${s.compoundDays}, ${s.communityDays}, ${s.subdistrictDays}, ${actorId}::uuid)
      ON CONFLICT (tenant_id) DO UPDATE SET support_threshold = EXCLUDED.support_threshold, compound_days = EXCLUDED.compound_days,
        community_days = EXCLUDED.community_days, subdistrict_days = EXCLUDED.subdistrict_days, updated_by = EXCLUDED.updated_by, updated_at = now()`);
  }
}
