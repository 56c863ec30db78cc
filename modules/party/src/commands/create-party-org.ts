import {
  AppError,
  auditEntry,
  can,
  type ErrorDetail,
  emitEvents,
  newId,
  type RequestContext,
  recordAudit,
  requireReferences,
  scopePaths,
} from '@linli/core';
import { type Db, ltreeLabel } from '@linli/db';
import { residentReference } from '@linli/people';
import { placeReference, territory } from '@linli/territory';
import type { CreateOrgBody, PartyOrgDetail } from '../contract.ts';
import { partyErrors, partyOrgKindNouns } from '../errors.ts';
import { PartyOrgRepository } from '../party-org.repository.ts';
import { partyOrgReference } from '../references.ts';
import { nodeKindOf, parentKindOf } from '../schema.ts';

/**
 * Founds a party organisation one level below its parent (街道党工委 → 社区党委 → 小区党支部 →
 * 楼栋党小组 → 党员中心户), on a territory node of the matching kind inside the parent's node.
 */
export async function createPartyOrg(tx: Db, ctx: RequestContext, input: CreateOrgBody): Promise<PartyOrgDetail> {
  const tenantId = ctx.actor.tenantId;
  const orgs = new PartyOrgRepository(tx);
  // Another community's organisation, place or resident answers as one that does not exist.
  await requireReferences(tx, ctx.actor, scopePaths(ctx.actor, 'party.write'), input, {
    parentId: partyOrgReference,
    nodeId: placeReference,
    secretaryId: residentReference,
  });
  const errors: ErrorDetail[] = [];
  const expectedParentKind = parentKindOf(input.kind);
  const parent = input.parentId ? await orgs.findRef(tenantId, input.parentId) : undefined;
  if (expectedParentKind === null && input.parentId) {
    errors.push({ field: 'parentId', reason: 'a subdistrict committee is the top of the tree and has no parent' });
  } else if (expectedParentKind !== null && !parent) {
    errors.push({ field: 'parentId', reason: `a ${input.kind} needs a parent ${expectedParentKind}` });
  } else if (parent && parent.kind !== expectedParentKind) {
    errors.push({ field: 'parentId', reason: `the parent of a ${input.kind} must be a ${expectedParentKind}, not a ${parent.kind}` });
  }
  const parentOk = errors.length === 0;
  const node = await territory.node(tx, tenantId, input.nodeId);
  const expectedNodeKind = nodeKindOf[input.kind];
  if (!node || node.kind !== expectedNodeKind) {
    errors.push({ field: 'nodeId', reason: `a ${input.kind} sits on a ${expectedNodeKind}` });
  } else if (parentOk && parent && !node.path.startsWith(`${parent.nodePath}.`)) {
    errors.push({ field: 'nodeId', reason: "must lie inside the parent organisation's territory" });
  }
  if (input.secretaryId && !(await orgs.residentExists(tenantId, input.secretaryId))) {
    errors.push({ field: 'secretaryId', reason: 'is not a resident' });
  }
  if (errors.length > 0 || !node) throw AppError.invalid(errors);
  if (!can(ctx.actor, 'party.write', node.path)) throw AppError.of(partyErrors.write_required);
  if (await orgs.existsFor(tenantId, input.kind, node.id)) {
    throw AppError.of(partyErrors.org_exists_here, { node: node.name, kind: partyOrgKindNouns[input.kind] }, { field: 'nodeId' });
  }

  const id = newId();
  const path = parent ? `${parent.path}.${ltreeLabel(id)}` : ltreeLabel(id);
  await orgs.insert({
    tenantId,
    id,
    parentId: parent?.id ?? null,
    kind: input.kind,
    name: input.name.trim(),
    nodeId: node.id,
    path,
    secretaryId: input.secretaryId ?? null,
    establishedOn: input.establishedOn ?? null,
  });
  await recordAudit(
    tx,
    auditEntry(ctx, 'party.org.create', { type: 'party_org', id }, { kind: input.kind, nodeId: node.id, parentId: parent?.id }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'party_org.created',
    aggregateType: 'party_org',
    aggregateId: id,
    payload: { kind: input.kind, nodeId: node.id },
  });
  const created = await orgs.findById(tenantId, id, scopePaths(ctx.actor, 'party.write'));
  if (!created) throw new Error('created party organisation not readable');
  return created;
}
