import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, errorResponses, type ModuleDeps, requireAbility, requireContext, runWrite, sendXlsx, toXlsx } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createVisitPlans } from './commands/create-visit-plans.ts';
import { raiseVisitTopic } from './commands/raise-visit-topic.ts';
import { recordVisit } from './commands/record-visit.ts';
import { TopicDetail } from './contract.ts';
import { VisitRepository } from './visit.repository.ts';
import {
  CreatedVisitPlans,
  CreateVisitPlansBody,
  PlanHouseholdList,
  PlanHouseholdQuery,
  RaiseVisitTopicBody,
  RecordVisitBody,
  Visit,
  VisitCoverageList,
  VisitCoverageQuery,
} from './visit-contract.ts';
import { visitNouns } from './visit-errors.ts';

const tags = ['deliberation'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const outcomeNames: Record<string, string> = { visited: '已走访', not_home: '不在家', refused: '拒访' };

/** Quarterly home visits (入户走访) for staff: the plans and their coverage, a plan's households, the visits and topics raised. */
export async function visitRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/deliberation/visit-plans',
    {
      schema: {
        operationId: 'listDeliberationVisitPlans',
        summary: "The quarter's home-visit plans in scope, each grid's households, visited, not at home and coverage",
        tags,
        querystring: VisitCoverageQuery,
        response: { 200: VisitCoverageList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      return new VisitRepository(db).coverage(ctx.actor.tenantId, scope, request.query.quarter, request.query.nodeId);
    },
  );

  app.post(
    '/deliberation/visit-plans',
    {
      schema: {
        operationId: 'createDeliberationVisitPlans',
        summary: "Make the quarter's plan of every grid in scope that has none (idempotent; audited)",
        tags,
        body: CreateVisitPlansBody,
        response: { 200: CreatedVisitPlans, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      return runWrite(db, (tx) => createVisitPlans(tx, ctx, request.body));
    },
  );

  app.get(
    '/deliberation/visit-plans/export.xlsx',
    {
      schema: {
        operationId: 'exportDeliberationVisitPlans',
        summary: "The quarter's coverage per grid and every visit recorded, as Excel",
        tags,
        querystring: VisitCoverageQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      const { quarter, nodeId } = request.query;
      const visits = new VisitRepository(db);
      const coverage = await visits.coverage(ctx.actor.tenantId, scope, quarter, nodeId);
      const recorded = await visits.visitsOfQuarter(ctx.actor.tenantId, scope, quarter, nodeId);
      const file = await toXlsx([
        {
          name: '走访覆盖',
          columns: [
            { header: '社区', key: 'communityName', width: 18 },
            { header: '网格', key: 'gridName', width: 18 },
            { header: '户数', key: 'households', width: 8 },
            { header: '已走访', key: 'visited', width: 8 },
            { header: '不在家', key: 'notHome', width: 8 },
            { header: '拒访', key: 'refused', width: 8 },
            { header: '未走访', key: 'unvisited', width: 8 },
            { header: '覆盖率（%）', key: 'coverage', width: 10 },
            { header: '反映问题', key: 'raised', width: 10 },
            { header: '形成议题', key: 'topics', width: 10 },
          ],
          rows: coverage.items.map((r) => ({ ...r, unvisited: r.households - r.visited - r.notHome - r.refused })),
        },
        {
          name: '走访记录',
          columns: [
            { header: '社区', key: 'communityName', width: 18 },
            { header: '网格', key: 'gridName', width: 18 },
            { header: '住户', key: 'place', width: 32 },
            { header: '走访日期', key: 'visitedOn', width: 12 },
            { header: '走访人', key: 'visitorName', width: 12 },
            { header: '结果', key: 'outcome', width: 10 },
            { header: '次数', key: 'attempts', width: 6 },
            { header: '反映的问题', key: 'raised', width: 48 },
            { header: '议题编号', key: 'topicNumber', width: 16 },
          ],
          rows: recorded.map((v) => ({ ...v, place: v.place.join(' '), outcome: outcomeNames[v.outcome] ?? v.outcome })),
        },
      ]);
      return sendXlsx(reply, file, `入户走访-${quarter}.xlsx`, `home-visits-${quarter}.xlsx`);
    },
  );

  app.get(
    '/deliberation/visit-plans/:id/households',
    {
      schema: {
        operationId: 'listDeliberationVisitPlanHouseholds',
        summary: "A plan's households with their visit state (filter: not visited yet, not at home …)",
        tags,
        params: IdParams,
        querystring: PlanHouseholdQuery,
        response: { 200: PlanHouseholdList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      const visits = new VisitRepository(db);
      const plan = await visits.plan(ctx.actor.tenantId, request.params.id, scope);
      if (!plan) throw AppError.notFound(visitNouns.plan, request.params.id);
      const items = await visits.households(ctx.actor.tenantId, plan, request.query);
      const { communityPath: _path, ...shown } = plan;
      return { plan: shown, items };
    },
  );

  app.post(
    '/deliberation/visit-plans/:id/visits',
    {
      schema: {
        operationId: 'recordDeliberationVisit',
        summary: 'Record a visit of a household of the grid: visited, not at home or refused, and what was raised (audited)',
        tags,
        params: IdParams,
        body: RecordVisitBody,
        response: { 201: Visit, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      const visit = await runWrite(db, (tx) => recordVisit(tx, ctx, request.params.id, request.body));
      return reply.status(201).send(visit);
    },
  );

  app.get(
    '/deliberation/visits/:id',
    {
      schema: {
        operationId: 'getDeliberationVisit',
        summary: 'A home visit with every attempt and the topic raised from it',
        tags,
        params: IdParams,
        response: { 200: Visit, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      const visits = new VisitRepository(db);
      const found = await visits.findVisit(ctx.actor.tenantId, request.params.id, scope);
      const visit = found && (await visits.visit(ctx.actor.tenantId, found.id));
      if (!visit) throw AppError.notFound(visitNouns.visit, request.params.id);
      return visit;
    },
  );

  app.post(
    '/deliberation/visits/:id/topic',
    {
      schema: {
        operationId: 'raiseDeliberationVisitTopic',
        summary: "Take what a visit raised into the topic pool (source home_visit, the household's compound); once per visit",
        tags,
        params: IdParams,
        body: RaiseVisitTopicBody,
        response: { 201: Type.Object({ visit: Visit, topic: TopicDetail }), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      const raised = await runWrite(db, (tx) => raiseVisitTopic(tx, ctx, request.params.id, request.body));
      return reply.status(201).send(raised);
    },
  );
}
