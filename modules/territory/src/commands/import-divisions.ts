import { AppError, type ErrorDetail, newId } from '@linli/core';
import { type Db, ltreeLabel, one, rows } from '@linli/db';
import { parse } from 'csv-parse/sync';
import { type SQL, sql } from 'drizzle-orm';
import { territoryErrors, territoryNouns } from '../errors.ts';

/**
 * Imports the national statistical division codes (NBS 统计用区划代码) of one county: the global
 * `division` table and the tenant's territory nodes from the county down to communities. Accepts
 * either file of the national extract — township level (`code,name,areaCode,…`, 9-digit codes) or
 * village level (`code,name,streetCode,…`, 12-digit codes); import the township file first.
 * Rows of other counties are skipped. Everything is validated before anything is written; re-running
 * updates nodes by code and never duplicates them.
 */
export interface ImportDivisionsInput {
  tenantId: string;
  csvText: string;
}

export interface ImportDivisionsResult {
  /** Territory nodes created (including the county node on the first import). */
  created: number;
  /** Territory nodes whose name, subkind or parent changed. */
  updated: number;
}

type Level = 'subdistrict' | 'community';

interface DivisionRow {
  row: number;
  code: string;
  rawName: string;
  name: string;
  parentCode: string;
  level: Level;
  subkind: string;
}

interface ExistingNode {
  id: string;
  parent_id: string | null;
  kind: string;
  subkind: string | null;
  name: string;
  code: string | null;
  path: string;
}

const formats = {
  subdistrict: { parentColumn: 'areaCode', codeLength: 9 },
  community: { parentColumn: 'streetCode', codeLength: 12 },
} as const;

const BATCH = 1000;

export async function importDivisions(tx: Db, input: ImportDivisionsInput): Promise<ImportDivisionsResult> {
  const { tenantId } = input;
  const tenant = await one<{ name: string }>(tx, sql`SELECT name FROM tenant WHERE tenant_id = ${tenantId}`);
  if (!tenant) throw AppError.notFound(territoryNouns.tenant, tenantId);

  const parsed = parseDivisionCsv(input.csvText, tenantId, tenant.name);
  const existing = await rows<ExistingNode>(
    tx,
    sql`SELECT id, parent_id, kind, subkind, name, code, path::text AS path FROM territory_node
        WHERE tenant_id = ${tenantId} AND kind IN ('county', 'subdistrict', 'community')`,
  );
  const plan = planChanges(tenantId, tenant.name, parsed, existing);
  if (plan.errors.length) throw unprocessable(plan.errors);

  await upsertDivisions(tx, tenantId, tenant.name, parsed);
  for (let i = 0; i < plan.inserts.length; i += BATCH) {
    const values = plan.inserts
      .slice(i, i + BATCH)
      .map(
        (n) =>
          sql`(${tenantId}, ${n.id}, ${n.parentId}, ${n.kind}, ${n.subkind}, ${n.name}, ${n.code}, ${n.path}::ltree, ${n.depth}, ${n.sortOrder})`,
      );
    await tx.execute(sql`INSERT INTO territory_node (tenant_id, id, parent_id, kind, subkind, name, code, path, depth, sort_order)
      VALUES ${sql.join(values, sql`, `)}`);
  }
  if (plan.updates.length) await applyUpdates(tx, tenantId, plan.updates);
  return { created: plan.inserts.length, updated: plan.updates.length };
}

