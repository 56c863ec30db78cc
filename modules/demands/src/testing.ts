import { createAccount } from '@linli/accounts/testing';
import { type Actor, newId, PersonalDataCipher, type RequestContext, type Role } from '@linli/core';
import { type Db, rows, type Tx } from '@linli/db';
import { buildSmallTree, createTenant, type SmallTree, type TestNode } from '@linli/territory/testing';
import { sql } from 'drizzle-orm';
import { acceptDemand } from './commands/accept-demand.ts';
import { dispatchDemand } from './commands/dispatch-demand.ts';
import { evaluateDemand } from './commands/evaluate-demand.ts';
import { resolveDemand } from './commands/resolve-demand.ts';
import { startDemand } from './commands/start-demand.ts';
import { submitDemand } from './commands/submit-demand.ts';
import type { Demand, SubmitDemandBody } from './contract.ts';

/**
 * Test factories of the demands module: a county with the small territory tree (the tenant trigger
 * seeds the default categories and departments), real accounts for the actors (timeline and
 * callbacks reference them), and a demand driven to any state through the commands themselves.
 */
export const testCipher = new PersonalDataCipher(Buffer.alloc(32, 7));

export interface DemandWorld {
  tenantId: string;
  tree: SmallTree;
  categories: Record<string, string>;
  departments: Record<string, string>;
  /** Where the staff sit: communities[0] and its first compound, households[0] for the resident. */
  ctx: Record<'county' | 'subdistrict' | 'community' | 'otherCommunity' | 'grid' | 'property' | 'resident' | 'neighbour', RequestContext>;
  accounts: Record<string, { username: string; password: string }>;
}

let serial = 0;

/** A signed-in-like context for a real account holding `role` on `node`. */
export async function contextOf(db: Db, tenantId: string, role: Role, node: TestNode, name?: string) {
  const username = `${name ?? role}.${++serial}.${newId().slice(-6)}`;
  const account = await createAccount(db, { tenantId, username, displayName: name ?? role, grants: [{ role, nodeId: node.id }] });
  const actor: Actor = {
    accountId: account.id,
    username,
    displayName: name ?? role,
    tenantId,
    grants: [{ id: newId(), role, nodeId: node.id, path: node.path, nodeName: node.name, nodeKind: node.kind }],
  };
  return { ctx: { actor, clientIp: '127.0.0.1' } satisfies RequestContext, account };
}

export async function buildDemandWorld(db: Db, tenantId = '370785'): Promise<DemandWorld> {
  await createTenant(db, { tenantId, name: tenantId === '370785' ? '高密市' : `县${tenantId}` });
  const tree = await buildSmallTree(db, tenantId);
  const people: [keyof DemandWorld['ctx'], Role, TestNode][] = [
    ['county', 'county_staff', tree.county],
    ['subdistrict', 'subdistrict_staff', tree.subdistricts[0]!],
    ['community', 'community_staff', tree.communities[0]!],
    ['otherCommunity', 'community_staff', tree.communities[2]!],
    ['grid', 'grid_worker', tree.communities[0]!],
    ['property', 'property_staff', tree.compounds[0]!],
    ['resident', 'resident', tree.households[0]!],
    ['neighbour', 'resident', tree.households[1]!],
  ];
  const ctx = {} as DemandWorld['ctx'];
  const accounts: DemandWorld['accounts'] = {};
  for (const [key, role, node] of people) {
    const made = await contextOf(db, tenantId, role, node, key);
    ctx[key] = made.ctx;
    accounts[key] = made.account;
  }
  const codes = async (table: 'demand_category' | 'department') =>
    Object.fromEntries(
      (await rows<{ code: string; id: string }>(db, sql`SELECT code, id FROM ${sql.identifier(table)} WHERE tenant_id = ${tenantId}`)).map(
        (r) => [r.code, r.id],
      ),
    );
  return { tenantId, tree, categories: await codes('demand_category'), departments: await codes('department'), ctx, accounts };
}

/** Staff intake by the grid worker: a noise complaint (compound level) from a caller at households[0]. */
export function submitTestDemand(db: Db, world: DemandWorld, input: Partial<SubmitDemandBody> = {}, ctx = world.ctx.grid): Promise<Demand> {
  return db.transaction((tx) =>
    submitDemand(tx, testCipher, ctx, {
      channel: 'hotline_12345',
      type: 'complaint',
      categoryId: world.categories.noise!,
      description: '楼上夜间装修噪音扰民',
      nodeId: world.tree.households[0]!.id,
      reporter: { kind: 'caller', name: '王小明', phone: '13812345678' },
      ...input,
    }),
  );
}

export type Stage = 'submitted' | 'accepted' | 'dispatched' | 'in_progress' | 'resolved' | 'evaluated';

/**
 * A demand driven through the commands to `stage`: submitted by the resident of households[0],
 * accepted by the grid worker (first receiver: communities[0]), dispatched to compounds[0],
 * started and resolved by property staff, evaluated by the resident as `satisfaction`.
 */
export async function demandAt(
  db: Db,
  world: DemandWorld,
  stage: Stage,
  options: { satisfaction?: 'satisfied' | 'basically_satisfied' | 'dissatisfied' } = {},
): Promise<Demand> {
  const order: Stage[] = ['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'evaluated'];
  const upTo = order.indexOf(stage);
  const t = <T>(fn: (tx: Tx) => Promise<T>) => db.transaction(fn);
  let d = await t((tx) =>
    submitDemand(tx, testCipher, world.ctx.resident, {
      type: 'complaint',
      categoryId: world.categories.noise!,
      description: '楼道里每天晚上有噪音',
      nodeId: world.tree.households[0]!.id,
    }),
  );
  const steps: ((id: string) => Promise<Demand>)[] = [
    (id) => t((tx) => acceptDemand(tx, world.ctx.grid, id)),
    (id) => t((tx) => dispatchDemand(tx, world.ctx.community, id)),
    (id) => t((tx) => startDemand(tx, world.ctx.property, id)),
    (id) => t((tx) => resolveDemand(tx, world.ctx.property, id, { result: '已上门协调，噪音已停止' })),
    (id) => t((tx) => evaluateDemand(tx, world.ctx.resident, id, { satisfaction: options.satisfaction ?? 'satisfied' })),
  ];
  for (let i = 0; i < upTo; i++) d = await steps[i]!(d.id);
  return d;
}

export async function timelineOf(db: Db, demandId: string) {
  return rows<{ seq: number; action: string; from_status: string | null; to_status: string; note: string | null }>(
    db,
    sql`SELECT seq, action, from_status, to_status, note FROM demand_event WHERE demand_id = ${demandId}::uuid ORDER BY seq`,
  );
}

export async function countWhere(db: Db, table: 'audit_event' | 'outbox_event', column: string, value: string): Promise<number> {
  const r = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${value}`,
  );
  return r[0]?.n ?? 0;
}

/** The commands other modules' tests drive a demand with (the notifications tests accept a caller's demand). */
export { acceptDemand, dispatchDemand };
