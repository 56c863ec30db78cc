import { type FileStore, newId } from '@linli/core';
import type { Database } from '@linli/db';
import { rows } from '@linli/db';
import { buildTwoCommunities } from '@linli/people/testing';
import { sql } from 'drizzle-orm';

/** Two communities of 高密市 and 文山市 (people's test tree) with one active department in each county. */
export async function buildUrbanWorld(database: Database) {
  const tree = await buildTwoCommunities(database.db);
  const department = async (tenantId: string) => {
    const [found] = await rows<{ id: string }>(
      database.db,
      sql`SELECT id FROM department WHERE tenant_id = ${tenantId} AND active ORDER BY sort_order LIMIT 1`,
    );
    if (found) return found.id;
    const id = newId();
    await database.db.execute(
      sql`INSERT INTO department (tenant_id, id, code, name) VALUES (${tenantId}, ${id}, 'urban_test', '综合行政执法局')`,
    );
    return id;
  };
  return { tree, departmentId: await department('370785'), otherDepartmentId: await department('532601') };
}

/** The smallest PNG: one transparent pixel. */
export const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A multipart/form-data body with one file in the field `file` and text fields. */
export function multipart(fileName: string, bytes: Buffer, fields: Record<string, string> = {}): { body: Buffer; type: string } {
  const boundary = `----linli${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
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

/** A renovation project's body for one compound: budget 1,000,000 yuan from central and county funds, two phases. */
export function renovationBody(compoundId: string, over: Record<string, unknown> = {}) {
  return {
    name: '老旧小区改造',
    compoundIds: [compoundId],
    scopeItems: ['greening' as const, 'party_station' as const],
    budget: 1_000_000,
    funding: [
      { source: 'central' as const, amount: 600_000 },
      { source: 'county' as const, amount: 400_000 },
    ],
    phases: [
      { name: '设计', plannedStart: '2026-03-01', plannedEnd: '2026-03-31' },
      { name: '施工', plannedStart: '2026-04-01', plannedEnd: '2026-09-30' },
    ],
    ...over,
  };
}