/** Reads and checks the rows of the tenant's county; throws with every problem found, row by row. */
export function parseDivisionCsv(csvText: string, tenantId: string, countyName: string): DivisionRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csvText, { columns: true, bom: true, trim: true, skip_empty_lines: true, info: true, relax_column_count: true });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw unprocessable([{ row: e.lines ?? 0, reason: `the file is not valid CSV: ${e.message}` }]);
  }
  const header = records[0] ? Object.keys(records[0].record) : firstLine(csvText);
  const level: Level | undefined = header.includes('streetCode') ? 'community' : header.includes('areaCode') ? 'subdistrict' : undefined;
  const missing = ['code', 'name'].filter((c) => !header.includes(c));
  if (!level || missing.length) {
    throw unprocessable([
      {
        row: 1,
        column: missing[0] ?? 'areaCode',
        reason: 'the header must be code,name,areaCode,… (township level) or code,name,streetCode,… (village level)',
        value: header.join(','),
      },
    ]);
  }
  const { parentColumn, codeLength } = formats[level];
  const errors: ErrorDetail[] = [];
  const result: DivisionRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const row = info.lines;
    const code = record.code ?? '';
    const rawName = record.name ?? '';
    const parentCode = record[parentColumn] ?? '';
    if (!new RegExp(`^[0-9]{${codeLength}}$`).test(code)) {
      errors.push({ row, column: 'code', reason: `must be ${codeLength} digits`, value: code });
      continue;
    }
    if (!code.startsWith(tenantId)) continue;
    if (!rawName) errors.push({ row, column: 'name', reason: 'is empty', value: rawName });
    if (parentCode !== code.slice(0, codeLength - 3)) {
      errors.push({ row, column: parentColumn, reason: `must be the first ${codeLength - 3} digits of the code`, value: parentCode });
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) errors.push({ row, column: 'code', reason: `duplicates row ${earlier}`, value: code });
    seen.set(code, row);
    if (!rawName) continue;
    const name = level === 'subdistrict' ? cleanSubdistrictName(rawName, countyName) : cleanCommunityName(rawName);
    const subkind = level === 'subdistrict' ? subdistrictSubkind(name) : communitySubkind(rawName);
    if (!subkind)
      errors.push({ row, column: 'name', reason: 'must end with 社区, 居委会, 居民委员会, 村委会 or 村民委员会', value: rawName });
    result.push({ row, code, rawName, name, parentCode, level, subkind: subkind ?? '' });
  }
  if (errors.length) throw unprocessable(errors);
  if (!result.length) throw unprocessable([{ row: 1, column: 'code', reason: `the file has no rows of county ${tenantId}` }]);
  return result;
}

/** '高密市朝阳街道' → '朝阳街道': the county prefix repeats what the tree already says. */
export function cleanSubdistrictName(name: string, countyName: string): string {
  return name.startsWith(countyName) && name.length > countyName.length ? name.slice(countyName.length) : name;
}

/** '秦家岭社区居委会' / '龙德社区居民委员会' → '…社区'; other names are kept as published. */
export function cleanCommunityName(name: string): string {
  const m = /^(.+社区)(居委会|居民委员会)$/.exec(name);
  return m ? (m[1] as string) : name;
}

export function subdistrictSubkind(name: string): 'street' | 'town' | 'township' | 'zone' {
  if (name.endsWith('街道')) return 'street';
  if (name.endsWith('镇')) return 'town';
  if (name.endsWith('乡')) return 'township';
  return 'zone';
}

export function communitySubkind(name: string): 'urban' | 'village' | undefined {
  if (/(村委会|村民委员会)$/.test(name)) return 'village';
  if (/(社区|居委会|居民委员会)$/.test(name)) return 'urban';
  return undefined;
}

interface NodeInsert {
  id: string;
  parentId: string | null;
  kind: string;
  subkind: string | null;
  name: string;
  code: string;
  path: string;
  depth: number;
  sortOrder: number;
}

interface NodeUpdate {
  id: string;
  parentId: string;
  subkind: string;
  name: string;
  code: string;
  oldPath: string;
  path: string;
}

