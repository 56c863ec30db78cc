import { scopePaths } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResidentRepository } from '../resident.repository.ts';
import { auditCount, buildTwoCommunities, contextFor, insertResident, testCipher, validIdNumber } from '../testing.ts';
import { revealResident } from './reveal-resident.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let residentId: string;
const idNumber = validIdNumber('37078519900101123');

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  ({ id: residentId } = await insertResident(database.db, tree.a.h101, { name: '王秀兰', phone: '13812345678', idNumber }));
});
afterAll(() => database.close());

const reveal = (ctx: ReturnType<typeof contextFor>, fields?: ('phone' | 'idNumber')[]) =>
  database.db.transaction((tx) => revealResident(tx, testCipher, ctx, residentId, fields));

describe('revealResident', () => {
  it('reads are masked and write no reveal audit', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const found = await new ResidentRepository(database.db).findById('370785', residentId, scopePaths(ctx.actor, 'people.read'));
    expect(found).toMatchObject({ phone: '138****5678', idNumber: `370785********${idNumber.slice(-4)}` });
    expect(await auditCount(database.db, { tenantId: '370785', action: 'people.reveal', targetId: residentId })).toBe(0);
  });

  it('unmasks for people.pii on the household and audits the fields revealed', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    expect(await reveal(ctx)).toEqual({ revealed: { phone: '13812345678', idNumber } });
    expect(await reveal(ctx, ['phone'])).toEqual({ revealed: { phone: '13812345678' } });
    const audits = await database.query<{ result: string; details: { fields: string[] }; actor_id: string }>(
      `SELECT result, details, actor_id FROM audit_event WHERE tenant_id = '370785' AND action = 'people.reveal' AND target_id = $1 ORDER BY seq`,
      [residentId],
    );
    expect(audits.map((a) => [a.result, a.details.fields])).toEqual([
      ['ok', ['phone', 'idNumber']],
      ['ok', ['phone']],
    ]);
    expect(audits[0]?.actor_id).toBe(ctx.actor.accountId);
  });

  it('is denied and audited for a caller who may read but lacks people.pii', async () => {
    const ctx = contextFor('370785', [{ role: 'property_staff', node: tree.a.community }]);
    expect(await reveal(ctx)).toEqual({ denied: expect.any(String) });
    expect(await auditCount(database.db, { tenantId: '370785', action: 'people.reveal', targetId: residentId, result: 'denied' })).toBe(1);
  });

  it('is denied for people.pii on a sibling community (IDOR)', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    expect(await reveal(ctx)).toHaveProperty('denied');
    const rows = await database.query<{ actor_id: string }>(
      `SELECT actor_id FROM audit_event WHERE action = 'people.reveal' AND result = 'denied' AND target_id = $1`,
      [residentId],
    );
    expect(rows.map((r) => r.actor_id)).toContain(ctx.actor.accountId);
  });

  it("is denied for another tenant's staff, even with people.pii on their whole county", async () => {
    const ctx = contextFor('532601', [{ role: 'subdistrict_staff', node: tree.other.county }]);
    expect(await reveal(ctx)).toHaveProperty('denied');
    expect(await auditCount(database.db, { tenantId: '532601', action: 'people.reveal', targetId: residentId, result: 'denied' })).toBe(1);
  });
});
