import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { categoryTexts } from '@linli/demand-smart';
import { buildDemandWorld, type DemandWorld } from '@linli/demands/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDemandTexts } from './demo-demands.ts';
import { generateDemands } from './generate-demands.ts';

let database: Database;
let world: DemandWorld;

interface Row {
  title: string;
  description: string;
  code: string;
  parent_code: string | null;
  kind: string;
  compound: string | null;
  building: string | null;
  village: string | null;
}

let demands: Row[];

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  // A village: a community without compounds.
  await database.db.execute(sql`INSERT INTO territory_node (tenant_id, id, parent_id, kind, name, path, depth)
    SELECT s.tenant_id, v.id, s.id, 'community', '张家大村村民委员会', s.path || replace(v.id::text, '-', ''), s.depth + 1
    FROM territory_node s CROSS JOIN (SELECT gen_random_uuid() AS id) v
    WHERE s.tenant_id = ${world.tenantId} AND s.id = ${world.tree.subdistricts[0]!.id}::uuid`);
  await generateDemands(database.db, {
    tenantId: world.tenantId,
    texts: demoDemandTexts(),
    count: 600,
    years: 1,
    seed: 11,
    end: new Date('2026-06-30T12:00:00+08:00'),
  });
  demands = await rows<Row>(
    database.db,
    sql`SELECT d.title, d.description, c.code, p.code AS parent_code, n.kind,
          (SELECT a.name FROM territory_node a WHERE a.tenant_id = d.tenant_id AND a.kind = 'compound' AND d.node_path <@ a.path) AS compound,
          (SELECT a.name FROM territory_node a WHERE a.tenant_id = d.tenant_id AND a.kind = 'building' AND d.node_path <@ a.path) AS building,
          CASE WHEN n.kind = 'community' THEN n.name END AS village
        FROM demand d
        JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id
        LEFT JOIN demand_category p ON p.tenant_id = c.tenant_id AND p.id = c.parent_id
        JOIN territory_node n ON n.tenant_id = d.tenant_id AND n.id = d.node_id
        WHERE d.tenant_id = ${world.tenantId}`,
  );
}, 180_000);
afterAll(() => database?.close());

describe('the demo’s demands say what their category and place are', () => {
  it('are filed under the leaf category their text was written for: title and description hold its words', () => {
    expect(demands).toHaveLength(600);
    const off = demands.filter((d) => {
      const keywords = categoryTexts(d.code)?.keywords ?? [];
      return !keywords.some((k) => d.title.includes(k)) || !keywords.some((k) => d.description.includes(k));
    });
    expect(off.map((d) => `${d.code}: ${d.title} / ${d.description}`)).toEqual([]);
    // Every category used is a leaf of the default taxonomy (no random subcategory of a top one).
    expect(demands.every((d) => d.parent_code !== null)).toBe(true);
    expect(new Set(demands.map((d) => d.code)).size).toBeGreaterThan(20);
  });

  it('name the compound and building they are filed at, or the village, and nothing is left as a placeholder', () => {
    const households = demands.filter((d) => d.kind === 'household');
    const villages = demands.filter((d) => d.kind === 'community');
    expect(households.length).toBeGreaterThan(300);
    expect(villages.length).toBeGreaterThan(80);
    expect(demands.filter((d) => /[{}]/.test(d.title + d.description))).toEqual([]);
    // A text that names a compound names the demand's own (its own building too, where it names one).
    for (const d of households) {
      const text = d.title + d.description;
      for (const other of world.tree.compounds.map((c) => c.name)) {
        if (other !== d.compound) expect(text.includes(other), `${d.compound}: ${text}`).toBe(false);
      }
    }
    expect(households.filter((d) => d.description.includes(d.compound!)).length).toBeGreaterThan(households.length * 0.5);
    expect(households.some((d) => d.description.includes(`${d.compound}${d.building}`))).toBe(true);
    // At a village: the village's name (村民委员会 → 村), never a compound, building or room.
    for (const d of villages) {
      const text = d.title + d.description;
      expect(world.tree.compounds.some((c) => text.includes(c.name))).toBe(false);
      expect(/号楼|单元|\d+室/.test(text), text).toBe(false);
    }
    expect(villages.filter((d) => d.description.includes('张家大村')).length).toBeGreaterThan(villages.length * 0.3);
    expect(villages.some((d) => (d.title + d.description).includes('村民委员会'))).toBe(false);
    // Corridors, elevators and property fees are matters of compounds.
    expect(villages.filter((d) => ['corridor_clutter', 'elevator', 'property_fees'].includes(d.code))).toEqual([]);
  });

  it('keep door numbers and phones out of titles (the public board shows them)', () => {
    expect(demands.filter((d) => /\d+室|\d+-\d+-\d+|1[3-9]\d{9}/.test(d.title)).map((d) => d.title)).toEqual([]);
    expect(demands.filter((d) => /\d+室/.test(d.title + d.description)).length).toBe(0); // the test tree's households are named 101, 201 …
  });

  it('vary like real messages: short notes, long letters, 12345 work orders', () => {
    const lengths = demands.map((d) => [...d.description].length).sort((a, b) => a - b);
    expect(lengths[0]).toBeLessThan(40);
    expect(lengths.at(-1)).toBeGreaterThan(150);
    expect(demands.some((d) => /^(市民来电反映|来电反映|12345热线来电)/.test(d.description))).toBe(true);
    expect(demands.some((d) => /^(您好|你好|领导好|尊敬的领导|打扰了|麻烦问一下)/.test(d.description))).toBe(true);
  });
});
