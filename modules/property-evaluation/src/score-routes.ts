import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { type Actor, AppError, errorResponses, requireAbility, requireContext, runWrite, sendXlsx, toXlsx } from '@linli/core';
import type { Db } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { computeCombinedScores } from './combined-score.ts';
import { setWeights } from './commands/set-weights.ts';
import { type ScoreRow, Scores, ScoresQuery, Weights, WeightsBody } from './contract.ts';
import { propertyEvaluationNouns } from './errors.ts';
import { RoundRepository } from './round.repository.ts';
import { ScoreRepository } from './score.repository.ts';

const tags = ['property-evaluation'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const pct = (r: number | null) => (r === null ? '' : `${Math.round(r * 1000) / 10}%`);

/**
 * A round's combined scores: kept at close for a closed round (final, published), computed now for an
 * open one (a preview under the current weights). A round closed before combined scores existed has none.
 */
export async function readScores(db: Db, actor: Actor, roundId: string, query: ScoresQuery): Promise<Scores> {
  const scope = requireAbility(actor, 'propertyEvaluation.read');
  const round = await new RoundRepository(db).findById(actor.tenantId, roundId, scope);
  if (!round) throw AppError.notFound(propertyEvaluationNouns.round, roundId);
  const by = query.by ?? 'compound';
  const scores = new ScoreRepository(db);
  let result: Omit<Scores, 'round' | 'final' | 'rows'> & { rows: ScoreRow[] };
  const kept = round.status === 'closed' ? await scores.result(actor.tenantId, round.id) : undefined;
  if (kept) result = { ...kept, rows: await scores.scores(actor.tenantId, round.id, by) };
  else if (round.status === 'closed') result = { weights: await scores.currentWeights(actor.tenantId), from: '', to: '', rows: [] };
  else {
    const c = await computeCombinedScores(db, actor.tenantId, round);
    result = { weights: c.weights, from: c.from, to: c.to, rows: by === 'company' ? c.companies : c.compounds };
  }
  const rows =
    query.sort === '-rank'
      ? [...result.rows].reverse()
      : query.sort === 'name'
        ? [...result.rows].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
        : result.rows;
  return { round, final: Boolean(kept), ...result, rows };
}

/** The combined score routes: a round's scores (JSON, Excel) and the county's weights. */
export function scoreRoutes(fastify: FastifyInstance, db: Db): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/property-evaluation/rounds/:id/scores',
    {
      schema: {
        operationId: 'getPropertyEvaluationScores',
        summary: 'The round’s combined scores by compound or company (residents, demands, inspections, weighted), ranked',
        tags,
        params: IdParams,
        querystring: ScoresQuery,
        response: { 200: Scores, ...errors },
      },
    },
    async (request) => readScores(db, requireContext(request).actor, request.params.id, request.query),
  );

  app.get(
    '/property-evaluation/rounds/:id/scores/export.xlsx',
    {
      schema: {
        operationId: 'exportPropertyEvaluationScores',
        summary: 'The round’s combined scores as Excel',
        tags,
        params: IdParams,
        querystring: ScoresQuery,
      },
    },
    async (request, reply) => {
      const s = await readScores(db, requireContext(request).actor, request.params.id, request.query);
      const byCompany = request.query.by === 'company';
      const w = s.weights;
      const file = await toXlsx([
        {
          name: `${s.round.period}综合得分`,
          columns: [
            { header: '名次', key: 'rank', width: 8 },
            { header: byCompany ? '物业服务企业' : '小区', key: 'name', width: 28 },
            ...(byCompany ? [{ header: '小区数', key: 'compounds', width: 8 }] : [{ header: '社区', key: 'communityName', width: 18 }]),
            { header: '综合得分', key: 'combined', width: 10 },
            { header: `居民评价(${w.residents})`, key: 'residentScore', width: 12 },
            { header: '评价户数', key: 'ratings', width: 10 },
            { header: `诉求办理(${w.demands})`, key: 'demandScore', width: 12 },
            { header: '办结诉求', key: 'demandsResolved', width: 10 },
            { header: '按期办结率', key: 'onTimeRate', width: 12 },
            { header: '满意率', key: 'satisfactionRate', width: 10 },
            { header: `检查(${w.inspections})`, key: 'inspectionScore', width: 10 },
            { header: '检查合格项/检查项', key: 'inspection', width: 16 },
          ],
          rows: s.rows.map((r) => ({
            ...r,
            onTimeRate: pct(r.onTimeRate),
            satisfactionRate: pct(r.satisfactionRate),
            inspection: `${r.inspectionPassed}/${r.inspectionItems}`,
          })),
        },
      ]);
      return sendXlsx(reply, file, `物业服务综合得分${s.round.period}.xlsx`, `property-evaluation-scores-${s.round.period}.xlsx`);
    },
  );

  app.get(
    '/property-evaluation/weights',
    {
      schema: {
        operationId: 'getPropertyEvaluationWeights',
        summary: 'The county’s current weights of the combined score (version 0: the defaults)',
        tags,
        response: { 200: Weights, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'propertyEvaluation.read');
      return new ScoreRepository(db).currentWeights(ctx.actor.tenantId);
    },
  );

  app.post(
    '/property-evaluation/weights',
    {
      schema: {
        operationId: 'setPropertyEvaluationWeights',
        summary: 'Set a new version of the county’s weights (county staff; audited; rounds closed later keep it)',
        tags,
        body: WeightsBody,
        response: { 200: Weights, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'propertyEvaluation.write');
      return runWrite(db, (tx) => setWeights(tx, ctx, request.body));
    },
  );
}