function planChanges(tenantId: string, countyName: string, parsed: DivisionRow[], existing: ExistingNode[]) {
  const errors: ErrorDetail[] = [];
  const inserts: NodeInsert[] = [];
  const updates: NodeUpdate[] = [];
  const byCode = new Map(existing.filter((n) => n.code).map((n) => [n.code as string, n]));
  // A node created by hand before the import (same parent, kind and name, no code yet) is adopted.
  const uncoded = new Map(existing.filter((n) => !n.code).map((n) => [`${n.parent_id}|${n.kind}|${n.name}`, n]));
  const pathById = new Map(existing.map((n) => [n.id, n.path]));

  let county = existing.find((n) => n.kind === 'county');
  if (!county) {
    const id = newId();
    const path = ltreeLabel(id);
    inserts.push({ id, parentId: null, kind: 'county', subkind: null, name: countyName, code: tenantId, path, depth: 0, sortOrder: 0 });
    county = { id, parent_id: null, kind: 'county', subkind: null, name: countyName, code: tenantId, path };
    byCode.set(tenantId, county);
    pathById.set(id, path);
  }

  const siblingNames = new Map<string, number>();
  for (const r of parsed) {
    const parent = r.level === 'subdistrict' ? county : byCode.get(r.parentCode);
    if (!parent || (r.level === 'community' && parent.kind !== 'subdistrict')) {
      errors.push({
        row: r.row,
        column: 'streetCode',
        reason: 'the subdistrict is not in the territory yet; import the township-level file first',
        value: r.parentCode,
      });
      continue;
    }
    const siblingKey = `${parent.id}|${r.name}`;
    const clash = siblingNames.get(siblingKey);
    if (clash !== undefined)
      errors.push({ row: r.row, column: 'name', reason: `same name as row ${clash} under one parent`, value: r.name });
    siblingNames.set(siblingKey, r.row);

    const parentPath = pathById.get(parent.id) as string;
    const found = byCode.get(r.code) ?? uncoded.get(`${parent.id}|${r.level}|${r.name}`);
    if (found) {
      if (found.kind !== r.level) {
        errors.push({ row: r.row, column: 'code', reason: `the code belongs to a ${found.kind} node`, value: r.code });
        continue;
      }
      const path = `${parentPath}.${ltreeLabel(found.id)}`;
      if (found.name !== r.name || found.subkind !== r.subkind || found.parent_id !== parent.id || found.code !== r.code) {
        updates.push({ id: found.id, parentId: parent.id, subkind: r.subkind, name: r.name, code: r.code, oldPath: found.path, path });
      }
      pathById.set(found.id, path);
      byCode.set(r.code, { ...found, parent_id: parent.id, path });
      continue;
    }
    const id = newId();
    const path = `${parentPath}.${ltreeLabel(id)}`;
    inserts.push({
      id,
      parentId: parent.id,
      kind: r.level,
      subkind: r.subkind,
      name: r.name,
      code: r.code,
      path,
      depth: r.level === 'subdistrict' ? 1 : 2,
      sortOrder: Number(r.code.slice(-3)),
    });
    byCode.set(r.code, { id, parent_id: parent.id, kind: r.level, subkind: r.subkind, name: r.name, code: r.code, path });
    pathById.set(id, path);
  }
  // Existing nodes not in the file keep their names; a new name that clashes with one would fail
  // on the unique index, so report it as a row error instead.
  const touched = new Set([...updates.map((u) => u.id), ...inserts.map((n) => n.id)]);
  const occupied = new Map(existing.filter((n) => !touched.has(n.id)).map((n) => [`${n.parent_id}|${n.name}`, n.id]));
  for (const r of parsed) {
    const node = byCode.get(r.code);
    if (!node) continue;
    const holder = occupied.get(`${node.parent_id}|${r.name}`);
    if (holder && holder !== node.id) {
      errors.push({ row: r.row, column: 'name', reason: 'another node under the same parent already has this name', value: r.name });
    }
  }
  return { errors, inserts, updates };
}

async function upsertDivisions(tx: Db, countyCode: string, countyName: string, parsed: DivisionRow[]): Promise<void> {
  const county = sql`(${countyCode}, ${countyName}, 'county', ${null})`;
  const all: SQL[] = [county, ...parsed.map((r) => sql`(${r.code}, ${r.rawName}, ${r.level}, ${r.parentCode})`)];
  for (let i = 0; i < all.length; i += BATCH) {
    // The county row is only inserted: its official name may already be there from another source.
    await tx.execute(sql`INSERT INTO division (code, name, level, parent_code) VALUES ${sql.join(all.slice(i, i + BATCH), sql`, `)}
      ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code, updated_at = now()
      WHERE excluded.level <> 'county' AND (division.name, division.level, division.parent_code)
        IS DISTINCT FROM (excluded.name, excluded.level, excluded.parent_code)`);
  }
}

async function applyUpdates(tx: Db, tenantId: string, updates: NodeUpdate[]): Promise<void> {
  // A node that moved to another parent takes its whole subtree along: rewrite the descendants' paths.
  for (const u of updates.filter((x) => x.oldPath !== x.path)) {
    await tx.execute(sql`UPDATE territory_node SET path = ${u.path}::ltree || subpath(path, nlevel(${u.oldPath}::ltree)), updated_at = now()
      WHERE tenant_id = ${tenantId} AND path <@ ${u.oldPath}::ltree AND path <> ${u.oldPath}::ltree`);
  }
  for (let i = 0; i < updates.length; i += BATCH) {
    const values = updates
      .slice(i, i + BATCH)
      .map((u) => sql`(${u.id}::uuid, ${u.parentId}::uuid, ${u.subkind}, ${u.name}, ${u.code}, ${u.path}::ltree)`);
    await tx.execute(sql`UPDATE territory_node t SET parent_id = v.parent_id, subkind = v.subkind, name = v.name, code = v.code,
        path = v.path, updated_at = now()
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v (id, parent_id, subkind, name, code, path)
      WHERE t.tenant_id = ${tenantId} AND t.id = v.id`);
  }
}

function firstLine(text: string): string[] {
  return (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
}

function unprocessable(details: ErrorDetail[]): AppError {
  return AppError.of(territoryErrors.division_file_problems, { count: details.length }, details);
}
