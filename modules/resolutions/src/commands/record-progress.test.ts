import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { timelineOf } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResolutionWorld, outboxCount, type ResolutionWorld, resolutionAt, sourceDemand } from '../testing.ts';
import { completeResolution } from './complete-resolution.ts';
import { recordProgress } from './record-progress.ts';

let database: Database;
let world: ResolutionWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildResolutionWorld(database.db);
});
afterAll(() => database.close());

const progress = (resolutionId: string, taskId: string, value: number, note = '进展') =>
  database.db.transaction((tx) => recordProgress(tx, world.ctx.community, resolutionId, taskId, { progress: value, note }));

describe('recordProgress', () => {
  it('rolls the resolution’s progress up from its tasks, and keeps milestones per task', async () => {
    const r = await resolutionAt(database.db, world);
    const [a, b] = r.tasks;
    expect((await progress(r.id, a!.id, 40, '路灯已采购')).progress).toBe(20);
    const after = await progress(r.id, b!.id, 60, '已张贴告知');
    expect(after.progress).toBe(50);
    expect(after.tasks.map((t) => t.progress)).toEqual([40, 60]);
    expect(after.tasks[0]!.milestones.map((m) => [m.note, m.progress])).toEqual([['路灯已采购', 40]]);
    // 100 and 99 make 99.5 on average: not done until every task is
    await progress(r.id, a!.id, 100);
    const almost = await progress(r.id, b!.id, 99);
    expect(almost).toMatchObject({ progress: 99, status: 'in_progress' });
    const early = await database.db.transaction((tx) => completeResolution(tx, world.ctx.community, r.id)).catch((e: AppError) => e.code);
    expect(early).toBe('conflict');
  });

  it('completes the resolution when every task is done and notes it in each source demand’s timeline', async () => {
    const demand = await sourceDemand(database.db, world);
    const r = await resolutionAt(database.db, world, { demandIds: [demand.id] });
    const events = await outboxCount(database.db, 'resolutions.resolution_completed');
    await progress(r.id, r.tasks[0]!.id, 100);
    const done = await progress(r.id, r.tasks[1]!.id, 100, '全部完工');
    expect(done).toMatchObject({ progress: 100, status: 'completed' });
    expect(done.completedAt).not.toBeNull();
    expect(await outboxCount(database.db, 'resolutions.resolution_completed')).toBe(events + 1);
    const timeline = await timelineOf(database.db, demand.id);
    expect(timeline.map((e) => e.action).slice(-2)).toEqual(['resolution_adopted', 'resolution_completed']);
    expect(timeline[timeline.length - 1]!.note).toBe('决议「更换小区破损路灯」已办结');
    // a completed resolution takes no more progress
    const late = await progress(r.id, r.tasks[0]!.id, 90).catch((e: AppError) => e.code);
    expect(late).toBe('conflict');
  });

  it('answers a task of another resolution and a resolution outside the scope as not found', async () => {
    const r = await resolutionAt(database.db, world);
    const other = await resolutionAt(database.db, world, { title: '另一项决议' });
    expect(await progress(r.id, other.tasks[0]!.id, 10).catch((e: AppError) => e.code)).toBe('not_found');
    const outsider = await database.db
      .transaction((tx) => recordProgress(tx, world.ctx.otherCommunity, r.id, r.tasks[0]!.id, { progress: 10, note: '越权' }))
      .catch((e: AppError) => e.code);
    expect(outsider).toBe('not_found');
  });
});
