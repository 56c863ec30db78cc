import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStationDemo } from './stations-demo.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildTwoCommunities(database.db);
  await seedStationDemo({ database, cipher: undefined as never, tenantId: '370785', shared: {}, progress: () => undefined });
});
afterAll(() => database.close());

describe('seedStationDemo', () => {
  it('puts the county venues and a 议事站 in every compound, with 周六有约 and posted rules', async () => {
    const stations = await database.query<{ name: string; level: string; kind: string; schedule: { weekdays: number[]; note?: string } }>(
      "SELECT name, level, kind, schedule FROM deliberation_station WHERE tenant_id = '370785' ORDER BY name",
    );
    expect(stations.map((s) => [s.name, s.level])).toEqual([
      ['三官一律工作室', 'street'],
      ['凤凰小区议事站', 'compound'],
      ['康成小区议事站', 'compound'],
      ['德邻议事厅', 'community'],
      ['老娘舅拉呱室', 'compound'],
    ]);
    expect(stations.find((s) => s.name === '老娘舅拉呱室')?.kind).toBe('chat_room');
    expect(stations.filter((s) => s.schedule.weekdays.includes(6)).length).toBe(4);
    const [rules] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM deliberation_station_rules WHERE version = 1');
    expect(rules?.n).toBe(5);
    const [other] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM deliberation_station WHERE tenant_id <> '370785'");
    expect(other?.n).toBe(0);
  });
});
