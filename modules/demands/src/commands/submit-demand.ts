import { tenantCalendar } from '@linli/calendar';
import {
  AppError,
  auditEntry,
  can,
  type ErrorDetail,
  ensureAuditHead,
  isValidPhone,
  newId,
  type PersonalDataCipher,
  type RequestContext,
} from '@linli/core';
import { type Db, transaction } from '@linli/db';
import { linkAttachments } from '../attachments.ts';
import type { Channel, Demand, SubmitDemandBody } from '../contract.ts';
import { computeDeadlines, type DeadlineCalendar, FALLBACK_RULE } from '../deadlines.ts';
import { DemandRepository } from '../demand.repository.ts';

export interface SubmitOptions {
  now?: Date;
  /** Working-day calendar for day deadlines; by default the tenant's (national holidays with its overrides). */
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
 *
 * An autocommit write (see runWrite): it takes the database handle, and its change is a lookup and
 * ONE write statement (number, demand, timeline, event, audit record, read-back), atomic by itself,
 * without BEGIN/COMMIT round trips. Attachments to link must commit with the demand: then it opens a
 * transaction (or joins the one it was given, e.g. with an Idempotency-Key claim).
 */
export async function submitDemand(
  db: Db,
  cipher: PersonalDataCipher,
  ctx: RequestContext,
  input: SubmitDemandBody,
  options: SubmitOptions = {},
): Promise<Demand> {
  if ((input.attachmentIds?.length ?? 0) === 0) return submit(db, cipher, ctx, input, options);
  return transaction(db, (tx) => submit(tx, cipher, ctx, input, options));
}

async function submit(
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
  const { node, category, rule, externalTaken, calendarStamp } = await demands.intakeLookup(tenantId, {
    nodeId: input.nodeId,
    categoryId: input.categoryId,
    type: input.type,
    urgency,
    externalId: input.externalId ?? null,
  });
  // Staff take in demands of their own territory: another community's place answers like an unknown one.
  if (!node || (isStaff && !can(actor, 'demand.intake', node.path)))
    errors.push({ field: 'nodeId', reason: 'is not a place in this county' });
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
  if (externalTaken) {
    throw AppError.conflict('A demand with this external id is already registered', { field: 'externalId' });
  }

  const deadlineRule = rule ?? FALLBACK_RULE;
  // The tenant's calendar matters only when a deadline counts working days; its stamp came with the
  // lookup, so the cached calendar is reused without a round trip and rebuilt only after a change.
  const inDays = deadlineRule.responseUnit === 'working_days' || deadlineRule.resolveUnit === 'working_days';
  const calendar = options.calendar ?? (inDays ? await tenantCalendar(tx, tenantId, calendarStamp) : undefined);
  const { responseDueAt, resolveDueAt } = computeDeadlines(submittedAt, deadlineRule, calendar);
  const shanghaiYear = new Date(submittedAt.getTime() + 8 * 3_600_000).getUTCFullYear().toString();
  const id = newId();
  const level = input.level ?? category.defaultLevel;
  const phone = reporter.kind === 'caller' ? cipher.protect(reporter.phone, 'phone') : { enc: null, hash: null, masked: null };
  const row = {
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
    staffOnly: input.staffOnly ?? false,
    externalId: input.externalId ?? null,
    level,
    responseDueAt,
    resolveDueAt,
    submittedAt,
    createdBy: actor.accountId,
  };
  // The timeline, audit and event name what happened and where, never the reporter's contact; the
  // number is drawn inside the write, so the audit record and event take it from there.
  const data = { channel, categoryId: category.id, level, urgency, nodeId: node.id, attachments: input.attachmentIds?.length ?? 0 };
  const write = () =>
    demands.insertSubmitted(row, {
      timeline: { actorName: actor.displayName, data },
      audit: auditEntry(ctx, 'demand.submit', { type: 'demand', id }, { reporterKind: isResident ? 'resident' : reporter.kind, ...data }),
      event: { tenantId, type: 'demand.submitted', aggregateType: 'demand', aggregateId: id, payload: data },
    });
  // One statement: number, demand, timeline, event, audit record and the read-back.
  let created = await write();
  if (!created) {
    // Nothing was written: the tenant's audit chain has no head yet.
    await ensureAuditHead(tx, tenantId);
    created = await write();
    if (!created) throw new Error('submitted demand not written');
  }
  await linkAttachments(tx, { tenantId, demandId: id, stage: 'intake', accountId: actor.accountId }, input.attachmentIds);
  return created;
}
