import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { timelineOf } from '@linli/demands/testing';
import { createNode, createTenant } from '@linli/territory/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResolutionWorld, type ResolutionWorld, resolutionAt, sourceDemand } from '../testing.ts';

let database: Database;
let world: ResolutionWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildResolutionWorld(database.db);
});
afterAll(() => database.close());

describe('createResolution', () => {
  it('records the resolution with its sources, tasks and committee, audited, and notes it in the source demand’s timeline', async () => {
    const demand = await sourceDemand(database.db, world);
    const topicId = '01900000-0000-7000-8000-000000000001';
    const r = await resolutionAt(database.db, world, { topicId, demandIds: [demand.id], proposedRule: '路灯损坏三日内报修' });
    expect(r).toMatchObject({
      title: '更换小区破损路灯',
      nodeId: world.tree.compounds[0]!.id,
      committeeId: world.committeeId,
      topicId,
      demandIds: [demand.id],
      proposedRule: '路灯损坏三日内报修',
      status: 'in_progress',
      progress: 0,
      decidedOn: '2026-01-10',
      taskCount: 2,
      nextDeadline: '2026-02-28',
    });
    expect(r.tasks.map((t) => [t.title, t.ownerName, t.deadline, t.progress])).toEqual([
      ['采购并安装路灯', '物业服务中心', '2026-03-31', 0],
      ['施工期间告知住户', '张楼长', '2026-02-28', 0],
    ]);
    const timeline = await timelineOf(database.db, demand.id);
    const last = timeline[timeline.length - 1]!;
    expect(last).toMatchObject({ action: 'resolution_adopted', from_status: demand.status, to_status: demand.status });
    expect(last.note).toContain('更换小区破损路灯');
    const audit = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'resolutions.resolution.create' AND target_id = $1",
      [r.id],
    );
    expect(audit[0]?.n).toBe(1);
  });

  it('answers a place or demand outside the scope like an unknown one, refuses a building, and writes nothing', async () => {
    const before = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM resolution');
    const codeOf = (p: Promise<unknown>) => p.then(() => 'ok').catch((e: AppError) => e.code);
    // communities[2] is another subdistrict's community; the staff keeps communities[0]
    expect(await codeOf(resolutionAt(database.db, world, { nodeId: world.tree.compounds[4]!.id }))).toBe('not_found');
    expect(await codeOf(resolutionAt(database.db, world, { nodeId: world.tree.buildings[0]!.id }))).toBe('invalid_input');
    expect(await codeOf(resolutionAt(database.db, world, { demandIds: ['01900000-0000-7000-8000-0000000000ff'] }))).toBe('not_found');
    // a compound of another county: the same answer as an unknown place
    await createTenant(database.db, { tenantId: '532601', name: '文山市' });
    let parentId: string | null = null;
    for (const kind of ['county', 'subdistrict', 'community', 'compound'] as const)
      parentId = (await createNode(database.db, { tenantId: '532601', parentId, kind, name: `外县${kind}` })).id;
    expect(await codeOf(resolutionAt(database.db, world, { nodeId: parentId as string }))).toBe('not_found');
    const blank = await resolutionAt(database.db, world, { title: '   ' }).catch((e: AppError) => e);
    expect((blank as AppError).details).toEqual([expect.objectContaining({ field: 'title' })]);
    const after = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM resolution');
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});
