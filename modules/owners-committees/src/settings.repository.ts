import type { Db } from '@linli/db';
import { one } from '@linli/db';
import { sql } from 'drizzle-orm';
import { defaultPartyRuleFrom } from './vocabulary.ts';

/** The county's setting of the party-share rule date (a row per tenant; the default without one). */
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  async partyRuleFrom(tenantId: string): Promise<string> {
    const row = await one<{ d: string }>(
      this.db,
      sql`SELECT to_char(party_rule_from, 'YYYY-MM-DD') AS d FROM owners_committee_setting WHERE tenant_id = ${tenantId}`,
    );
    return row?.d ?? defaultPartyRuleFrom;
  }

  async setPartyRuleFrom(tenantId: string, date: string, by: string): Promise<void> {
    await this.db.execute(sql`INSERT INTO owners_committee_setting (tenant_id, party_rule_from, updated_by)
      VALUES (${tenantId}, ${date}::date, ${by})
      ON CONFLICT (tenant_id) DO UPDATE SET party_rule_from = EXCLUDED.party_rule_from, updated_by = EXCLUDED.updated_by, updated_at = now()`);
  }
}

/** The rule date as an SQL scalar (the tenant's setting or the default). */
export const ruleDateSql = (tenantId: string) =>
  sql`COALESCE((SELECT s.party_rule_from FROM owners_committee_setting s WHERE s.tenant_id = ${tenantId}), ${defaultPartyRuleFrom}::date)`;
