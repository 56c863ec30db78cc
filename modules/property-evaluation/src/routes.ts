import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  createFileStore,
  cursorPage,
  errorResponses,
  type FileStore,
  type ModuleDeps,
  requireAbility,
  requireContext,
  runWrite,
  sendXlsx,
  toXlsx,
} from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { closeRound } from './commands/close-round.ts';
import { openRound } from './commands/open-round.ts';
import { ratePropertyService } from './commands/rate-property-service.ts';
import {
  MyEvaluation,
  OpenRoundBody,
  Ranking,
  RankingQuery,
  type RankingRow,
  RateBody,
  Round,
  RoundExportQuery,
  RoundListQuery,
  RoundPage,
} from './contract.ts';
import { propertyEvaluationNouns } from './errors.ts';
import { inspectionRoutes } from './inspection-routes.ts';
import { readMyEvaluation } from './my-evaluation.ts';
import { RoundCursor, RoundRepository } from './round.repository.ts';
import { scoreRoutes } from './score-routes.ts';

const tags = ['property-evaluation'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const statusNames = { open: '进行中', closed: '已结束' } as const;

/** The ranking's rows in the order asked (the rank stays the score's). */
function ordered(rows: RankingRow[], sort: RankingQuery['sort']): RankingRow[] {
  if (!sort || sort === '-score') return rows;
  const by: Record<string, (a: RankingRow, b: RankingRow) => number> = {
    score: (a, b) => b.rank - a.rank,
    ratings: (a, b) => a.ratings - b.ratings || a.rank - b.rank,
    '-ratings': (a, b) => b.ratings - a.ratings || a.rank - b.rank,
    name: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
  };
  return [...rows].sort(by[sort]);
}

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function propertyEvaluationRoutes(fastify: FastifyInstance, deps: ModuleDeps & { files?: FileStore }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  const files = deps.files ?? createFileStore(deps.config);
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });
  inspectionRoutes(fastify, db, files);
  scoreRoutes(fastify, db);

  app.get(
    '/property-evaluation/rounds',
    {
      schema: {
        operationId: 'listPropertyEvaluationRounds',
        summary: 'Rounds of property-service evaluation in scope, newest first',
        tags,
        querystring: RoundListQuery,
        response: { 200: RoundPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'propertyEvaluation.read');
      return cursorPage(request.query, RoundCursor, (filter, page) =>
        new RoundRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/property-evaluation/rounds/export.xlsx',
    {
      schema: {
        operationId: 'exportPropertyEvaluationRounds',
        summary: 'The rounds with the same filters as Excel',
        tags,
        querystring: RoundExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'propertyEvaluation.read');
      const { items } = await new RoundRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '物业服务测评',
          columns: [
            { header: '期次', key: 'period', width: 12 },
            { header: '范围', key: 'nodeName', width: 20 },
            { header: '开始', key: 'opensOn', width: 12 },
            { header: '截止', key: 'closesOn', width: 12 },
            { header: '状态', key: 'status', width: 10 },
            { header: '评价户数', key: 'ratings', width: 10 },
          ],
          rows: items.map((r) => ({ ...r, status: statusNames[r.status] })),
        },
      ]);
      return sendXlsx(reply, file, '物业服务测评.xlsx', 'property-evaluation-rounds.xlsx');
    },
  );

  app.post(
    '/property-evaluation/rounds',
    {
      schema: {
        operationId: 'openPropertyEvaluationRound',
        summary: 'Open a quarter’s round over a county, street or community (audited)',
        tags,
        body: OpenRoundBody,
        response: { 201: Round, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'propertyEvaluation.write');
      const created = await runWrite(db, (tx) => openRound(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/property-evaluation/rounds/:id',
    {
      schema: {
        operationId: 'getPropertyEvaluationRound',
        summary: 'One round',
        tags,
        params: IdParams,
        response: { 200: Round, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'propertyEvaluation.read');
      const found = await new RoundRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(propertyEvaluationNouns.round, request.params.id);
      return found;
    },
  );

  app.post(
    '/property-evaluation/rounds/:id/close',
    {
      schema: {
        operationId: 'closePropertyEvaluationRound',
        summary: 'Close a round: its ranking is final (audited)',
        tags,
        params: IdParams,
        response: { 200: Round, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'propertyEvaluation.write');
      return runWrite(db, (tx) => closeRound(tx, ctx, request.params.id));
    },
  );

  const readRanking = async (request: { params: { id: string }; query: RankingQuery }, actor: Parameters<typeof requireAbility>[0]) => {
    const scope = requireAbility(actor, 'propertyEvaluation.read');
    const rounds = new RoundRepository(db);
    const round = await rounds.findById(actor.tenantId, request.params.id, scope);
    if (!round) throw AppError.notFound(propertyEvaluationNouns.round, request.params.id);
    const rows = await rounds.ranking(actor.tenantId, round.id, request.query.by ?? 'compound', request.query);
    return { round, rows: ordered(rows, request.query.sort) };
  };

  app.get(
    '/property-evaluation/rounds/:id/ranking',
    {
      schema: {
        operationId: 'rankPropertyEvaluationRound',
        summary: 'The round’s ranking by compound or by company: ratings, coverage, dimension averages, score out of 100',
        tags,
        params: IdParams,
        querystring: RankingQuery,
        response: { 200: Ranking, ...errors },
      },
    },
    async (request) => readRanking(request, requireContext(request).actor),
  );

  app.get(
    '/property-evaluation/rounds/:id/ranking/export.xlsx',
    {
      schema: {
        operationId: 'exportPropertyEvaluationRanking',
        summary: 'The round’s ranking as Excel',
        tags,
        params: IdParams,
        querystring: RankingQuery,
      },
    },
    async (request, reply) => {
      const { round, rows } = await readRanking(request, requireContext(request).actor);
      const byCompany = request.query.by === 'company';
      const file = await toXlsx([
        {
          name: `${round.period}排名`,
          columns: [
            { header: '名次', key: 'rank', width: 8 },
            { header: byCompany ? '物业服务企业' : '小区', key: 'name', width: 28 },
            ...(byCompany ? [{ header: '小区数', key: 'compounds', width: 10 }] : [{ header: '社区', key: 'communityName', width: 18 }]),
            { header: '得分', key: 'score', width: 10 },
            { header: '评价户数', key: 'ratings', width: 10 },
            { header: '总户数', key: 'households', width: 10 },
            { header: '参评率', key: 'coverage', width: 10 },
            { header: '保洁', key: 'cleaning', width: 8 },
            { header: '安保', key: 'security', width: 8 },
            { header: '绿化', key: 'greening', width: 8 },
            { header: '维修', key: 'repairs', width: 8 },
            { header: '服务态度', key: 'manners', width: 10 },
            { header: '收费', key: 'fees', width: 8 },
          ],
          rows: rows.map((r) => ({ ...r, ...r.averages, name: r.name || '（无物业）' })),
        },
      ]);
      return sendXlsx(reply, file, `物业服务测评${round.period}.xlsx`, `property-evaluation-${round.period}.xlsx`);
    },
  );

  app.get(
    '/me/property-evaluation',
    {
      schema: {
        operationId: 'getMyPropertyEvaluation',
        summary: 'The resident’s compound, its company, the open round with their rating, and the last result',
        tags,
        response: { 200: MyEvaluation, ...errors },
      },
    },
    async (request) => readMyEvaluation(db, requireContext(request).actor),
  );

  app.post(
    '/me/property-evaluation',
    {
      schema: {
        operationId: 'ratePropertyService',
        summary: 'The resident rates their compound’s property service in an open round (one rating per household)',
        tags,
        body: RateBody,
        response: {
          201: Type.Object({ roundId: Type.String(), compound: Type.Object({ id: Type.String(), name: Type.String() }) }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const rated = await runWrite(db, (tx) => ratePropertyService(tx, ctx, request.body));
      return reply.status(201).send(rated);
    },
  );
}
