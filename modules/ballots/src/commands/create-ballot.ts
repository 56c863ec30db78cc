import { AppError, auditEntry, emitEvents, newId, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference } from '@linli/territory';
import { BallotRepository } from '../ballot.repository.ts';
import type { Ballot, CreateBallotBody } from '../contract.ts';
import { presetRules } from '../decision.ts';
import { ballotsErrors, ballotsNouns } from '../errors.ts';
import { requireSubjects } from './subject-reference.ts';

/**
 * Creates a ballot (draft) on a place in the caller's scope, for a subject of any module
 * (`{ kind, id, title }`, no foreign key). The rule is a preset (Art. 278 ordinary or major, simple
 * majority) or custom fractions; Art. 278 rules count households weighted by floor area.
 */
export async function createBallot(tx: Tx, ctx: RequestContext, input: CreateBallotBody): Promise<Ballot> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ballots.write');
  await requireReferences(tx, ctx.actor, scope, input, { placeId: placeReference });
  // The subject, when it is a record of ours (a topic, a meeting …), is checked like any reference.
  await requireSubjects(tx, ctx.actor, scope, [{ field: 'subject.id', kind: input.subject.kind, id: input.subject.id }]);
  const problems: { field: string; reason: string }[] = [];
  const title = input.title.trim();
  const subjectTitle = input.subject.title.trim();
  const options = input.options.map((o) => o.trim());
  if (!title) problems.push({ field: 'title', reason: 'is empty' });
  if (!subjectTitle) problems.push({ field: 'subject.title', reason: 'is empty' });
  options.forEach((o, i) => {
    if (!o) problems.push({ field: `options.${i}`, reason: 'is empty' });
  });
  if (new Set(options).size !== options.length) problems.push({ field: 'options', reason: 'holds the same option twice' });
  const maxChoices = input.maxChoices ?? 1;
  if (maxChoices > options.length) problems.push({ field: 'maxChoices', reason: `is more than the ${options.length} options` });
  const art278 = input.rule === 'art278_ordinary' || input.rule === 'art278_major';
  const weighting = input.weighting ?? (art278 ? 'area' : 'none');
  if (art278 && (input.voterUnit !== 'household' || weighting !== 'area'))
    problems.push({ field: 'rule', reason: 'Civil Code Art. 278 counts households (owners) weighted by floor area' });
  if (input.rule === 'custom' && !input.pass) problems.push({ field: 'pass', reason: 'is required with rule custom' });
  if (input.rule !== 'custom' && (input.pass || input.quorum))
    problems.push({ field: 'rule', reason: 'quorum and pass are set only with rule custom' });
  if (input.quorum && input.quorum.num > input.quorum.den) problems.push({ field: 'quorum', reason: 'is more than the whole' });
  if (input.pass && input.pass.num > input.pass.den) problems.push({ field: 'pass', reason: 'is more than the whole' });
  if (problems.length) throw AppError.invalid(problems);
  if (weighting === 'area' && input.voterUnit !== 'household') throw AppError.of(ballotsErrors.area_needs_households);

  const preset = input.rule === 'custom' ? undefined : presetRules[input.rule];
  const quorum = preset?.quorum ?? input.quorum ?? { num: 0, den: 1 };
  const pass = preset ? { ...preset.pass, basis: preset.basis } : (input.pass as NonNullable<CreateBallotBody['pass']>);
  const id = newId();
  const ballots = new BallotRepository(tx);
  await ballots.insert(
    tenantId,
    {
      id,
      placeId: input.placeId,
      subjectKind: input.subject.kind,
      subjectId: input.subject.id ?? null,
      subjectTitle,
      title,
      method: input.method,
      voterUnit: input.voterUnit,
      weighting,
      rule: input.rule,
      quorumNum: quorum.num,
      quorumDen: quorum.den,
      passNum: pass.num,
      passDen: pass.den,
      passStrict: pass.strict,
      passBasis: pass.basis,
      maxChoices,
      maxProxies: input.maxProxies ?? 0,
      allowChange: input.allowChange ?? true,
      anonymous: input.anonymous ?? true,
      createdBy: ctx.actor.accountId,
    },
    options,
  );
  await recordAudit(
    tx,
    auditEntry(ctx, 'ballots.create', { type: 'ballot', id }, { title, rule: input.rule, method: input.method, subject: input.subject }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'ballots.created',
    aggregateType: 'ballot',
    aggregateId: id,
    payload: { subjectKind: input.subject.kind, subjectId: input.subject.id ?? null },
  });
  const created = await ballots.detail(tenantId, id, scope);
  if (!created) throw AppError.notFound(ballotsNouns.ballot, id);
  return created;
}
