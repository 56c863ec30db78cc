import fs from 'node:fs';
import { isValidIdNumber, maskPhone, PersonalDataCipher } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { importDivisions } from '@linli/territory/commands/import-divisions';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSummary, demoAccounts, isDemoNeeded, loadDemo } from './index.ts';

const cipher = new PersonalDataCipher(Buffer.alloc(32, 7));
let database: Database;
let summary: DemoSummary;
let neededBefore: boolean;

beforeAll(async () => {
  database = await createTestDatabase();
  neededBefore = await isDemoNeeded(database);
  summary = await loadDemo({ database, cipher });
}, 900_000);
afterAll(async () => {
  await database?.close();
});

describe('loadDemo', () => {
  it('is needed on an empty database and not after loading', async () => {
    expect(neededBefore).toBe(true);
    expect(await isDemoNeeded(database)).toBe(false);
  });

  it('meets the published figures of 高密市', () => {
    expect(summary.counts).toMatchObject({
      subdistricts: 10,
      communities: 910,
      urban_communities: 44,
      compounds: 225,
      compound_branches: 219,
      building_groups: 1634,
      member_households: 5326,
      dual_registrations: 75,
      accounts: demoAccounts.length,
    });
    expect(summary.counts.buildings).toBeGreaterThanOrEqual(1700);
  });

  it('links every member household to its household node and a party member as secretary', async () => {
    const [row] = await rows<{ bad: number }>(
      database.db,
      sql`SELECT count(*)::int AS bad FROM party_org o
          LEFT JOIN territory_node n ON n.tenant_id = o.tenant_id AND n.id = o.node_id
          LEFT JOIN resident r ON r.tenant_id = o.tenant_id AND r.id = o.secretary_id
          WHERE o.kind = 'member_household' AND (n.kind IS DISTINCT FROM 'household' OR r.household_id IS DISTINCT FROM o.node_id OR NOT r.is_party_member)`,
    );
    expect(row?.bad).toBe(0);
  });

  it('covers every building with one grid and one micro-grid', async () => {
    const [row] = await rows<{ bad: number }>(
      database.db,
      sql`SELECT count(*)::int AS bad FROM territory_node b
          WHERE b.kind = 'building' AND (
            (SELECT count(*) FROM grid_building gb JOIN grid g ON g.tenant_id = gb.tenant_id AND g.id = gb.grid_id
             WHERE gb.tenant_id = b.tenant_id AND gb.building_id = b.id AND g.level = 'grid') <> 1 OR
            (SELECT count(*) FROM grid_building gb JOIN grid g ON g.tenant_id = gb.tenant_id AND g.id = gb.grid_id
             WHERE gb.tenant_id = b.tenant_id AND gb.building_id = b.id AND g.level = 'micro_grid') <> 1)`,
    );
    expect(row?.bad).toBe(0);
  });

  it('stores every phone encrypted, decryptable and masked, and only synthetic ID numbers', async () => {
    const residents = await rows<{ phone_enc: string; phone_masked: string; id_number_enc: string; id_number_masked: string }>(
      database.db,
      sql`SELECT phone_enc, phone_masked, id_number_enc, id_number_masked FROM resident`,
    );
    expect(residents.length).toBe(summary.counts.residents);
    for (const r of residents) {
      const phone = cipher.decrypt(r.phone_enc);
      expect(phone).toMatch(/^1[3-9]\d0000\d{4}$/);
      expect(r.phone_masked).toBe(maskPhone(phone));
    }
    for (const r of residents.slice(0, 2000)) {
      const id = cipher.decrypt(r.id_number_enc);
      expect(isValidIdNumber(id)).toBe(true);
      expect(id.startsWith('370785')).toBe(true);
      expect(r.id_number_masked).toMatch(/^370785\*{8}\d{3}[\dX]$/);
    }
  });

  it('grants the demo accounts on the documented scopes', () => {
    expect(summary.accounts).toEqual(demoAccounts);
  });

  it('records one demo.load audit event per tenant', async () => {
    const events = await rows<{ tenant_id: string }>(
      database.db,
      sql`SELECT tenant_id FROM audit_event WHERE action = 'demo.load' ORDER BY tenant_id`,
    );
    expect(events.map((e) => e.tenant_id)).toEqual(['341602', '370785', '532601']);
  });

  it('changes nothing when the divisions are imported a second time', async () => {
    const dir = new URL('../../territory/data/divisions/', import.meta.url);
    const before = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM territory_node`);
    for (const file of ['streets_gaomi_wenshan_qiaocheng.csv', 'villages_gaomi_wenshan_qiaocheng.csv']) {
      const csvText = fs.readFileSync(new URL(file, dir), 'utf8');
      const result = await database.db.transaction((tx) => importDivisions(tx, { tenantId: '370785', csvText }));
      expect(result).toEqual({ created: 0, updated: 0 });
    }
    expect(await rows(database.db, sql`SELECT count(*)::int AS n FROM territory_node`)).toEqual(before);
  });
});
