import { maskPhone } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { revealReporter } from '@linli/demands';
import { buildDemandWorld, type DemandWorld, testCipher } from '@linli/demands/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CALLERS, demoCallers } from './demo-demands.ts';
import { generateDemands } from './generate-demands.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  // The demo's demands, at a small scale: the scale generator with the demo's callers.
  await generateDemands(database.db, {
    tenantId: world.tenantId,
    count: 60,
    years: 7 / 365,
    seed: 2026,
    within: world.tree.communities[0]!.path,
    callers: demoCallers(testCipher, 20),
  });
}, 120_000);
afterAll(() => database?.close());

describe('demo demands', () => {
  it('give every caller a full name and an encrypted phone that a people.pii holder reveals for a callback, audited', async () => {
    const callers = await rows<{ id: string; reporter_phone_masked: string; reporter_phone_hash: string }>(
      database.db,
      sql`SELECT id, reporter_phone_masked, reporter_phone_hash FROM demand WHERE tenant_id = ${world.tenantId} AND reporter_kind = 'caller'`,
    );
    expect(callers.length).toBeGreaterThan(10);
    for (const c of callers.slice(0, 10)) {
      const outcome = await database.db.transaction((tx) => revealReporter(tx, testCipher, world.ctx.grid, c.id));
      if (!('revealed' in outcome)) throw new Error(`reveal refused: ${outcome.denied}`);
      const { name, phone } = outcome.revealed;
      expect(name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(phone).toMatch(/^1[3-9]\d{9}$/);
      // The stored masked form and keyed hash are those of the revealed phone, as intake writes them.
      expect(maskPhone(phone!)).toBe(c.reporter_phone_masked);
      expect(testCipher.hash(phone!)).toBe(c.reporter_phone_hash);
    }
    const [audited] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'demand.reveal' AND result = 'ok' AND tenant_id = $1",
      [world.tenantId],
    );
    expect(audited!.n).toBe(10);
  });

  it('has a pool of distinct callers with valid mobile numbers', () => {
    const pool = demoCallers(testCipher);
    expect(pool).toHaveLength(DEMO_CALLERS);
    expect(new Set(pool.map((c) => c.hash)).size).toBe(DEMO_CALLERS);
    expect(pool.every((c) => /^1[3-9]\d\*{4}\d{4}$/.test(c.masked))).toBe(true);
  });
});
