import { type Actor, AppError, can, inScope, missingReferences, type RequestContext, scopePaths } from '@linli/core';
import type { Db } from '@linli/db';
import { type HandlingLevel, handlingLevels, visibleTo } from '@linli/demands';
import { placeReference } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { predict } from './classifier.ts';
import type { SimilarDemand, SimilarQuery, StaffSimilarDemand, SuggestBody, Suggestions } from './contract.ts';
import { classifierFor } from './current-classifier.ts';
import { demandSmartErrors, demandSmartNouns } from './errors.ts';
import { type Candidate, OPEN_STATUSES, placePath, SimilarRepository } from './similar.repository.ts';
import { findSimilar, type GeoPoint } from './similarity.ts';
import { tokenize } from './tokenize.ts';
import { demandText } from './training.ts';

export const SIMILAR_WINDOW_DAYS = 30;
export const SIMILAR_RADIUS_METERS = 200;
/** At intake, the few most similar open demands are enough to ask "is it one of these?". */
export const SUGGEST_SIMILAR_LIMIT = 5;
/** Candidates read per look-up (newest first); a place rarely has more open demands in a month. */
const CANDIDATE_LIMIT = 300;
/** Cosine at or above which two open demands at the same place are offered for merging, not just linking. */
export const MERGE_THRESHOLD = 0.7;

export interface SuggestOptions {
  now?: Date;
  windowDays?: number;
  radiusMeters?: number;
  similarLimit?: number;
}

const DAY_MS = 86_400_000;

/**
 * Tokens of recent demands by id: segmenting is most of the cost of ranking candidates (about a
 * quarter of a millisecond per text), and a demand's text does not change, so each is segmented
 * once per process. Checked against the text, bounded, oldest dropped first.
 */
const TOKEN_CACHE_SIZE = 20_000;
const tokenCache = new Map<string, { text: string; tokens: string[] }>();
function tokensOf(id: string, text: string): string[] {
  const hit = tokenCache.get(id);
  if (hit && hit.text === text) return hit.tokens;
  const tokens = tokenize(text);
  tokenCache.set(id, { text, tokens });
  if (tokenCache.size > TOKEN_CACHE_SIZE) tokenCache.delete(tokenCache.keys().next().value!);
  return tokens;
}

/**
 * Suggestions while a demand is being written, for staff intake (demand.intake) and for residents:
 * the top 3 categories and handling levels from the tenant's classifier (or the built-in one), and
 * the open demands at the same compound (or within the radius of the coordinates) whose text is
 * similar, from the last `windowDays`. Staff see what their scope shows them; a resident sees only
 * demands in their own compound (or their own anywhere nearby), and only public fields.
 *
 * This is the function intake calls; it reads and never writes.
 */
export async function suggestFor(db: Db, ctx: RequestContext, input: SuggestBody, options: SuggestOptions = {}): Promise<Suggestions> {
  const { actor } = ctx;
  const tenantId = actor.tenantId;
  const isStaff = can(actor, 'demand.intake');
  const isResident = !isStaff && actor.grants.some((g) => g.role === 'resident');
  if (!isStaff && !isResident) throw AppError.of(demandSmartErrors.intake_required);
  if ((input.lat === undefined) !== (input.lng === undefined))
    throw AppError.invalid([{ field: 'lat', reason: 'lat and lng go together' }]);

  const repo = new SimilarRepository(db);
  const context = await repo.context(tenantId, input.nodeId ?? null);
  // Staff ask about places of their own territory (a resident may report anywhere in the county):
  // another community's place answers like one that does not exist.
  const outOfScope =
    isStaff &&
    input.nodeId !== undefined &&
    (await missingReferences(db, actor, scopePaths(actor, 'demand.intake'), input, { nodeId: placeReference })).length > 0;
  if (input.nodeId && (!context.node || outOfScope)) throw AppError.invalid([{ field: 'nodeId', reason: 'is not a place in this county' }]);
  const classifier = await classifierFor(db, tenantId, context.modelId);
  const text = demandText(input.title, input.description);

  const categories = predict(classifier.models.category, text, classifier.models.category.labels.length)
    .flatMap((s) => {
      const category = context.categories.get(s.label);
      return category ? [{ categoryId: category.id, code: s.label, name: category.name, confidence: s.confidence }] : [];
    })
    .slice(0, 3);
  const levels = predict(classifier.models.level, text, 3)
    .filter((s): s is { label: HandlingLevel; confidence: number } => (handlingLevels as readonly string[]).includes(s.label))
    .map((s) => ({ level: s.label, confidence: s.confidence }));

  const point = input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : null;
  let similar: SimilarDemand[] = [];
  if (context.node || point) {
    const now = options.now ?? new Date();
    const windowDays = options.windowDays ?? SIMILAR_WINDOW_DAYS;
    const radiusMeters = options.radiusMeters ?? SIMILAR_RADIUS_METERS;
    const candidates = await repo.candidates({
      tenantId,
      accountId: actor.accountId,
      place: context.node?.placePath ?? null,
      point,
      radiusMeters,
      from: new Date(now.getTime() - windowDays * DAY_MS),
      to: new Date(now.getTime() + 60_000),
      statuses: OPEN_STATUSES,
      visible: isStaff ? visibleTo(actor) : residentVisibility(actor),
      limit: CANDIDATE_LIMIT,
    });
    similar = rank(text, context.node?.placeId ?? null, point, now, candidates, {
      windowDays,
      radiusMeters,
      limit: options.similarLimit ?? SUGGEST_SIMILAR_LIMIT,
    }).map(({ candidate, match }) => publicFields(candidate, match));
  }
  return {
    source: classifier.stats.source,
    modelTrainedAt: context.modelId ? classifier.stats.trainedAt : null,
    categories,
    levels,
    similar,
  };
}

