import { shanghaiDay } from '@linli/calendar';
import type { Actor } from '@linli/core';
import type { Db } from '@linli/db';
import { territory } from '@linli/territory';
import type { MyEvaluation } from './contract.ts';
import { residentHousehold } from './resident.ts';
import { RoundRepository } from './round.repository.ts';
import { ScoreRepository } from './score.repository.ts';

/** What a resident's phone shows: their compound and its company, the open round and their rating, the last result. */
export async function readMyEvaluation(db: Db, actor: Actor, now = new Date()): Promise<MyEvaluation> {
  const empty: MyEvaluation = { compound: null, company: null, round: null, myRating: null, lastResult: null };
  const household = residentHousehold(actor);
  if (!household) return empty;
  const tenantId = actor.tenantId;
  const compound = await territory.ancestorOfKind(db, tenantId, household.path, 'compound');
  if (!compound) return empty;
  const rounds = new RoundRepository(db);
  const company = (await rounds.companyOf(tenantId, compound.id)) ?? null;
  const round = (await rounds.openRoundOver(tenantId, household.path, shanghaiDay(now))) ?? null;
  const myRating = round ? ((await rounds.myRating(tenantId, round.id, household.id)) ?? null) : null;
  const last = await rounds.lastClosedOver(tenantId, household.path);
  let lastResult: MyEvaluation['lastResult'] = null;
  const scores = new ScoreRepository(db);
  if (last && (await scores.result(tenantId, last.id))) {
    // Published at close: the combined score and its rank among the round's compounds.
    const kept = await scores.scores(tenantId, last.id, 'compound');
    const mine = kept.find((r) => r.id === compound.id);
    if (mine)
      lastResult = {
        period: last.period,
        placeName: last.placeName,
        score: mine.combined,
        residentScore: mine.residentScore,
        ratings: mine.ratings,
        rank: mine.rank,
        of: kept.length,
      };
  } else if (last) {
    const ranking = await rounds.ranking(tenantId, last.id, 'compound', {});
    const mine = ranking.find((r) => r.id === compound.id);
    if (mine)
      lastResult = {
        period: last.period,
        placeName: last.placeName,
        score: mine.score,
        ratings: mine.ratings,
        rank: mine.rank,
        of: ranking.length,
      };
  }
  return { compound: { id: compound.id, name: compound.name }, company, round, myRating, lastResult };
}
