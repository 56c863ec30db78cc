import { AppError, type LocalText, type ModuleManifest, type TerritoryNodeRef, type TerritoryPathRef } from '@linli/core';
import { type Db, rows } from '@linli/db';
import { sql } from 'drizzle-orm';

// The references other modules hold to territory nodes, as their manifests declare them
// (`territoryRefs`): copied ltree paths, re-pathed when a node moves or is merged, and node-id
// columns, re-pointed (or refused on) when a node is merged. Territory knows no other module's
// tables: it runs the declared columns, and refuses a merge that a column nobody declared would
// break (a foreign key to territory_node found in the catalogue).

export interface DeclaredRefs {
  paths: (TerritoryPathRef & { module: string })[];
  nodes: (TerritoryNodeRef & { module: string })[];
}

/** The declarations of every manifest, checked once: names must be plain SQL identifiers. */
export function declaredRefs(manifests: readonly Pick<ModuleManifest, 'name' | 'territoryRefs'>[]): DeclaredRefs {
  const refs: DeclaredRefs = { paths: [], nodes: [] };
  for (const m of manifests) {
    for (const p of m.territoryRefs?.paths ?? []) refs.paths.push({ ...identifiers(m.name, p), module: m.name });
    for (const n of m.territoryRefs?.nodes ?? []) {
      identifiers(m.name, n);
      for (const u of n.uniqueWith ?? []) identifiers(m.name, { table: n.table, column: u });
      refs.nodes.push({ ...n, module: m.name });
    }
  }
  return refs;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifiers<T extends { table: string; column: string }>(module: string, ref: T): T {
  if (!IDENTIFIER.test(ref.table) || !IDENTIFIER.test(ref.column)) {
    throw new Error(`module ${module} declares a territory reference that is not a plain table and column: ${ref.table}.${ref.column}`);
  }
  return ref;
}

const ident = (name: string) => sql.identifier(name);

/**
 * Every declared copy of a path inside the subtree at `oldPath` now lies under `newPath`: the
 * copy of the node itself becomes `newPath`, a copy of a descendant keeps its tail. One UPDATE per
 * declared column; rows changed per column.
 */
export async function repathCopies(
  db: Db,
  tenantId: string,
  refs: DeclaredRefs,
  oldPath: string,
  newPath: string,
): Promise<{ module: string; table: string; column: string; count: number }[]> {
  const result = [];
  for (const ref of refs.paths) {
    const col = ident(ref.column);
    const changed = await rows(
      db,
      sql`UPDATE ${ident(ref.table)} SET ${col} = CASE WHEN ${col} = ${oldPath}::ltree THEN ${newPath}::ltree
            ELSE ${newPath}::ltree || subpath(${col}, nlevel(${oldPath}::ltree)) END
          WHERE tenant_id = ${tenantId} AND ${col} <@ ${oldPath}::ltree
          RETURNING 1 AS x`,
    );
    result.push({ module: ref.module, table: ref.table, column: ref.column, count: changed.length });
  }
  return result;
}

export interface MergeBlocker {
  module: string;
  table: string;
  column: string;
  count: number;
  label: LocalText;
}

/**
 * The rows that stop `sourceId` (of `kind`) from being merged away: those of the columns declared
 * `refuse`, and those of any foreign key to a territory node that no manifest declares (the
 * catalogue is the truth about what would break the DELETE).
 */
export async function mergeBlockers(db: Db, tenantId: string, refs: DeclaredRefs, kind: string, sourceId: string): Promise<MergeBlocker[]> {
  const blockers: MergeBlocker[] = [];
  for (const ref of refs.nodes) {
    if (ref.onMerge !== 'refuse' || !appliesTo(ref, kind)) continue;
    const count = await countPointing(db, tenantId, ref.table, ref.column, sourceId);
    if (count > 0) blockers.push({ module: ref.module, table: ref.table, column: ref.column, count, label: labelOf(ref) });
  }
  const declared = new Set(refs.nodes.map((r) => `${r.table}.${r.column}`));
  for (const fk of await foreignKeysToNodes(db)) {
    if (declared.has(`${fk.table}.${fk.column}`)) continue;
    const count = await countPointing(db, tenantId, fk.table, fk.column, sourceId);
    if (count > 0)
      blockers.push({ module: '', table: fk.table, column: fk.column, count, label: { 'zh-CN': fk.table, 'en-US': fk.table } });
  }
  return blockers;
}

/** A 409 naming, in Chinese and English, what still points at the node. */
export function mergeBlocked(nodeName: string, blockers: MergeBlocker[]): AppError {
  const en = blockers.map((b) => `${b.label['en-US']} (${b.count})`).join(', ');
  const zh = blockers.map((b) => `${b.label['zh-CN']}（${b.count} 条）`).join('、');
  return new AppError('conflict', `${nodeName} cannot be merged: ${en} still point at it`, {
    code: 'territory.merge_blocked',
    messageZh: `无法合并“${nodeName}”：仍有${zh}指向它`,
    blockers: blockers.map((b) => ({ table: b.table, column: b.column, count: b.count, label: b.label })),
  });
}

/**
 * Re-points the declared `repoint` columns from `sourceId` to `targetId`. With `uniqueWith`, rows
 * of the source that would duplicate one of the target under the unique key are deleted first.
 */
export async function repointReferences(
  db: Db,
  tenantId: string,
  refs: DeclaredRefs,
  kind: string,
  sourceId: string,
  targetId: string,
): Promise<{ module: string; table: string; column: string; count: number; label: LocalText }[]> {
  const result = [];
  for (const ref of refs.nodes) {
    if (ref.onMerge !== 'repoint' || !appliesTo(ref, kind)) continue;
    const table = ident(ref.table);
    const col = ident(ref.column);
    if (ref.uniqueWith?.length) {
      const same = sql.join(
        ref.uniqueWith.map((u) => sql`a.${ident(u)} IS NOT DISTINCT FROM b.${ident(u)}`),
        sql` AND `,
      );
      await db.execute(sql`DELETE FROM ${table} a USING ${table} b
          WHERE a.tenant_id = ${tenantId} AND a.${col} = ${sourceId}::uuid
            AND b.tenant_id = ${tenantId} AND b.${col} = ${targetId}::uuid AND ${same}`);
    }
    const changed = await rows(
      db,
      sql`UPDATE ${table} SET ${col} = ${targetId}::uuid WHERE tenant_id = ${tenantId} AND ${col} = ${sourceId}::uuid RETURNING 1 AS x`,
    );
    result.push({ module: ref.module, table: ref.table, column: ref.column, count: changed.length, label: labelOf(ref) });
  }
  return result;
}

function appliesTo(ref: TerritoryNodeRef, kind: string): boolean {
  return !ref.kinds || ref.kinds.includes(kind);
}

function labelOf(ref: TerritoryNodeRef): LocalText {
  return ref.label ?? { 'zh-CN': ref.table, 'en-US': ref.table };
}

async function countPointing(db: Db, tenantId: string, table: string, column: string, nodeId: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM ${ident(table)} WHERE tenant_id = ${tenantId} AND ${ident(column)} = ${nodeId}::uuid`,
  );
  return Number(row?.n ?? 0);
}

/** Every (table, column) with a foreign key to a territory node, from the catalogue; the tree's own parent_id left out. */
export async function foreignKeysToNodes(db: Db): Promise<{ table: string; column: string }[]> {
  const found = await rows<{ table: string; column: string }>(
    db,
    sql`SELECT c.conrelid::regclass::text AS "table", a.attname AS "column"
        FROM pg_constraint c
        JOIN LATERAL unnest(c.conkey) AS k(attnum) ON true
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.contype = 'f' AND c.confrelid = 'territory_node'::regclass AND a.attname <> 'tenant_id'
        ORDER BY 1, 2`,
  );
  return found.filter((f) => !(f.table === 'territory_node' && f.column === 'parent_id'));
}
