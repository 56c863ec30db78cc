import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StationRepository } from '../station.repository.ts';
import { buildStationWorld, type StationWorld, saturdayMornings } from '../station-testing.ts';

let database: Database;
let w: StationWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildStationWorld(database);
});
afterAll(() => database.close());

const code = (p: Promise<unknown>) => p.then(() => 'ok').catch((e: AppError) => e.code);
const count = async () => (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM deliberation_station'))[0]?.n;

describe('createStation', () => {
  it('sets up a compound station whose level follows the node, with its place and next opening, audited', async () => {
    const s = await w.create(w.ctx.a, {
      nodeId: w.tree.a.compound.id,
      name: ' 凤凰小区议事站 ',
      room: '物业用房二楼',
      areaM2: 36.5,
      schedule: saturdayMornings,
    });
    expect(s).toMatchObject({
      name: '凤凰小区议事站',
      level: 'compound',
      kind: 'station',
      kindName: '议事站',
      nodeName: '凤凰小区',
      room: '物业用房二楼',
      areaM2: 36.5,
    });
    expect(s.place).toEqual(['高密市', '朝阳街道', '凤凰社区', '凤凰小区']);
    expect(s.openings).toHaveLength(5);
    expect(new Date(s.nextOpening!.start).getUTCDay()).toBe(6);
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'deliberation.station.create' AND target_id = $1",
      [s.id],
    );
    expect(audit?.n).toBe(1);
    const street = await w.create(w.ctx.street, { nodeId: w.tree.subdistrict.id, name: '朝阳街道议事厅', kind: 'hall' });
    expect(street.level).toBe('street');
  });

  it('refuses a place of another community or county as unknown, and a building as no station place; writes nothing', async () => {
    const before = await count();
    expect(await code(w.create(w.ctx.a, { nodeId: w.tree.b.compound.id }))).toBe('not_found');
    expect(await code(w.create(w.ctx.a, { nodeId: w.tree.other.community.id }))).toBe('not_found');
    expect(await code(w.create(w.ctx.other, { nodeId: w.tree.a.community.id }))).toBe('not_found');
    expect(await code(w.create(w.ctx.a, { nodeId: w.tree.a.building.id }))).toBe('invalid_input');
    expect(await count()).toBe(before);
  });

  it('refuses a kind off the county list, a taken name and a bad schedule, naming the field', async () => {
    expect(await code(w.create(w.ctx.a, { nodeId: w.tree.a.community.id, kind: 'castle' }))).toBe('invalid_input');
    await w.create(w.ctx.a, { nodeId: w.tree.a.community.id, name: '凤凰社区议事厅', kind: 'hall' });
    const taken = await w
      .create(w.ctx.a, { nodeId: w.tree.a.community.id, name: '凤凰社区议事厅', kind: 'hall' })
      .catch((e: AppError) => e);
    expect((taken as AppError).code).toBe('conflict');
    const bad = await w
      .create(w.ctx.a, {
        nodeId: w.tree.a.community.id,
        name: '夜间议事站',
        schedule: { ...saturdayMornings, start: '20:00', end: '19:00' },
      })
      .catch((e: AppError) => e);
    expect((bad as AppError).code).toBe('invalid_input');
    expect(JSON.stringify((bad as AppError).details)).toContain('schedule.end');
  });

  it('lists stations of the caller scope only: another community sees none of them', async () => {
    const repo = new StationRepository(database.db);
    const mine = await repo.list('370785', [w.tree.a.community.path], {}, { limit: 50 });
    expect(mine.items.length).toBeGreaterThan(0);
    expect((await repo.list('370785', [w.tree.b.community.path], {}, { limit: 50 })).items).toEqual([]);
    expect((await repo.list('370785', [w.tree.a.community.path], { level: 'compound' }, { limit: 50 })).items.map((s) => s.name)).toEqual([
      '凤凰小区议事站',
    ]);
  });
});
