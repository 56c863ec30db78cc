import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildDemandWorld, countWhere, type DemandWorld } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemandImportConfig } from '../contract.ts';
import { nyc311Config } from '../presets.ts';
import { createMapping } from './create-mapping.ts';
import { deleteMapping } from './delete-mapping.ts';
import { updateMapping } from './update-mapping.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(async () => {
  await database.close();
});

const tx = <T>(fn: (t: Database['db']) => Promise<T>) => database.db.transaction((t) => fn(t as unknown as Database['db']));

describe('mapping commands', () => {
  it('checks what the schema cannot: default category, coordinates in pairs, the default place of this county', async () => {
    const config: DemandImportConfig = {
      ...nyc311Config,
      columns: { ...nyc311Config.columns, category: null, lng: null, description: ['Descriptor', 'Descriptor'] },
      defaults: { ...nyc311Config.defaults, categoryCode: null, nodeId: '01900000-0000-7000-8000-00000000dead' },
    };
    await expect(tx((t) => createMapping(t, world.ctx.county, { name: 'bad', config }))).rejects.toMatchObject({
      code: 'invalid_input',
      details: [
        { field: 'config.defaults.categoryCode', reason: 'is required when no column holds the category' },
        { field: 'config.defaults.nodeId', reason: 'is not a place in this county', value: '01900000-0000-7000-8000-00000000dead' },
        { field: 'config.columns.description', reason: 'names a column twice' },
        { field: 'config.columns.lat', reason: 'latitude and longitude go together' },
      ],
    });
    expect(await countWhere(database.db, 'audit_event', 'action', 'demand.import_mapping.create')).toBe(0);
  });

  it('creates, renames with the version seen, and deletes — each audited; community staff may not', async () => {
    await expect(tx((t) => createMapping(t, world.ctx.community, { name: 'NYC', config: nyc311Config }))).rejects.toMatchObject({
      code: 'forbidden',
    });
    const created = await tx((t) => createMapping(t, world.ctx.county, { name: '  NYC  ', config: nyc311Config }));
    expect(created).toMatchObject({ name: 'NYC', version: 1 });
    const renamed = await tx((t) => updateMapping(t, world.ctx.county, created.id, { name: 'NYC 311', config: nyc311Config, version: 1 }));
    expect(renamed).toMatchObject({ name: 'NYC 311', version: 2 });
    await expect(
      tx((t) => updateMapping(t, world.ctx.county, created.id, { name: 'x', config: nyc311Config, version: 1 })),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: { version: 2 },
    });
    await tx((t) => deleteMapping(t, world.ctx.county, created.id));
    await expect(tx((t) => deleteMapping(t, world.ctx.county, created.id))).rejects.toMatchObject({ code: 'not_found' });
    for (const action of ['create', 'update', 'delete']) {
      expect(await countWhere(database.db, 'audit_event', 'action', `demand.import_mapping.${action}`)).toBe(1);
    }
  });
});
