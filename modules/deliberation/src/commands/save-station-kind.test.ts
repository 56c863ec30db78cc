import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStationWorld, type StationWorld } from '../station-testing.ts';
import { saveStationKind } from './save-station-kind.ts';

let database: Database;
let w: StationWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildStationWorld(database);
});
afterAll(() => database.close());

describe('saveStationKind', () => {
  it('starts a county from the defaults; the county adds its own kind (毫议站), which stations then take', async () => {
    const kinds = await database.db.transaction((tx) => saveStationKind(tx, w.ctx.admin, { code: 'haoyi', name: '毫议站', sortOrder: 1 }));
    expect(kinds.map((k) => k.name)).toEqual(['毫议站', '议事站', '议事厅', '工作室', '议事亭', '议事室']);
    const s = await w.create(w.ctx.a, { nodeId: w.tree.a.compound.id, name: '凤凰小区毫议站', kind: 'haoyi' });
    expect(s.kindName).toBe('毫议站');
  });

  it('hides a kind from new stations; a community worker may not change the list; names stay unique', async () => {
    await database.db.transaction((tx) => saveStationKind(tx, w.ctx.admin, { code: 'room', name: '议事室', active: false }));
    const hidden = await w.create(w.ctx.a, { nodeId: w.tree.a.community.id, name: '议事室', kind: 'room' }).catch((e: AppError) => e.code);
    expect(hidden).toBe('invalid_input');
    const worker = await database.db
      .transaction((tx) => saveStationKind(tx, w.ctx.a, { code: 'tent', name: '帐篷' }))
      .catch((e: AppError) => e.code);
    expect(worker).toBe('forbidden');
    const twice = await database.db
      .transaction((tx) => saveStationKind(tx, w.ctx.admin, { code: 'other', name: '议事厅' }))
      .catch((e: AppError) => e.code);
    expect(twice).toBe('invalid_input');
  });
});
