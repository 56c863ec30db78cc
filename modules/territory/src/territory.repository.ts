import { AppError, CursorText, CursorTime, inScope, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { type SQL, sql } from 'drizzle-orm';
import { type TSchema, Type } from 'typebox';
import type { Boundary, Node, NodeCounts, NodeKind, NodeSort } from './contract.ts';
import { naturalKey } from './interface.ts';

// All SQL of the territory module. Every read takes the caller's scope (ltree paths) and puts it
// into the WHERE clause; nothing is filtered afterwards in memory. Writes assume the command has
// already loaded the node through a scoped read.

export interface NodeRow extends Node {
  boundary: Boundary | null;
}

const nodeColumns = sql`n.id, n.parent_id, n.kind, n.subkind, n.name, n.code, n.path::text AS path, n.depth, n.lat, n.lng,
  n.boundary, n.attrs, n.sort_order, n.floor_area,
  (SELECT count(*) FROM territory_node c WHERE c.tenant_id = n.tenant_id AND c.parent_id = n.id) AS child_count`;

interface RawNode {
  id: string;
  parent_id: string | null;
  kind: NodeKind;
  subkind: string | null;
  name: string;
  code: string | null;
  path: string;
  depth: number;
  lat: number | null;
  lng: number | null;
  boundary: Boundary | string | null;
  attrs: Record<string, unknown> | string | null;
  sort_order: number;
  floor_area?: number | string | null;
  child_count: number;
}

function json<T>(value: T | string | null): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

function toNode(r: RawNode): NodeRow {
  return {
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind,
    subkind: r.subkind,
    name: r.name,
    code: r.code,
    path: r.path,
    depth: Number(r.depth),
    lat: r.lat === null ? null : Number(r.lat),
    lng: r.lng === null ? null : Number(r.lng),
    boundary: json<Boundary>(r.boundary),
    attrs: json<Record<string, unknown>>(r.attrs) ?? {},
    sortOrder: Number(r.sort_order),
    childCount: Number(r.child_count),
    floorArea: r.floor_area === null || r.floor_area === undefined ? null : Number(r.floor_area),
  };
}

function idList(ids: readonly string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A node of the tenant inside the scope, or undefined (also for other tenants' ids). */
export async function findNode(
  db: Db,
  tenantId: string,
  id: string,
  scope: string[],
  options: { lock?: boolean } = {},
): Promise<NodeRow | undefined> {
  const row = await one<RawNode>(
    db,
    sql`SELECT ${nodeColumns} FROM territory_node n
        WHERE n.tenant_id = ${tenantId} AND n.id = ${id}::uuid AND ${inScope(sql`n.path`, scope)}
        ${options.lock ? sql`FOR UPDATE OF n` : sql``}`,
  );
  return row && toNode(row);
}

export async function ancestorsOf(db: Db, tenantId: string, path: string): Promise<{ id: string; kind: NodeKind; name: string }[]> {
  return rows(
    db,
    sql`SELECT id, kind, name FROM territory_node
        WHERE tenant_id = ${tenantId} AND path @> ${path}::ltree AND path <> ${path}::ltree ORDER BY depth`,
  );
}

const emptyCounts = (): NodeCounts => ({
  subdistricts: 0,
  communities: 0,
  compounds: 0,
  buildings: 0,
  entrances: 0,
  households: 0,
  residents: 0,
  partyMembers: 0,
});

/**
 * Counts of the whole subtree of each node (the node included), read from territory_rollup: one row
 * per node that the writes keep (migration 0022: triggers on territory_node, resident and
 * party_member), so a county's counts cost what a household's do. Residents who moved out are not
 * counted; a party member is a resident with a party_member row or the resident's own flag (set by
 * the household import before the party module has placed the member in an organisation).
 * The resident count is reported only for nodes inside `visible.residents` (people.read) and the
 * party-member count only inside `visible.partyMembers` (people.sensitive): on a household they are
 * personal data (docs/privacy-matrix.md). Both default to the whole scope.
 */
export async function countsOf(
  db: Db,
  tenantId: string,
  nodeIds: readonly string[],
  scope: string[],
  visible: { residents: string[]; partyMembers: string[] } = { residents: scope, partyMembers: scope },
): Promise<Map<string, NodeCounts>> {
  const result = new Map<string, NodeCounts>();
  if (nodeIds.length === 0) return result;
  const found = await rows<Record<string, number | string>>(
    db,
    sql`SELECT t.id, coalesce(c.subdistricts, 0) AS subdistricts, coalesce(c.communities, 0) AS communities,
          coalesce(c.compounds, 0) AS compounds, coalesce(c.buildings, 0) AS buildings, coalesce(c.entrances, 0) AS entrances,
          coalesce(c.households, 0) AS households, coalesce(c.residents, 0) AS residents,
          coalesce(c.party_members, 0) AS party_members,
          ${inScope(sql`t.path`, visible.residents)} AS show_residents,
          ${inScope(sql`t.path`, visible.partyMembers)} AS show_party_members
        FROM territory_node t
        LEFT JOIN territory_rollup c ON c.tenant_id = t.tenant_id AND c.node_id = t.id
        WHERE t.tenant_id = ${tenantId} AND t.id IN (${idList(nodeIds)}) AND ${inScope(sql`t.path`, scope)}`,
  );
  for (const r of found) {
    result.set(String(r.id), {
      subdistricts: Number(r.subdistricts),
      communities: Number(r.communities),
      compounds: Number(r.compounds),
      buildings: Number(r.buildings),
      entrances: Number(r.entrances),
      households: Number(r.households),
      ...(r.show_residents ? { residents: Number(r.residents) } : {}),
      ...(r.show_party_members ? { partyMembers: Number(r.party_members) } : {}),
    });
  }
  for (const id of nodeIds) if (!result.has(id)) result.set(id, emptyCounts());
  return result;
}

/** The nodes the caller's grants start at: the scope paths themselves. */
export async function rootsOf(db: Db, tenantId: string, scope: string[]): Promise<NodeRow[]> {
  if (scope.length === 0) return [];
  const found = await rows<RawNode>(
    db,
    sql`SELECT ${nodeColumns} FROM territory_node n
        WHERE n.tenant_id = ${tenantId} AND n.path IN (${sql.join(
          scope.map((p) => sql`${p}::ltree`),
          sql`, `,
        )})
        ORDER BY n.depth, ${naturalKey(sql`n.name`)}, n.name`,
  );
  return found.map(toNode);
}

export interface NodeFilter {
  parentId?: string;
  kind?: NodeKind;
  q?: string;
  sort?: NodeSort;
}

type SortKey = { expr: SQL; cast: SQL; schema: TSchema };
const int = { cast: sql`int`, schema: Type.Integer() };
const text = { cast: sql`text`, schema: CursorText };
const sortKeys: Record<string, SortKey[]> = {
  // Names in natural order (1号楼, 2号楼 … 10号楼), the same key in the ORDER BY and the cursor.
  sortOrder: [
    { expr: sql`n.sort_order`, ...int },
    { expr: naturalKey(sql`n.name`), ...text },
    { expr: sql`n.name`, ...text },
  ],
  name: [
    { expr: naturalKey(sql`n.name`), ...text },
    { expr: sql`n.name`, ...text },
  ],
  code: [{ expr: sql`coalesce(n.code, '')`, ...text }],
  createdAt: [{ expr: sql`n.created_at`, cast: sql`timestamptz`, schema: CursorTime }],
};

/** The sort a node list pages by (the default when none or an unknown one is asked for). */
export function nodeSort(sort: string | undefined): string {
  const name = sort ?? 'sortOrder';
  return sortKeys[name.replace(/^-/, '')] ? name : 'sortOrder';
}

/** The shape of a node list's cursor for `sort`: its sort key values and the node id. */
export function nodeCursor(sort: string | undefined): TSchema {
  const name = nodeSort(sort).replace(/^-/, '');
  return Type.Tuple([...(sortKeys[name] as SortKey[]).map((k) => k.schema), Uuid]);
}

function filterSql(tenantId: string, scope: string[], filter: NodeFilter): SQL {
  const where: SQL[] = [sql`n.tenant_id = ${tenantId}`, inScope(sql`n.path`, scope)];
  if (filter.parentId) where.push(sql`n.parent_id = ${filter.parentId}::uuid`);
  if (filter.kind) where.push(sql`n.kind = ${filter.kind}`);
  if (filter.q) {
    where.push(sql`(n.name ILIKE ${`%${escapeLike(filter.q)}%`} OR n.code LIKE ${`${escapeLike(filter.q)}%`})`);
  }
  return sql.join(where, sql` AND `);
}

/**
 * Keyset-paginated list: children of a parent, or a search inside the scope. The cursor is the
 * sort key of the last row (plus its id); the total comes with the first page only.
 */
export async function listNodes(
  db: Db,
  tenantId: string,
  scope: string[],
  filter: NodeFilter,
  page: { after?: unknown[]; limit: number },
): Promise<{ items: NodeRow[]; nextKey: unknown[] | null; total?: number }> {
  const sort = filter.sort ?? 'sortOrder';
  const desc = sort.startsWith('-');
  const keys = sortKeys[desc ? sort.slice(1) : sort] ?? (sortKeys.sortOrder as SortKey[]);
  const dir = desc ? sql`DESC` : sql`ASC`;
  const where = [filterSql(tenantId, scope, filter)];
  if (page.after) {
    if (!Array.isArray(page.after) || page.after.length !== keys.length + 1) {
      throw AppError.invalid([{ field: 'cursor', reason: 'does not belong to this list and sort' }]);
    }
    const left = sql.join([...keys.map((k) => k.expr), sql`n.id`], sql`, `);
    const right = sql.join(
      [...keys.map((k, i) => sql`${page.after?.[i] as string}::${k.cast}`), sql`${page.after[keys.length] as string}::uuid`],
      sql`, `,
    );
    where.push(desc ? sql`(${left}) < (${right})` : sql`(${left}) > (${right})`);
  }
  const order = sql.join([...keys.map((k) => sql`${k.expr} ${dir}`), sql`n.id ${dir}`], sql`, `);
  const found = await rows<RawNode & { sort_key: unknown[] | string; total: number }>(
    db,
    sql`SELECT ${nodeColumns}, json_build_array(${sql.join(
      [...keys.map((k) => k.expr), sql`n.id`],
      sql`, `,
    )}) AS sort_key ${page.after ? sql`` : sql`, count(*) OVER () AS total`}
        FROM territory_node n WHERE ${sql.join(where, sql` AND `)}
        ORDER BY ${order} LIMIT ${page.limit + 1}`,
  );
  const more = found.length > page.limit;
  const pageRows = more ? found.slice(0, page.limit) : found;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(toNode),
    nextKey: more && last ? (json<unknown[]>(last.sort_key) ?? null) : null,
    total: page.after ? undefined : Number(found[0]?.total ?? 0),
  };
}

export interface NewNode {
  tenantId: string;
  id: string;
  parentId: string | null;
  kind: NodeKind;
  name: string;
  path: string;
  depth: number;
  subkind?: string | null;
  code?: string | null;
  lat?: number | null;
  lng?: number | null;
  boundary?: Boundary | null;
  attrs?: Record<string, unknown>;
  sortOrder?: number;
}

/** Multi-row insert, in chunks that stay below the bind-parameter limit. */
/** Sets 建筑面积 (m²) of households by id, in one statement. */
export async function setHouseholdFloorAreas(db: Db, tenantId: string, areas: Map<string, number>): Promise<void> {
  if (areas.size === 0) return;
  await db.execute(sql`UPDATE territory_node n SET floor_area = v.area, updated_at = now()
    FROM (VALUES ${sql.join(
      [...areas].map(([id, area]) => sql`(${id}::uuid, ${area}::numeric)`),
      sql`, `,
    )}) AS v(id, area)
    WHERE n.tenant_id = ${tenantId} AND n.id = v.id AND n.kind = 'household'`);
}

export async function insertNodes(db: Db, nodes: NewNode[]): Promise<void> {
  for (let i = 0; i < nodes.length; i += 1000) {
    const chunk = nodes.slice(i, i + 1000);
    await db.execute(sql`INSERT INTO territory_node
      (tenant_id, id, parent_id, kind, subkind, name, code, path, depth, lat, lng, boundary, attrs, sort_order)
      VALUES ${sql.join(
        chunk.map(
          (n) => sql`(${n.tenantId}, ${n.id}::uuid, ${n.parentId}::uuid, ${n.kind}, ${n.subkind ?? null}, ${n.name}, ${n.code ?? null},
            ${n.path}::ltree, ${n.depth}, ${n.lat ?? null}, ${n.lng ?? null}, ${n.boundary ? JSON.stringify(n.boundary) : null}::jsonb,
            ${JSON.stringify(n.attrs ?? {})}::jsonb, ${n.sortOrder ?? 0})`,
        ),
        sql`, `,
      )}`);
  }
}

export interface NodePatch {
  name?: string;
  subkind?: string | null;
  code?: string | null;
  lat?: number | null;
  lng?: number | null;
  boundary?: Boundary | null;
  attrs?: Record<string, unknown>;
  sortOrder?: number;
  floorArea?: number | null;
}

export async function updateNode(db: Db, tenantId: string, id: string, patch: NodePatch): Promise<void> {
  const sets: SQL[] = [sql`updated_at = now()`];
  if (patch.name !== undefined) sets.push(sql`name = ${patch.name}`);
  if (patch.subkind !== undefined) sets.push(sql`subkind = ${patch.subkind}`);
  if (patch.code !== undefined) sets.push(sql`code = ${patch.code}`);
  if (patch.lat !== undefined) sets.push(sql`lat = ${patch.lat}`);
  if (patch.lng !== undefined) sets.push(sql`lng = ${patch.lng}`);
  if (patch.boundary !== undefined) sets.push(sql`boundary = ${patch.boundary ? JSON.stringify(patch.boundary) : null}::jsonb`);
  if (patch.attrs !== undefined) sets.push(sql`attrs = ${JSON.stringify(patch.attrs)}::jsonb`);
  if (patch.sortOrder !== undefined) sets.push(sql`sort_order = ${patch.sortOrder}`);
  if (patch.floorArea !== undefined) sets.push(sql`floor_area = ${patch.floorArea}`);
  await db.execute(sql`UPDATE territory_node SET ${sql.join(sets, sql`, `)} WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
}

export async function siblingNamed(
  db: Db,
  tenantId: string,
  parentId: string,
  name: string,
  exceptId?: string,
): Promise<{ id: string } | undefined> {
  return one(
    db,
    sql`SELECT id FROM territory_node WHERE tenant_id = ${tenantId} AND parent_id = ${parentId}::uuid AND name = ${name}
        ${exceptId ? sql`AND id <> ${exceptId}::uuid` : sql``}`,
  );
}

export async function nodeWithCode(db: Db, tenantId: string, code: string, exceptId?: string): Promise<{ id: string } | undefined> {
  return one(
    db,
    sql`SELECT id FROM territory_node WHERE tenant_id = ${tenantId} AND code = ${code}
        ${exceptId ? sql`AND id <> ${exceptId}::uuid` : sql``}`,
  );
}

/**
 * Re-paths a whole subtree under a new parent in one UPDATE: every path below `oldPath` gets the
 * new parent's path as prefix; the moved node also gets its new parent id. Returns rows changed.
 */
export async function repathSubtree(
  db: Db,
  tenantId: string,
  node: { id: string; path: string; depth: number },
  newParent: { id: string; path: string; depth: number },
): Promise<number> {
  const shift = newParent.depth + 1 - node.depth;
  const updated = await rows<{ id: string }>(
    db,
    sql`UPDATE territory_node
        SET path = ${newParent.path}::ltree || subpath(path, nlevel(${node.path}::ltree) - 1),
            depth = depth + ${shift},
            parent_id = CASE WHEN id = ${node.id}::uuid THEN ${newParent.id}::uuid ELSE parent_id END,
            updated_at = CASE WHEN id = ${node.id}::uuid THEN now() ELSE updated_at END
        WHERE tenant_id = ${tenantId} AND path <@ ${node.path}::ltree
        RETURNING id`,
  );
  return updated.length;
}

/** Names used both by children of `sourceId` and of `targetId` (a merge would make them clash). */
export async function clashingChildNames(db: Db, tenantId: string, sourceId: string, targetId: string): Promise<string[]> {
  const found = await rows<{ name: string }>(
    db,
    sql`SELECT s.name FROM territory_node s
        JOIN territory_node t ON t.tenant_id = s.tenant_id AND t.parent_id = ${targetId}::uuid AND t.name = s.name
        WHERE s.tenant_id = ${tenantId} AND s.parent_id = ${sourceId}::uuid ORDER BY ${naturalKey(sql`s.name`)}, s.name LIMIT 50`,
  );
  return found.map((r) => r.name);
}

/**
 * The children of `source` move under `target` (same kind) and its whole subtree is re-pathed;
 * returns how many children moved. What other modules hold on `source` is theirs to declare
 * (references.repository.ts).
 */
export async function mergeChildren(
  db: Db,
  tenantId: string,
  source: { id: string; path: string },
  target: { id: string; path: string },
): Promise<number> {
  const children = await rows<{ parent_id: string }>(
    db,
    sql`UPDATE territory_node
        SET path = ${target.path}::ltree || subpath(path, nlevel(${source.path}::ltree)),
            parent_id = CASE WHEN parent_id = ${source.id}::uuid THEN ${target.id}::uuid ELSE parent_id END,
            updated_at = CASE WHEN parent_id = ${source.id}::uuid THEN now() ELSE updated_at END
        WHERE tenant_id = ${tenantId} AND path <@ ${source.path}::ltree AND id <> ${source.id}::uuid
        RETURNING parent_id`,
  );
  return children.filter((c) => c.parent_id === target.id).length;
}

export async function deleteNode(db: Db, tenantId: string, id: string): Promise<void> {
  await db.execute(sql`DELETE FROM territory_node WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
}

// ——— household import ———

export interface SubtreeNode {
  id: string;
  parentId: string;
  kind: NodeKind;
  name: string;
  path: string;
}

/** Compounds, buildings, entrances and households under a community, in one query. */
export async function subtreeNodes(db: Db, tenantId: string, rootPath: string, kinds: NodeKind[]): Promise<SubtreeNode[]> {
  return rows<SubtreeNode>(
    db,
    sql`SELECT id, parent_id AS "parentId", kind, name, path::text AS path FROM territory_node
        WHERE tenant_id = ${tenantId} AND path <@ ${rootPath}::ltree
          AND kind IN (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})`,
  );
}

export interface ExistingResident {
  id: string;
  householdId: string;
  name: string;
  idNumberHash: string | null;
  householdPath: string | null;
}

/** Residents of the households under a community, plus any resident of the tenant with one of the ID hashes. */
export async function residentsForImport(db: Db, tenantId: string, rootPath: string, idHashes: string[]): Promise<ExistingResident[]> {
  const byHash =
    idHashes.length > 0
      ? sql`OR r.id_number_hash IN (${sql.join(
          idHashes.map((h) => sql`${h}`),
          sql`, `,
        )})`
      : sql``;
  return rows<ExistingResident>(
    db,
    sql`SELECT r.id, r.household_id AS "householdId", r.name, r.id_number_hash AS "idNumberHash", h.path::text AS "householdPath"
        FROM resident r JOIN territory_node h ON h.tenant_id = r.tenant_id AND h.id = r.household_id
        WHERE r.tenant_id = ${tenantId} AND (h.path <@ ${rootPath}::ltree ${byHash})`,
  );
}

export interface ResidentValues {
  id: string;
  householdId: string;
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  relation: string | null;
  phone: { enc: string | null; hash: string | null; masked: string | null };
  idNumber: { enc: string | null; hash: string | null; masked: string | null };
  tags: string[];
  isPartyMember: boolean;
}

function residentTuple(tenantId: string, r: ResidentValues): SQL {
  const tags = sql`ARRAY[${sql.join(
    r.tags.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  return sql`(${tenantId}, ${r.id}::uuid, ${r.householdId}::uuid, ${r.name}, ${r.gender}, ${r.birthDate}::date, ${r.relation},
    ${r.phone.enc}, ${r.phone.hash}, ${r.phone.masked}, ${r.idNumber.enc}, ${r.idNumber.hash}, ${r.idNumber.masked},
    ${r.tags.length ? tags : sql`'{}'::text[]`}, ${r.isPartyMember}::boolean)`;
}

export async function insertResidents(db: Db, tenantId: string, list: ResidentValues[]): Promise<void> {
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    await db.execute(sql`INSERT INTO resident (tenant_id, id, household_id, name, gender, birth_date, relation,
        phone_enc, phone_hash, phone_masked, id_number_enc, id_number_hash, id_number_masked, tags, is_party_member)
      VALUES ${sql.join(
        chunk.map((r) => residentTuple(tenantId, r)),
        sql`, `,
      )}`);
  }
}

/**
 * Multi-row update from a VALUES list. Blank cells do not erase what is stored: a value is only
 * replaced when the file has one (coalesce), tags and party membership are taken as written.
 */
export async function updateResidents(db: Db, tenantId: string, list: ResidentValues[]): Promise<void> {
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    await db.execute(sql`UPDATE resident r SET
        household_id = v.household_id, name = v.name,
        gender = coalesce(v.gender, r.gender), birth_date = coalesce(v.birth_date, r.birth_date),
        relation = coalesce(v.relation, r.relation),
        phone_enc = coalesce(v.phone_enc, r.phone_enc), phone_hash = coalesce(v.phone_hash, r.phone_hash),
        phone_masked = coalesce(v.phone_masked, r.phone_masked),
        id_number_enc = coalesce(v.id_number_enc, r.id_number_enc), id_number_hash = coalesce(v.id_number_hash, r.id_number_hash),
        id_number_masked = coalesce(v.id_number_masked, r.id_number_masked),
        tags = v.tags, is_party_member = v.is_party_member, moved_out_at = NULL, updated_at = now()
      FROM (VALUES ${sql.join(
        chunk.map((r) => residentTuple(tenantId, r)),
        sql`, `,
      )}) AS v (tenant_id, id, household_id, name, gender, birth_date, relation, phone_enc, phone_hash, phone_masked,
                id_number_enc, id_number_hash, id_number_masked, tags, is_party_member)
      WHERE r.tenant_id = v.tenant_id AND r.id = v.id`);
  }
}
