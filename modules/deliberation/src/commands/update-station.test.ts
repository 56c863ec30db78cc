import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStationWorld, type StationWorld } from '../station-testing.ts';
import { updateStation } from './update-station.ts';

let database: Database;
let w: StationWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildStationWorld(database);
});
afterAll(() => database.close());

describe('updateStation', () => {
  it('changes room, area, map point and kind on the version seen, moving the version on; audited', async () => {
    const s = await w.create(w.ctx.a, { nodeId: w.tree.a.compound.id, name: '凤凰小区议事站' });
    const changed = await database.db.transaction((tx) =>
      updateStation(tx, w.ctx.a, s.id, { version: s.version, room: ' 闲置岗亭 ', areaM2: 12, lat: 36.38, lng: 119.75, kind: 'pavilion' }),
    );
    expect(changed).toMatchObject({
      room: '闲置岗亭',
      areaM2: 12,
      lat: 36.38,
      lng: 119.75,
      kind: 'pavilion',
      kindName: '议事亭',
      version: s.version + 1,
    });
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'deliberation.station.update' AND target_id = $1",
      [s.id],
    );
    expect(audit?.n).toBe(1);
  });

  it('refuses a stale version, and answers a station of another community or county as unknown', async () => {
    const s = await w.create(w.ctx.a, { nodeId: w.tree.a.community.id, name: '凤凰社区议事厅', kind: 'hall' });
    await database.db.transaction((tx) => updateStation(tx, w.ctx.a, s.id, { version: s.version, name: '凤凰社区议事大厅' }));
    const stale = await database.db
      .transaction((tx) => updateStation(tx, w.ctx.a, s.id, { version: s.version, name: '旧名' }))
      .catch((e: AppError) => e.code);
    expect(stale).toBe('conflict');
    for (const who of [w.ctx.b, w.ctx.other]) {
      const other = await database.db
        .transaction((tx) => updateStation(tx, who, s.id, { version: s.version + 1, name: '越权' }))
        .catch((e: AppError) => e.code);
      expect(other).toBe('not_found');
    }
    const [row] = await database.query<{ name: string }>('SELECT name FROM deliberation_station WHERE id = $1', [s.id]);
    expect(row?.name).toBe('凤凰社区议事大厅');
  });
});
