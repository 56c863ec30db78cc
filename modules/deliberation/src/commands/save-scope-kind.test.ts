import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { testCipher } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScopeRepository } from '../scope.repository.ts';
import { buildTopicWorld, refusal, type TopicWorld } from '../topic-testing.ts';
import { createStation } from './create-station.ts';
import { saveScopeKind } from './save-scope-kind.ts';
import { screenTopic } from './screen-topic.ts';
import { setStationScope } from './set-station-scope.ts';

let database: Database;
let world: TopicWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildTopicWorld(database.db);
});
afterAll(() => database.close());

describe('scope lists', () => {
  it('start from 9 allowed and 6 excluded kinds; each excluded kind says where its topics go', async () => {
    const scopes = new ScopeRepository(database.db);
    await scopes.ensureDefaults(world.tenantId);
    const kinds = await scopes.list(world.tenantId);
    expect(kinds.filter((k) => k.list === 'allowed')).toHaveLength(9);
    const excluded = kinds.filter((k) => k.list === 'excluded');
    expect(excluded).toHaveLength(6);
    expect(excluded.every((k) => k.redirect !== null)).toBe(true);
  });

  it('are edited by the county with history (who, when, before and after); others may not', async () => {
    const items = await database.db.transaction((tx) =>
      saveScopeKind(tx, world.ctx.county, { code: 'pets', list: 'allowed', name: '文明养犬', description: '犬只登记、牵绳' }),
    );
    expect(items.find((k) => k.code === 'pets')).toMatchObject({ name: '文明养犬', version: 2 });
    await database.db.transaction((tx) =>
      saveScopeKind(tx, world.ctx.county, { code: 'square_dance', list: 'excluded', name: '广场舞场地之争', redirect: 'mediation' }),
    );
    const history = await new ScopeRepository(database.db).changes(world.tenantId);
    expect(history.map((c) => [c.code, c.action, c.actorName])).toEqual([
      ['square_dance', 'create', 'county'],
      ['pets', 'update', 'county'],
    ]);
    expect(history[1]).toMatchObject({ before: { name: '文明养宠' }, after: { name: '文明养犬' } });
    expect(
      await refusal(database.db.transaction((tx) => saveScopeKind(tx, world.ctx.community, { code: 'x_y', list: 'allowed', name: 'x' }))),
    ).toBe('forbidden');
    expect(
      await refusal(database.db.transaction((tx) => saveScopeKind(tx, world.ctx.county, { code: 'x_y', list: 'excluded', name: 'x' }))),
    ).toBe('invalid_input');
  });

  it('are overridden per station with history, and screening follows the station', async () => {
    const station = await database.db.transaction((tx) =>
      createStation(tx, world.ctx.community, { name: '一号毫议站', kind: 'station', nodeId: world.tree.compounds[0]!.id }),
    );
    const items = await database.db.transaction((tx) =>
      setStationScope(tx, world.ctx.community, { stationId: station.id, code: 'elevator', list: 'excluded', reason: ' 多层无加装条件 ' }),
    );
    expect(items.find((k) => k.code === 'elevator')).toMatchObject({ list: 'excluded', countyList: 'allowed', overridden: true });
    const topic = await world.submit({ stationId: station.id, title: '加装电梯' });
    expect(
      await refusal(
        database.db.transaction((tx) =>
          screenTopic(tx, testCipher, world.ctx.community, topic.id, { version: 1, outcome: 'admissible', kindCode: 'elevator' }),
        ),
      ),
    ).toBe('deliberation.kind_on_other_list');
    await database.db.transaction((tx) =>
      setStationScope(tx, world.ctx.community, { stationId: station.id, code: 'elevator', list: null }),
    );
    const history = await new ScopeRepository(database.db).changes(world.tenantId, station.id);
    expect(history.map((c) => c.action)).toEqual(['clear_override', 'override']);
    expect(history.map((c) => c.reason)).toEqual([null, '多层无加装条件']);
    expect(history[1]).toMatchObject({ before: { list: 'allowed', overridden: false }, after: { list: 'excluded', overridden: true } });
    expect(history[1]!.after).not.toHaveProperty('reason');
    expect(
      await refusal(
        database.db.transaction((tx) =>
          setStationScope(tx, world.ctx.otherCommunity, { stationId: station.id, code: 'elevator', list: 'excluded' }),
        ),
      ),
    ).toBe('not_found');
  });
});
