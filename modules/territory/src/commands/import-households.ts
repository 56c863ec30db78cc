import {
  AppError,
  auditEntry,
  createImportJob,
  emitEvents,
  failImportJob,
  maskIdNumber,
  maskPhone,
  newId,
  type PersonalDataCipher,
  type RequestContext,
  readImportFile,
  recordAudit,
  rejectImport,
  updateImportJob,
} from '@linli/core';
import { type Db, ltreeLabel } from '@linli/db';
import type { HouseholdImportResult, ImportCounts, NodeKind, RowError } from '../contract.ts';
import { type HouseholdRow, readHouseholdFile, validateHouseholdRows } from '../household-file.ts';
import { nodeForAbility } from '../policies.ts';
import {
  insertNodes,
  insertResidents,
  type NewNode,
  type ResidentValues,
  residentsForImport,
  setHouseholdFloorAreas,
  subtreeNodes,
  updateResidents,
} from '../territory.repository.ts';

export interface ImportHouseholdsInput {
  communityId: string;
  fileName: string;
  data: Buffer;
}

export interface ImportHouseholdsDeps {
  db: Db;
  cipher: PersonalDataCipher;
  /**
   * Where progress is written while the import transaction is open. It must be a connection other
   * than the transaction's (PostgreSQL pool), or nobody could see it before the commit; on embedded
   * PGlite (one connection) leave it out and the job shows progress only at the end.
   */
  progressDb?: Db;
}

const CHUNK = 500;

/**
 * Imports households and residents of one community from an XLSX or CSV file.
 *
 * 1. The job row is written first (own transaction), so the UI can poll it and show the report.
 * 2. The whole file is read and checked; any error → the job is marked failed with every row
 *    error (own transaction, audited as failed) and 422 is thrown: no territory or resident row.
 * 3. Otherwise one transaction writes everything: compounds → buildings → entrances → households
 *    (matched by name under their parent, created when new, multi-row inserts), then residents
 *    (matched by ID-number hash, else by household + name; updated in place, otherwise inserted),
 *    the job result, the audit record and the domain event.
 *
 * The command opens its transactions itself because the failure report must survive the
 * rollback of the data.
 */
export async function importHouseholds(
  deps: ImportHouseholdsDeps,
  ctx: RequestContext,
  input: ImportHouseholdsInput,
): Promise<HouseholdImportResult> {
  const { db, cipher } = deps;
  const { tenantId } = ctx.actor;
  const community = await nodeForAbility(db, ctx.actor, input.communityId, 'territory.import');
  if (community.kind !== 'community')
    throw AppError.invalid([{ field: 'communityId', reason: 'households are imported into a community' }]);

  const jobId = newId();
  await createImportJob(db, { tenantId, id: jobId, kind: 'households', fileName: input.fileName, createdBy: ctx.actor.accountId });
  const fail = (found: RowError[], totalRows: number): Promise<never> => {
    // The report is stored and shown again later: phone and ID numbers in it are masked.
    const errors = found.map(maskValue);
    const audit = auditEntry(
      ctx,
      'territory.import.households',
      { type: 'territory_node', id: community.id },
      { jobId, fileName: input.fileName, rows: totalRows, errors: errors.length },
      'failed',
    );
    return rejectImport(db, { tenantId, id: jobId }, errors, totalRows, audit);
  };

  const read = await readImportFile(db, { tenantId, id: jobId }, () => readHouseholdFile(input.fileName, input.data), fail);
  // A missing column makes every row wrong in the same way: report the header alone.
  if (read.errors.length) return fail(read.errors, read.rows.length);
  const checked = validateHouseholdRows(read.rows);
  const totalRows = read.rows.length;
  const errors = [...checked.errors];

  // ID numbers already registered: by keyed hash, inside this community or anywhere in the tenant.
  const hashOf = new Map(checked.rows.filter((r) => r.idNumber).map((r) => [r.row, cipher.hash(r.idNumber as string)]));
  const existingResidents = await residentsForImport(db, tenantId, community.path, [...new Set(hashOf.values())]);
  const inCommunity = (path: string | null) => path?.startsWith(`${community.path}.`) === true;
  const byHash = new Map(existingResidents.filter((r) => r.idNumberHash).map((r) => [r.idNumberHash as string, r]));
  for (const r of checked.rows) {
    const hash = hashOf.get(r.row);
    const found = hash ? byHash.get(hash) : undefined;
    if (found && !inCommunity(found.householdPath)) {
      errors.push({
        row: r.row,
        column: '身份证号',
        reason: 'this person is registered in a household of another community; move them there first',
      });
    }
  }
  if (errors.length)
    return fail(
      errors.sort((a, b) => a.row - b.row),
      totalRows,
    );

  await updateImportJob(db, tenantId, jobId, { status: 'importing', totalRows });
  try {
    return await db.transaction(async (tx) => {
      const plan = await planNodes(tx, tenantId, community, checked.rows);
      for (const level of ['compound', 'building', 'entrance', 'household'] as const) await insertNodes(tx, plan.newNodes[level]);
      await setHouseholdFloorAreas(tx, tenantId, floorAreas(plan.householdOf, checked.rows));

      const created: ImportCounts = { ...plan.created, residents: 0 };
      const updated: ImportCounts = { ...plan.matched, residents: 0 };
      const inserts: ResidentValues[] = [];
      const updates: ResidentValues[] = [];
      const byHouseholdName = new Map(
        existingResidents.filter((r) => inCommunity(r.householdPath)).map((r) => [`${r.householdId}\u0000${r.name}`, r]),
      );
      const taken = new Set<string>();
      for (const r of checked.rows) {
        const householdId = plan.householdOf.get(r.row) as string;
        const hash = hashOf.get(r.row);
        let match = hash ? byHash.get(hash) : undefined;
        if (!match) {
          const sameName = byHouseholdName.get(`${householdId}\u0000${r.name}`);
          // Without an ID match, the person of the same name in the same household is the same
          // resident — unless that resident carries a different ID number.
          if (sameName && (!sameName.idNumberHash || !hash)) match = sameName;
        }
        if (match && taken.has(match.id)) match = undefined;
        const values: ResidentValues = {
          id: match?.id ?? newId(),
          householdId,
          name: r.name,
          gender: r.gender,
          birthDate: r.birthDate,
          relation: r.relation,
          phone: cipher.protect(r.phone, 'phone'),
          idNumber: cipher.protect(r.idNumber, 'id_number'),
          tags: r.tags,
          isPartyMember: r.isPartyMember,
        };
        if (match) {
          taken.add(match.id);
          updates.push(values);
        } else inserts.push(values);
      }

      let processed = 0;
      const report = async () => {
        if (deps.progressDb) await updateImportJob(deps.progressDb, tenantId, jobId, { processedRows: processed });
      };
      for (let i = 0; i < updates.length; i += CHUNK) {
        const chunk = updates.slice(i, i + CHUNK);
        await updateResidents(tx, tenantId, chunk);
        processed += chunk.length;
        await report();
      }
      for (let i = 0; i < inserts.length; i += CHUNK) {
        const chunk = inserts.slice(i, i + CHUNK);
        await insertResidents(tx, tenantId, chunk);
        processed += chunk.length;
        await report();
      }
      created.residents = inserts.length;
      updated.residents = updates.length;

      const sum = (c: ImportCounts) => c.compounds + c.buildings + c.entrances + c.households + c.residents;
      await updateImportJob(tx, tenantId, jobId, {
        status: 'succeeded',
        processedRows: totalRows,
        createdRows: sum(created),
        updatedRows: sum(updated),
        finished: true,
      });
      await recordAudit(
        tx,
        auditEntry(
          ctx,
          'territory.import.households',
          { type: 'territory_node', id: community.id },
          { jobId, fileName: input.fileName, rows: totalRows, created, updated },
        ),
      );
      await emitEvents(tx, {
        tenantId,
        type: 'territory.households_imported',
        aggregateType: 'territory_node',
        aggregateId: community.id,
        payload: { jobId, created, updated },
      });
      return { jobId, rows: totalRows, created, updated };
    });
  } catch (err) {
    await failImportJob(db, tenantId, jobId, err, 'the import failed while writing; nothing was imported');
    throw err;
  }
}

