import { createAccount } from '@linli/accounts/testing';
import { one } from '@linli/db';
import { buildDemandWorld, type DemandWorld, submitTestDemand } from '@linli/demands/testing';
import { createNode } from '@linli/territory/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../test/helpers.ts';
import { modules } from './modules.ts';

// What other modules hold on territory nodes follows the tree: a moved compound's demands are seen
// by the staff of the community it now belongs to and no longer by the old one's; a merged
// household takes its demands along (or the merge is refused with a 409 naming them) — as the
// modules declare in their manifests (territoryRefs).

let t: TestApp;
let world: DemandWorld;
let admin: Session;
let oldStaff: Session;
let newStaff: Session;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  world = await buildDemandWorld(db);
  const made = await createAccount(db, {
    tenantId: world.tenantId,
    username: 'territory.admin',
    grants: [{ role: 'system_admin', nodeId: world.tree.county.id }],
  });
  admin = await login(t.app, made.username, made.password);
  // community staff of communities[0] (the compound's community) and of communities[2] (where it moves)
  oldStaff = await login(t.app, world.accounts.community!.username, world.accounts.community!.password);
  newStaff = await login(t.app, world.accounts.otherCommunity!.username, world.accounts.otherCommunity!.password);
});
afterAll(() => t?.close());

async function listedIds(session: Session): Promise<string[]> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/demands?limit=100', headers: session.headers });
  expect(res.statusCode).toBe(200);
  return (res.json().items as { id: string }[]).map((d) => d.id);
}

async function status(session: Session, demandId: string): Promise<number> {
  return (await t.app.inject({ method: 'GET', url: `/api/v1/demands/${demandId}`, headers: session.headers })).statusCode;
}

describe('territory references across modules', () => {
  it('shows the demands of a compound moved to another community to the new community’s staff, not the old one’s', async () => {
    const tree = world.tree;
    const compound = tree.compounds[1]!; // under communities[0]
    const household = tree.households[8]!; // the first household of compounds[1]
    const demand = await submitTestDemand(t.deps.db, world, { nodeId: household.id });
    expect(await listedIds(oldStaff)).toContain(demand.id);
    expect(await listedIds(newStaff)).not.toContain(demand.id);

    // communities[2] has compounds of the same names: this one gets its own first.
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/territory/nodes/${compound.id}`,
      headers: admin.headers,
      payload: { name: '迁入小区' },
    });
    expect(renamed.statusCode).toBe(200);
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/territory/nodes/${compound.id}/move`,
      headers: admin.headers,
      payload: { parentId: tree.communities[2]!.id },
    });
    expect(moved.statusCode, moved.body).toBe(200);

    expect(await listedIds(newStaff)).toContain(demand.id);
    expect(await status(newStaff, demand.id)).toBe(200);
    expect(await listedIds(oldStaff)).not.toContain(demand.id);
    expect(await status(oldStaff, demand.id)).toBe(404);
  });

  it('merges a household that has a demand as the declarations say: re-pointed, or 409 naming the demands — never a 422', async () => {
    const tree = world.tree;
    const target = tree.households[1]!; // households[0..1] share entrances[0] of compounds[0], communities[0]
    const dup = await createNode(t.deps.db, {
      tenantId: world.tenantId,
      parentId: tree.entrances[0]!.id,
      kind: 'household',
      name: '102室（重复）',
    });
    const demand = await submitTestDemand(t.deps.db, world, { nodeId: dup.id });
    const declared = modules.flatMap((m) => m.territoryRefs?.nodes ?? []).find((n) => n.table === 'demand' && n.column === 'node_id');
    expect(declared).toBeDefined();

    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/territory/nodes/${dup.id}/merge`,
      headers: { ...admin.headers, 'accept-language': 'zh-CN' },
      payload: { intoId: target.id },
    });
    const row = await one<{ node_id: string; node_path: string }>(
      t.deps.db,
      sql`SELECT node_id, node_path::text AS node_path FROM demand WHERE id = ${demand.id}`,
    );
    if (declared?.onMerge === 'repoint') {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().moved.references).toEqual(
        expect.arrayContaining([expect.objectContaining({ table: 'demand', column: 'node_id', count: 1 })]),
      );
      expect(row).toEqual({ node_id: target.id, node_path: target.path });
      expect(await status(oldStaff, demand.id)).toBe(200);
      const detail = await t.app.inject({ method: 'GET', url: `/api/v1/demands/${demand.id}`, headers: oldStaff.headers });
      expect(detail.json().nodeId).toBe(target.id);
    } else {
      expect(res.statusCode, res.body).toBe(409);
      const label = declared?.label ?? { 'zh-CN': 'demand', 'en-US': 'demand' };
      expect(res.json().error.message).toContain(label['zh-CN']);
      expect(res.json().error.messageEn).toContain(label['en-US']);
      expect(row).toEqual({ node_id: dup.id, node_path: dup.path });
    }
  });
});
