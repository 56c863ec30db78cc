import { type AppError, newId } from '@linli/core';
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

/** A deliberation topic at `node`, as the deliberation module stores it. */
async function topicAt(node: { id: string; path: string }): Promise<string> {
  const id = newId();
  await database.query(
    `INSERT INTO deliberation_topic (tenant_id, id, number, title, description, source, node_id, node_path, level)
     VALUES ('370785', $1, $2, '更换路灯', '小区路灯损坏', 'staff', $3, $4::ltree, 'compound')`,
    [id, `T-${id.slice(-6)}`, node.id, node.path],
  );
  return id;
}

describe('createResolution', () => {
  it('records the resolution with its sources, tasks and committee, audited, and notes it in the source demand’s timeline', async () => {
    const demand = await sourceDemand(database.db, world);
    const topicId = await topicAt(world.tree.compounds[0]!);
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

  it('answers a topic or meeting of another community like an unknown one, and a task owner outside the place’s committee likewise', async () => {
    const before = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM resolution');
    const answer = (over: Parameters<typeof resolutionAt>[2]) =>
      resolutionAt(database.db, world, over)
        .then(() => 'created')
        .catch((e: AppError) => `${e.code} ${e.message} ${JSON.stringify(e.details)}`);
    const unknownTopic = await answer({ topicId: newId() });
    expect(unknownTopic).toMatch(/^not_found/);
    // communities[2] is another subdistrict's community, outside the staff's scope
    expect(await answer({ topicId: await topicAt(world.tree.compounds[4]!) })).toBe(unknownTopic);
    const unknownMeeting = await answer({ meetingId: newId() });
    expect(unknownMeeting).toMatch(/^not_found/);
    const council = newId();
    const meeting = newId();
    const far = world.tree.compounds[4]!;
    await database.query(
      `INSERT INTO council (tenant_id, id, node_id, level, kind, name) VALUES ('370785', $1, $2, 'compound', 'council', '外社区议事会')`,
      [council, far.id],
    );
    await database.query(
      `INSERT INTO meeting (tenant_id, id, council_id, node_id, level, title, starts_at, place_text, code)
       VALUES ('370785', $1, $2, $3, 'compound', '外社区议事会', now(), '议事亭', '123456')`,
      [meeting, council, far.id],
    );
    expect(await answer({ meetingId: meeting })).toBe(unknownMeeting);
    const task = (ownerMemberId: string) => ({
      title: '施工期间告知住户',
      ownerKind: 'person' as const,
      ownerName: '张楼长',
      ownerMemberId,
      deadline: '2026-02-28',
    });
    const unknownMember = await answer({ tasks: [task(newId())] });
    expect(unknownMember).toMatch(/^invalid_input/);
    // a member of another compound's committee, named for a resolution of the first compound
    const { createCommittee } = await import('./create-committee.ts');
    const { addMember } = await import('./add-member.ts');
    const other = await database.db.transaction((tx) => createCommittee(tx, world.ctx.community, { nodeId: world.tree.compounds[1]!.id }));
    const stranger = await database.db.transaction((tx) =>
      addMember(tx, world.ctx.community, other.id, { name: '赵大爷', kind: 'elder_sage' }),
    );
    expect(await answer({ tasks: [task(stranger.id)] })).toBe(unknownMember);
    const after = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM resolution');
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});
