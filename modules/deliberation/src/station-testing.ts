import type { FileStore, RequestContext } from '@linli/core';
import type { Database } from '@linli/db';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { createStation } from './commands/create-station.ts';
import type { CreateStationBody, StationDetail } from './station-contract.ts';

// Test factory of deliberation stations: two communities of one county and a county elsewhere,
// callers at each level, and an in-memory file store.

export type StationWorld = Awaited<ReturnType<typeof buildStationWorld>>;

export async function buildStationWorld(database: Database) {
  const tree = await buildTwoCommunities(database.db);
  const ctx = {
    admin: contextFor('370785', [{ role: 'system_admin', node: tree.county }], 'admin.test'),
    a: contextFor('370785', [{ role: 'community_staff', node: tree.a.community }], 'staff.a'),
    b: contextFor('370785', [{ role: 'community_staff', node: tree.b.community }], 'staff.b'),
    street: contextFor('370785', [{ role: 'subdistrict_staff', node: tree.subdistrict }], 'staff.street'),
    other: contextFor('532601', [{ role: 'county_staff', node: tree.other.county }], 'staff.other'),
  };
  const create = (who: RequestContext, input: Partial<CreateStationBody> & { nodeId: string }): Promise<StationDetail> =>
    database.db.transaction((tx) => createStation(tx, who, { name: '议事站', kind: 'station', ...input }));
  return { tree, ctx, create };
}

/** Files kept in memory, for tests. */
export function memoryFiles(): FileStore & { keys(): string[] } {
  const store = new Map<string, Buffer>();
  return {
    async put(key, bytes) {
      store.set(key, Buffer.from(bytes));
    },
    async get(key) {
      return store.get(key);
    },
    async delete(key) {
      store.delete(key);
    },
    keys: () => [...store.keys()],
  };
}

/** The smallest PNG: one transparent pixel. */
export const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export const saturdayMornings = { freq: 'weekly' as const, weekdays: [6], start: '09:00', end: '11:00' };