type Level = 'compound' | 'building' | 'entrance' | 'household';
const levels: Level[] = ['compound', 'building', 'entrance', 'household'];
const plural: Record<Level, keyof ImportCounts> = {
  compound: 'compounds',
  building: 'buildings',
  entrance: 'entrances',
  household: 'households',
};

/**
 * Finds or plans every node the rows need, level by level, from the community's existing subtree
 * (read in one query): natural key = name under the parent.
 */
async function planNodes(tx: Db, tenantId: string, community: { id: string; path: string; depth: number }, rows: HouseholdRow[]) {
  const existing = await subtreeNodes(tx, tenantId, community.path, levels);
  const known = new Map<string, { id: string; path: string }>();
  for (const n of existing) known.set(`${n.parentId}\u0000${n.name}`, { id: n.id, path: n.path });
  const newNodes: Record<Level, NewNode[]> = { compound: [], building: [], entrance: [], household: [] };
  const createdIds = new Set<string>();
  const matchedIds: Record<Level, Set<string>> = { compound: new Set(), building: new Set(), entrance: new Set(), household: new Set() };
  const householdOf = new Map<number, string>();
  for (const r of rows) {
    let parent = { id: community.id, path: community.path };
    let depth = community.depth;
    for (const level of levels) {
      depth += 1;
      const name = r[level];
      const key = `${parent.id}\u0000${name}`;
      let node = known.get(key);
      if (!node) {
        const id = newId();
        node = { id, path: `${parent.path}.${ltreeLabel(id)}` };
        known.set(key, node);
        createdIds.add(id);
        newNodes[level].push({ tenantId, id, parentId: parent.id, kind: level as NodeKind, name, path: node.path, depth });
      } else if (!createdIds.has(node.id)) matchedIds[level].add(node.id);
      parent = node;
    }
    householdOf.set(r.row, parent.id);
  }
  const created = { compounds: 0, buildings: 0, entrances: 0, households: 0 };
  const matched = { compounds: 0, buildings: 0, entrances: 0, households: 0 };
  for (const level of levels) {
    created[plural[level] as keyof typeof created] = newNodes[level].length;
    matched[plural[level] as keyof typeof matched] = matchedIds[level].size;
  }
  return { newNodes, created, matched, householdOf };
}

function maskValue(e: RowError): RowError {
  if (typeof e.value !== 'string') return e;
  if (e.column === '身份证号') return { ...e, value: maskIdNumber(e.value) };
  if (e.column === '手机号') return { ...e, value: maskPhone(e.value) };
  return e;
}

/** 建筑面积 of each household whose rows give one (new and matched households alike). */
function floorAreas(householdOf: Map<number, string>, rows: HouseholdRow[]): Map<string, number> {
  const areas = new Map<string, number>();
  for (const r of rows) {
    const id = householdOf.get(r.row);
    if (id && r.floorArea !== null) areas.set(id, r.floorArea);
  }
  return areas;
}
