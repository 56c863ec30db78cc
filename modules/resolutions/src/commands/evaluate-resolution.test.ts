import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextOf } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluateBody } from '../contract.ts';
import { buildResolutionWorld, type ResolutionWorld, resolutionAt } from '../testing.ts';
import { addMember } from './add-member.ts';
import { evaluateResolution } from './evaluate-resolution.ts';

let database: Database;
let world: ResolutionWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildResolutionWorld(database.db);
});
afterAll(() => database.close());

const body = (memberId: string, month = '2026-02'): EvaluateBody => ({
  month,
  memberId,
  progress: 50,
  quality: 'good',
  satisfaction: 'satisfied',
  comment: '施工有序',
});

describe('evaluateResolution', () => {
  it('lets a member evaluate from their own account, once a month', async () => {
    const r = await resolutionAt(database.db, world);
    const done = await database.db.transaction((tx) => evaluateResolution(tx, world.ctx.neighbour, r.id, body(world.members.neighbour)));
    expect(done.evaluations).toEqual([
      expect.objectContaining({ month: '2026-02', memberName: '李阿姨', progress: 50, quality: 'good', satisfaction: 'satisfied' }),
    ]);
    const again = await database.db
      .transaction((tx) => evaluateResolution(tx, world.ctx.neighbour, r.id, body(world.members.neighbour)))
      .catch((e: AppError) => e.code);
    expect(again).toBe('conflict');
  });

  it('refuses a member who owns a task of the resolution, and a recorder who owns one, writing nothing', async () => {
    const r = await resolutionAt(database.db, world);
    // the building leader owns the second task; staff recording for him are refused too
    const owner = await database.db
      .transaction((tx) => evaluateResolution(tx, world.ctx.community, r.id, body(world.members.leader)))
      .catch((e: AppError) => e);
    expect((owner as AppError).code).toBe('forbidden');
    expect((owner as AppError).message).toContain('owns a task');
    // the neighbour's account owns a task of this one
    const mine = await resolutionAt(database.db, world, {
      title: '楼道堆物清理',
      tasks: [
        {
          title: '劝导清理',
          ownerKind: 'person',
          ownerName: '李阿姨',
          ownerAccountId: world.ctx.neighbour.actor.accountId,
          deadline: '2026-03-01',
        },
      ],
    });
    const own = await database.db
      .transaction((tx) => evaluateResolution(tx, world.ctx.neighbour, mine.id, body(world.members.neighbour)))
      .catch((e: AppError) => e.code);
    expect(own).toBe('forbidden');
    const rows = await database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM resolution_evaluation WHERE resolution_id IN ($1, $2) AND evaluated_at IS NOT NULL',
      [r.id, mine.id],
    );
    expect(rows[0]?.n).toBe(0);
    // staff may record for the elder, who owns nothing
    const recorded = await database.db.transaction((tx) => evaluateResolution(tx, world.ctx.community, r.id, body(world.members.elder)));
    expect(recorded.evaluations[0]?.memberName).toBe('王老师');
  });

  it('refuses someone who is not a member of the resolution’s committee', async () => {
    const r = await resolutionAt(database.db, world);
    // a resident of the compound who is no member cannot evaluate as a member with an account of someone else
    const resident = await database.db
      .transaction((tx) => evaluateResolution(tx, world.ctx.resident, r.id, body(world.members.elder)))
      .catch((e: AppError) => e.code);
    expect(resident).toBe('forbidden');
    // a member of another compound's committee
    const other = world.tree.compounds[1]!;
    const { createCommittee } = await import('./create-committee.ts');
    const c = await database.db.transaction((tx) => createCommittee(tx, world.ctx.community, { nodeId: other.id }));
    const stranger = await database.db.transaction((tx) =>
      addMember(tx, world.ctx.community, c.id, { name: '赵大爷', kind: 'elder_sage' }),
    );
    const refused = await database.db
      .transaction((tx) => evaluateResolution(tx, world.ctx.community, r.id, body(stranger.id)))
      .catch((e: AppError) => e.code);
    expect(refused).toBe('forbidden');
    // staff of another community do not see the resolution at all
    const outsider = (await contextOf(database.db, world.tenantId, 'community_staff', world.tree.communities[1]!)).ctx;
    const hidden = await database.db
      .transaction((tx) => evaluateResolution(tx, outsider, r.id, body(world.members.elder)))
      .catch((e: AppError) => e.code);
    expect(hidden).toBe('not_found');
  });
});
