import { type AppError, newId } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResolutionWorld, outboxCount, type ResolutionWorld, resolutionAt } from '../testing.ts';
import { objectToNotice } from './object-to-notice.ts';
import { publishNotice } from './publish-notice.ts';

let database: Database;
let world: ResolutionWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildResolutionWorld(database.db);
});
afterAll(() => database.close());

describe('publishNotice and objectToNotice', () => {
  it('publishes a compound’s month once, takes a resident’s objection in the window to the committee, and refuses it after', async () => {
    const r = await resolutionAt(database.db, world);
    const notice = await database.db.transaction((tx) =>
      publishNotice(tx, world.ctx.community, { nodeId: world.tree.compounds[0]!.id, month: '2026-02' }),
    );
    expect(notice).toMatchObject({ month: '2026-02', open: true, objections: 0 });
    expect(notice.entries.map((e) => e.title)).toEqual([r.title]);
    const twice = await database.db
      .transaction((tx) => publishNotice(tx, world.ctx.community, { nodeId: world.tree.compounds[0]!.id, month: '2026-02' }))
      .catch((e: AppError) => e.code);
    expect(twice).toBe('conflict');

    const sent = await outboxCount(database.db, 'resolutions.objection_filed');
    await database.db.transaction((tx) =>
      objectToNotice(tx, world.ctx.resident, notice.id, { text: '路灯位置不合理', resolutionId: r.id }),
    );
    expect(await outboxCount(database.db, 'resolutions.objection_filed')).toBe(sent + 1);
    const [event] = await database.query<{ aggregate_id: string }>(
      "SELECT aggregate_id FROM outbox_event WHERE type = 'resolutions.objection_filed' ORDER BY created_at DESC LIMIT 1",
    );
    expect(event?.aggregate_id).toBe(world.committeeId);

    await database.query(
      "UPDATE resolution_publication SET published_at = now() - interval '10 days', objection_until = now() - interval '3 days' WHERE id = $1",
      [notice.id],
    );
    const closed = await database.db
      .transaction((tx) => objectToNotice(tx, world.ctx.resident, notice.id, { text: '还有意见' }))
      .catch((e: AppError) => e);
    expect((closed as AppError).code).toBe('conflict');
    expect((closed as AppError).declared?.code).toBe('resolutions.objection_closed');
    const count = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM resolution_objection WHERE publication_id = $1', [
      notice.id,
    ]);
    expect(count[0]?.n).toBe(1);
  });

  it('answers a notice of another compound, or another county, as not found', async () => {
    const notice = await database.db.transaction((tx) =>
      publishNotice(tx, world.ctx.community, { nodeId: world.tree.compounds[1]!.id, month: '2026-03' }),
    );
    // the resident lives in compounds[0]
    const other = await database.db
      .transaction((tx) => objectToNotice(tx, world.ctx.resident, notice.id, { text: '不是我的小区' }))
      .catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
    const elsewhere = await database.db
      .transaction((tx) => publishNotice(tx, world.ctx.otherCommunity, { nodeId: world.tree.compounds[0]!.id, month: '2026-04' }))
      .catch((e: AppError) => e.code);
    expect(elsewhere).toBe('not_found');
  });

  it('answers a resolution that is not on the notice like an unknown one, and records nothing', async () => {
    const notice = await database.db.transaction((tx) =>
      publishNotice(tx, world.ctx.community, { nodeId: world.tree.compounds[0]!.id, month: '2026-05' }),
    );
    // a resolution of the neighbouring compound: on no notice of this compound
    const elsewhere = await resolutionAt(database.db, world, {
      nodeId: world.tree.compounds[1]!.id,
      title: '邻小区决议',
      tasks: [{ title: '清理楼道', ownerKind: 'unit', ownerName: '物业服务中心', deadline: '2026-03-31' }],
    });
    const answer = (resolutionId: string) =>
      database.db
        .transaction((tx) => objectToNotice(tx, world.ctx.resident, notice.id, { text: '有意见', resolutionId }))
        .then(() => 'recorded')
        .catch((e: AppError) => `${e.code} ${e.message.replaceAll(resolutionId, '<id>')} ${JSON.stringify(e.details ?? [])}`);
    const unknown = await answer(newId());
    expect(unknown).toMatch(/^not_found/);
    expect(await answer(elsewhere.id)).toBe(unknown);
    const count = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM resolution_objection WHERE publication_id = $1', [
      notice.id,
    ]);
    expect(count[0]?.n).toBe(0);
  });
});
