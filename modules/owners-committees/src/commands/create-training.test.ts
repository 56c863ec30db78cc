import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommitteeWorld } from '../testing.ts';
import { createTraining } from './create-training.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildCommitteeWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildCommitteeWorld(database.db);
});
afterAll(() => database.close());

describe('createTraining', () => {
  it('records a batch at a place in scope; another community is not found, a bad date names the field', async () => {
    const t = await database.db.transaction((tx) =>
      createTraining(tx, w.street, {
        nodeId: w.tree.subdistrict.id,
        title: ' 业委会履职培训 ',
        heldOn: '2025-04-10',
        placeText: '街道党群服务中心',
      }),
    );
    expect(t).toMatchObject({ title: '业委会履职培训', nodeName: '朝阳街道', heldOn: '2025-04-10', attendees: 0 });
    expect(
      await database.db
        .transaction((tx) => createTraining(tx, w.staffA, { nodeId: w.tree.b.community.id, title: '培训', heldOn: '2025-04-10' }))
        .catch((e: AppError) => e.code),
    ).toBe('not_found');
    expect(
      await database.db
        .transaction((tx) => createTraining(tx, w.staffA, { nodeId: w.tree.a.community.id, title: '培训', heldOn: '2025-13-10' }))
        .catch((e: AppError) => e.details),
    ).toEqual([{ field: 'heldOn', reason: 'is not a date' }]);
  });
});
