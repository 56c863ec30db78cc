import { type Db, rows } from '@linli/db';
import { type SQL, sql } from 'drizzle-orm';
import { AppError, type ErrorDetail } from './app-error.ts';
import type { Actor } from './permissions.ts';
import { inScope } from './scope-sql.ts';

/**
 * Ids in a request that name another record — a resident, a household, a party organisation … —
 * are checked against the caller's scope before anything is written. A record outside the scope
 * answers exactly like one that does not exist (404 `not_found`, the same message and details), so
 * a write can neither act on another community's records nor tell whether they exist.
 *
 * Each kind of record is defined by the module that owns its table (`residentReference` in
 * @linli/people, `placeReference` in @linli/territory …): it says, in SQL, where its records sit
 * in the territory — the ltree path it is checked against. Kinds with no place of their own
 * (categories, departments) belong to the whole county: only the tenant is checked. Attachments
 * belong to their uploader until linked.
 */
export interface ReferenceKind {
  /** A name unique among kinds (e.g. `resident`). */
  name: string;
  /** English noun of the not-found message (translated by error-messages.ts). */
  noun: string;
  /** The table, aliased `x`, with any join that gives it a place. */
  from: SQL;
  /** The ltree path checked against the scope; null when `scopeCondition`, `county` or `actorCondition` decides. */
  path: SQL | null;
  where?: SQL;
  scopeCondition?: (scope: string[]) => SQL;
  county?: boolean;
  actorCondition?: (actor: Actor) => SQL;
}

/**
 * A field's kind, optionally with its own scope and with places above the scope that may be named:
 * `orAncestorOf` a path (a handling unit containing the demand's place), or `orAboveScope` (a
 * county or subdistrict organ, which every community below it may name, as in 双报到).
 */
export type ReferenceRule = ReferenceKind | { kind: ReferenceKind; scope?: string[]; orAncestorOf?: string; orAboveScope?: boolean };

function ruleParts(rule: ReferenceRule): { kind: ReferenceKind; scope?: string[]; orAncestorOf?: string; orAboveScope?: boolean } {
  return 'kind' in rule ? rule : { kind: rule };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The fields of `input` (per `rules`: a string, an array of strings, or absent) whose ids are not
 * records of the caller's tenant inside `scope` — unknown and out of scope alike. One query per
 * kind and scope. For a module that already answers an unknown id in its own words: it puts these
 * fields into that same answer, so an id outside the scope reads exactly like an unknown one.
 */
export async function missingReferences(
  db: Db,
  actor: Actor,
  scope: string[],
  input: object,
  rules: Record<string, ReferenceRule>,
): Promise<ErrorDetail[]> {
  const values = input as Record<string, unknown>;
  // Group the wanted ids by kind and effective scope, so each group is one query.
  const groups = new Map<string, { kind: ReferenceKind; scope: string[]; ancestorOf?: string; aboveScope: boolean; ids: Set<string> }>();
  const wanted: { field: string; ids: string[]; group: string }[] = [];
  const missing: ErrorDetail[] = [];
  for (const [field, rule] of Object.entries(rules)) {
    const raw = values[field];
    if (raw === undefined || raw === null) continue;
    const ids = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    if (ids.length === 0) continue;
    const { kind, scope: own, orAncestorOf, orAboveScope } = ruleParts(rule);
    if (ids.some((id) => !UUID.test(id))) {
      missing.push({ field, reason: 'not found' });
      continue;
    }
    const effective = own ?? scope;
    const key = `${kind.name}|${effective.join(',')}|${orAncestorOf ?? ''}|${orAboveScope ? 'above' : ''}`;
    const group = groups.get(key) ?? {
      kind,
      scope: effective,
      ancestorOf: orAncestorOf,
      aboveScope: orAboveScope === true,
      ids: new Set<string>(),
    };
    for (const id of ids) group.ids.add(id.toLowerCase());
    groups.set(key, group);
    wanted.push({ field, ids: ids.map((id) => id.toLowerCase()), group: key });
  }
  const found = new Map<string, Set<string>>();
  for (const [key, group] of groups) {
    const spec = group.kind;
    const conditions: SQL[] = [
      sql`x.tenant_id = ${actor.tenantId}`,
      sql`x.id IN (${sql.join(
        [...group.ids].map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    ];
    if (spec.where) conditions.push(spec.where);
    if (spec.actorCondition) conditions.push(spec.actorCondition(actor));
    else if (!spec.county) {
      let place = spec.scopeCondition ? spec.scopeCondition(group.scope) : inScope(spec.path as SQL, group.scope);
      // A handling unit may lie above the caller's scope when it contains the place in question.
      if (group.ancestorOf && spec.path) place = sql`(${place} OR ${spec.path} @> ${group.ancestorOf}::ltree)`;
      if (group.aboveScope && spec.path && group.scope.length > 0) {
        place = sql`(${place} OR ${sql.join(
          group.scope.map((p) => sql`${spec.path} @> ${p}::ltree`),
          sql` OR `,
        )})`;
      }
      conditions.push(place);
    }
    const hits = await rows<{ id: string }>(db, sql`SELECT x.id::text AS id FROM ${spec.from} WHERE ${sql.join(conditions, sql` AND `)}`);
    found.set(key, new Set(hits.map((r) => r.id)));
  }
  for (const w of wanted) {
    const seen = found.get(w.group);
    if (!w.ids.every((id) => seen?.has(id))) missing.push({ field: w.field, reason: 'not found' });
  }
  return missing;
}

/**
 * Checks every id named in `input` by the fields of `rules` against the caller's tenant and
 * `scope` and throws 404 `not_found` naming the fields whose ids are unknown or out of scope — the
 * same answer for both, and nothing about the record behind the id.
 *
 *   await requireReferences(tx, ctx.actor, scopePaths(ctx.actor, 'party.write'), input,
 *     { residentId: residentReference, orgId: partyOrgReference });
 */
export async function requireReferences(
  db: Db,
  actor: Actor,
  scope: string[],
  input: object,
  rules: Record<string, ReferenceRule>,
): Promise<void> {
  const missing = await missingReferences(db, actor, scope, input, rules);
  if (missing.length === 0) return;
  const noun = ruleParts(rules[missing[0]?.field as string] as ReferenceRule).kind.noun;
  throw new AppError('not_found', `${noun} not found`, missing);
}