/**
 * Demands like the given one — at the same compound or within the radius, submitted within the
 * window before or after it, visible to the caller — to link, or to merge when both are open at the
 * same place with nearly the same text. Staff only (demand.read or demand.handle); 404 when the
 * caller cannot see the demand.
 */
export async function similarTo(db: Db, ctx: RequestContext, id: string, query: SimilarQuery = {}): Promise<StaffSimilarDemand[]> {
  const { actor } = ctx;
  if (!can(actor, 'demand.read') && !can(actor, 'demand.handle')) throw AppError.of(demandSmartErrors.read_required);
  const repo = new SimilarRepository(db);
  const subject = await repo.subject(actor.tenantId, id, visibleTo(actor, { asReporter: false }));
  if (!subject) throw AppError.notFound(demandSmartNouns.demand, id);
  const windowDays = query.windowDays ?? SIMILAR_WINDOW_DAYS;
  const radiusMeters = query.radiusMeters ?? SIMILAR_RADIUS_METERS;
  const candidates = await repo.candidates({
    tenantId: actor.tenantId,
    accountId: actor.accountId,
    place: subject.placePath,
    point: subject.point,
    radiusMeters,
    from: new Date(subject.submittedAt.getTime() - windowDays * DAY_MS),
    to: new Date(subject.submittedAt.getTime() + windowDays * DAY_MS),
    statuses: ['submitted', 'accepted', 'returned', 'dispatched', 'in_progress', 'resolved', 'evaluated', 'closed'],
    visible: visibleTo(actor, { asReporter: false }),
    excludeId: subject.id,
    limit: CANDIDATE_LIMIT,
  });
  const open = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);
  return rank(demandText(subject.title, subject.description), subject.placeId, subject.point, subject.submittedAt, candidates, {
    windowDays,
    radiusMeters,
    limit: query.limit ?? 10,
  }).map(({ candidate, match }) => ({
    ...publicFields(candidate, match),
    categoryId: candidate.categoryId,
    categoryName: candidate.categoryName,
    level: candidate.level as HandlingLevel,
    suggestion:
      open(subject.status) && open(candidate.status) && match.matchedBy === 'node' && match.similarity >= MERGE_THRESHOLD
        ? 'merge'
        : 'link',
  }));
}

/** A resident's view of nearby demands: those located in their own compound(s), and their own. */
function residentVisibility(actor: Actor): SQL {
  const homes = [...new Set(actor.grants.filter((g) => g.role === 'resident').map((g) => placePath(g.path)))];
  return sql`(${inScope(sql`d.node_path`, homes)} OR d.reporter_account_id = ${actor.accountId}::uuid)`;
}

function rank(
  text: string,
  placeId: string | null,
  point: GeoPoint | null,
  at: Date,
  candidates: Candidate[],
  options: { windowDays: number; radiusMeters: number; limit: number },
) {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const matches = findSimilar(
    { text, nodeId: placeId, point, createdAt: at },
    candidates.map((c) => ({
      id: c.id,
      text: demandText(c.title, c.description),
      tokens: tokensOf(c.id, demandText(c.title, c.description)),
      // Everything under the place counts as the same place; the rest only by distance.
      nodeId: c.inPlace ? placeId : null,
      point: c.point,
      createdAt: c.submittedAt,
    })),
    options,
  );
  return matches.map((match) => ({ candidate: byId.get(match.id)!, match }));
}

function publicFields(c: Candidate, match: ReturnType<typeof findSimilar>[number]): SimilarDemand {
  return {
    id: c.id,
    number: c.number,
    title: c.title,
    status: c.status,
    submittedAt: c.submittedAt.toISOString(),
    score: match.similarity,
    matchedBy: match.matchedBy,
    ...(match.distanceMeters === undefined ? {} : { distanceMeters: match.distanceMeters }),
    mine: c.mine,
  };
}
