// Intake as it was before the one-statement write (commit 9d1297b), kept only so that
// bench/profile-intake.ts --compare can time both in one run on the same database and load:
// lookup, insert with number, timeline entry, audit head lock + append, outbox event, read-back.
import {
  AppError,
  auditEntry,
  can,
  type ErrorDetail,
  emitEvents,
  isValidPhone,
  newId,
  type PersonalDataCipher,
  type RequestContext,
  recordAudit,
} from '@linli/core';
import type { Db } from '@linli/db';
import { linkAttachments } from '../../modules/demands/src/attachments.ts';
import type { Channel, Demand, SubmitDemandBody } from '../../modules/demands/src/contract.ts';
import { computeDeadlines, type DeadlineCalendar, FALLBACK_RULE, nationalCalendar } from '../../modules/demands/src/deadlines.ts';
import { DemandRepository, visibleTo } from '../../modules/demands/src/demand.repository.ts';

export interface SubmitOptions {
  now?: Date;
  /** Working-day calendar for day deadlines; the national one (no tenant overrides) by default. */
  calendar?: DeadlineCalendar;
}

const residentChannels: readonly Channel[] = ['mobile', 'web'];
const staffOnly = ['reporter', 'externalId', 'level', 'submittedAt'] as const;

/** First line of the description, as a title when none is given. */
function titleFrom(description: string): string {
  const line = description.trim().split(/\s*\n\s*/)[0] ?? '';
  const chars = [...line];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : line;
}

/**
 * Takes in a demand, from staff (any channel, for a caller or anonymously; demand.intake on the
 * place) or from a resident for themself (mobile or web). The category gives the default handling
 * level and, with the urgency, the response and resolution deadlines.
 */
export async function legacySubmitDemand(
  tx: Db,
  cipher: PersonalDataCipher,
  ctx: RequestContext,
  input: SubmitDemandBody,
  options: SubmitOptions = {},
): Promise<Demand> {
  const { actor } = ctx;
  const tenantId = actor.tenantId;
  const now = options.now ?? new Date();
  const demands = new DemandRepository(tx);
  const isStaff = can(actor, 'demand.intake');
  const isResident = !isStaff && actor.grants.some((g) => g.role === 'resident');
  if (!isStaff && !isResident) throw AppError.forbidden('Permission demand.intake is required');

  const errors: ErrorDetail[] = [];
  const urgency = input.urgency ?? 'normal';
  const { node, category, rule, externalTaken } = await demands.intakeLookup(tenantId, {
    nodeId: input.nodeId,
    categoryId: input.categoryId,
    type: input.type,
    urgency,
    externalId: input.externalId ?? null,
  });
  if (!node) errors.push({ field: 'nodeId', reason: 'is not a place in this county' });
  if (!category?.active) errors.push({ field: 'categoryId', reason: 'is not an active demand category' });
  const channel = input.channel ?? (isStaff ? 'walk_in' : 'mobile');
  const reporter = input.reporter ?? { kind: 'anonymous' as const };
  if (isResident) {
    for (const field of staffOnly) if (input[field] !== undefined) errors.push({ field, reason: 'is set by staff intake only' });
    if (!residentChannels.includes(channel)) errors.push({ field: 'channel', reason: 'a resident submits through mobile or web' });
  } else if (reporter.kind === 'caller') {
    if (!reporter.phone) errors.push({ field: 'reporter.phone', reason: 'is required for a caller' });
    else if (!isValidPhone(reporter.phone)) errors.push({ field: 'reporter.phone', reason: 'is not a valid phone number' });
  } else if (reporter.phone || reporter.name) {
    errors.push({ field: 'reporter', reason: 'an anonymous demand carries no name or phone' });
  }
  const submittedAt = input.submittedAt ? new Date(input.submittedAt) : now;
  if (submittedAt.getTime() > now.getTime() + 60_000) errors.push({ field: 'submittedAt', reason: 'is in the future' });
  if ((input.lat === undefined) !== (input.lng === undefined)) errors.push({ field: 'lat', reason: 'lat and lng go together' });
  if (errors.length > 0 || !node || !category) throw AppError.invalid(errors);
  if (isStaff && !can(actor, 'demand.intake', node.path)) throw AppError.forbidden('Permission demand.intake is required for this place');
  if (externalTaken) {
    throw AppError.conflict('A demand with this external id is already registered', { field: 'externalId' });
  }

  const { responseDueAt, resolveDueAt } = computeDeadlines(submittedAt, rule ?? FALLBACK_RULE, options.calendar ?? nationalCalendar);
  const shanghaiYear = new Date(submittedAt.getTime() + 8 * 3_600_000).getUTCFullYear().toString();
  const id = newId();
  const level = input.level ?? category.defaultLevel;
  const phone = reporter.kind === 'caller' ? cipher.protect(reporter.phone, 'phone') : { enc: null, hash: null, masked: null };
  const number = await demands.insert({
    tenantId,
    id,
    year: shanghaiYear,
    channel,
    type: input.type,
    categoryId: category.id,
    urgency,
    title: input.title?.trim() || titleFrom(input.description),
    description: input.description.trim(),
    nodeId: node.id,
    nodePath: node.path,
    address: input.address?.trim() || null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    reporterKind: isResident ? 'resident' : reporter.kind,
    reporterAccountId: isResident ? actor.accountId : null,
    reporterName: isResident ? actor.displayName : reporter.kind === 'caller' ? (reporter.name?.trim() ?? null) : null,
    reporterPhone: phone,
    staffOnly: false,
    externalId: input.externalId ?? null,
    level,
    responseDueAt,
    resolveDueAt,
    submittedAt,
    createdBy: actor.accountId,
  });
  await linkAttachments(tx, { tenantId, demandId: id, stage: 'intake', accountId: actor.accountId }, input.attachmentIds);
  // The timeline, audit and event name what happened and where, never the reporter's contact.
  const data = { channel, categoryId: category.id, level, urgency, nodeId: node.id, attachments: input.attachmentIds?.length ?? 0 };
  await demands.appendEvent({
    tenantId,
    demandId: id,
    actorId: actor.accountId,
    actorName: actor.displayName,
    action: 'submit',
    fromStatus: null,
    toStatus: 'submitted',
    data,
  });
  await recordAudit(
    tx,
    auditEntry(ctx, 'demand.submit', { type: 'demand', id }, { number, reporterKind: isResident ? 'resident' : reporter.kind, ...data }),
  );
  await emitEvents(tx, { tenantId, type: 'demand.submitted', aggregateType: 'demand', aggregateId: id, payload: { number, ...data } });
  const created = await demands.findSummary(tenantId, id, visibleTo(actor)); // was sql`true`: bench/ cannot import drizzle-orm; same round trip;
  if (!created) throw new Error('submitted demand not readable');
  return created;
}
