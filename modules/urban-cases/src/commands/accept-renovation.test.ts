import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urbanCaseFigures } from '../figures.ts';
import { buildUrbanWorld, memoryFiles, onePixelPng, renovationBody } from '../testing.ts';
import { acceptRenovation } from './accept-renovation.ts';
import { addRenovationPhoto } from './add-renovation-photo.ts';
import { createRenovation } from './create-renovation.ts';
import { startRenovation } from './start-renovation.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildUrbanWorld>>;
beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildUrbanWorld(database);
});
afterAll(() => database.close());

describe('acceptRenovation', () => {
  it('accepts a project under way with a photo of the acceptance, on a day not in the future; its compound counts as renovated', async () => {
    const { tree } = world;
    const files = memoryFiles();
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const run = <T>(fn: (tx: Parameters<typeof acceptRenovation>[0]) => Promise<T>) => database.db.transaction(fn);
    const p = await run((tx) => createRenovation(tx, ctx, renovationBody(tree.a.compound.id)));
    const now = new Date('2026-10-15T04:00:00Z');
    expect(
      await run((tx) => acceptRenovation(tx, ctx, p.id, { version: 1, acceptedOn: '2026-10-15' }, now)).catch((e: AppError) => e.code),
    ).toBe('conflict');
    await run((tx) => startRenovation(tx, ctx, p.id, { version: 1 }));
    expect(
      await run((tx) => acceptRenovation(tx, ctx, p.id, { version: 2, acceptedOn: '2026-10-15' }, now)).catch((e: AppError) => e.code),
    ).toBe('invalid_input');
    await run((tx) =>
      addRenovationPhoto(tx, files, ctx, p.id, { stage: 'acceptance', caption: '验收', fileName: 'a.png', bytes: onePixelPng }),
    );
    expect(
      await run((tx) => acceptRenovation(tx, ctx, p.id, { version: 2, acceptedOn: '2026-10-16' }, now)).catch((e: AppError) => e.code),
    ).toBe('invalid_input');
    const accepted = await run((tx) => acceptRenovation(tx, ctx, p.id, { version: 2, acceptedOn: '2026-10-15', note: '合格' }, now));
    expect(accepted).toMatchObject({ status: 'accepted', acceptedOn: '2026-10-15', acceptanceNote: '合格' });
    const f = await urbanCaseFigures(
      database.db,
      { tenantId: '370785', paths: [tree.county.path] },
      { from: '2026-10-01', to: '2026-11-01' },
    );
    expect(f.renovatedCompounds).toBe(1);
  });
});
