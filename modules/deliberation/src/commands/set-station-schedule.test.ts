import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStationWorld, type StationWorld, saturdayMornings } from '../station-testing.ts';
import { setStationSchedule } from './set-station-schedule.ts';

let database: Database;
let w: StationWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildStationWorld(database);
});
afterAll(() => database.close());

describe('setStationSchedule', () => {
  it('sets 周六有约 (every Saturday 9:00–11:00) and shows the next five Saturdays; clears it again', async () => {
    const s = await w.create(w.ctx.a, { nodeId: w.tree.a.compound.id, name: '周六有约' });
    expect(s.openings).toEqual([]);
    const set = await database.db.transaction((tx) => setStationSchedule(tx, w.ctx.a, s.id, { schedule: saturdayMornings }));
    expect(set.schedule).toEqual(saturdayMornings);
    expect(set.openings).toHaveLength(5);
    for (const o of set.openings) {
      const china = new Date(new Date(o.start).getTime() + 8 * 3_600_000);
      expect([china.getUTCDay(), china.getUTCHours()]).toEqual([6, 9]);
    }
    const [audit] = await database.query<{ details: { rrule: string } }>(
      "SELECT details FROM audit_event WHERE action = 'deliberation.station.schedule' AND target_id = $1",
      [s.id],
    );
    expect(JSON.stringify(audit?.details)).toContain('FREQ=WEEKLY;BYDAY=SA');
    const cleared = await database.db.transaction((tx) => setStationSchedule(tx, w.ctx.a, s.id, { schedule: null }));
    expect(cleared).toMatchObject({ schedule: null, nextOpening: null, openings: [] });
  });

  it('refuses a rule that ends before it starts, and a station of another community', async () => {
    const s = await w.create(w.ctx.a, { nodeId: w.tree.a.community.id, name: '社区议事站' });
    const bad = await database.db
      .transaction((tx) => setStationSchedule(tx, w.ctx.a, s.id, { schedule: { ...saturdayMornings, end: '08:00' } }))
      .catch((e: AppError) => e.code);
    expect(bad).toBe('invalid_input');
    const other = await database.db
      .transaction((tx) => setStationSchedule(tx, w.ctx.b, s.id, { schedule: saturdayMornings }))
      .catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
    const [row] = await database.query<{ schedule: unknown }>('SELECT schedule FROM deliberation_station WHERE id = $1', [s.id]);
    expect(row?.schedule).toBeNull();
  });
});
