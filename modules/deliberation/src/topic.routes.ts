import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  cursorPage,
  errorResponses,
  type ModuleDeps,
  requireAbility,
  requireContext,
  requireReferences,
  runWrite,
  sendXlsx,
  toXlsx,
} from '@linli/core';
import { placeReference } from '@linli/territory';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { addAdviser } from './commands/add-adviser.ts';
import { escalateTopic } from './commands/escalate-topic.ts';
import { mergeTopic } from './commands/merge-topic.ts';
import { screenTopic } from './commands/screen-topic.ts';
import { submitTopic } from './commands/submit-topic.ts';
import { supportTopic } from './commands/support-topic.ts';
import { transitionTopic } from './commands/transition-topic.ts';
import {
  AddAdviserBody,
  DeliberationKpis,
  EscalateTopicBody,
  KpiQuery,
  MergeTopicBody,
  ScreenTopicBody,
  SimilarTopics,
  SubmitTopicBody,
  SupportResult,
  Topic,
  TopicDetail,
  TopicExportQuery,
  TopicListQuery,
  TopicPage,
  TransitionTopicBody,
} from './contract.ts';
import { deliberationKpis } from './deliberation-kpis.ts';
import { deliberationNouns } from './errors.ts';
import { similarTopics } from './similar-topics.ts';
import { TopicRepository, topicCursorFor } from './topic.repository.ts';
import { householdsOf, readTopicDetail } from './topic-detail.ts';

const tags = ['deliberation'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The compounds of a resident's households (their paths), from the household paths. */
function compoundPaths(paths: string[]): string[] {
  // county.subdistrict.community.compound.building.entrance.household: the compound is the fourth label.
  return paths.map((p) => p.split('.').slice(0, 4).join('.'));
}

/** The topic pool: staff lists, detail and actions; residents' proposals and supports; the KPIs. */
export async function topicRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, cipher } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/deliberation/topics',
    {
      schema: {
        operationId: 'listDeliberationTopics',
        summary: 'Topics of the pool in scope, by state, level, source and kind; sorted and paged',
        tags,
        querystring: TopicListQuery,
        response: { 200: TopicPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      if (request.query.nodeId) await requireReferences(db, ctx.actor, scope, request.query, { nodeId: placeReference });
      return cursorPage(request.query, topicCursorFor(request.query.sort), (filter, page) =>
        new TopicRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/deliberation/topics/export.xlsx',
    {
      schema: {
        operationId: 'exportDeliberationTopics',
        summary: 'The topics with the same filters as Excel',
        tags,
        querystring: TopicExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      if (request.query.nodeId) await requireReferences(db, ctx.actor, scope, request.query, { nodeId: placeReference });
      const { items } = await new TopicRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '议题库',
          columns: [
            { header: '编号', key: 'number', width: 16 },
            { header: '议题', key: 'title', width: 40 },
            { header: '地点', key: 'place', width: 36 },
            { header: '层级', key: 'level', width: 12 },
            { header: '状态', key: 'status', width: 12 },
            { header: '来源', key: 'source', width: 14 },
            { header: '事项', key: 'kindName', width: 20 },
            { header: '支持户数', key: 'supportCount', width: 10 },
            { header: '红色项目', key: 'red', width: 10 },
            { header: '提出时间', key: 'submittedAt', width: 22 },
            { header: '期限', key: 'dueAt', width: 22 },
          ],
          rows: items.map((t) => ({ ...t, place: t.locationPath.join(' / '), red: t.redProject ? '是' : '' })),
        },
      ]);
      return sendXlsx(reply, file, '议题库.xlsx', 'deliberation-topics.xlsx');
    },
  );

  app.get(
    '/deliberation/topics/:id',
    {
      schema: {
        operationId: 'getDeliberationTopic',
        summary: 'One topic with its sources, advisers, timeline and the actions the caller may take',
        tags,
        params: IdParams,
        response: { 200: TopicDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const households = householdsOf(ctx.actor);
      if (households.length === 0) requireAbility(ctx.actor, 'deliberation.read');
      return readTopicDetail(db, ctx.actor, request.params.id, compoundPaths(households.map((h) => h.path)));
    },
  );

  app.get(
    '/deliberation/topics/:id/similar',
    {
      schema: {
        operationId: 'listSimilarDeliberationTopics',
        summary:
          'Likely duplicates of a topic to merge it into: open topics of its compound (and above) in scope with similar titles, most alike first',
        tags,
        params: IdParams,
        response: { 200: SimilarTopics, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      const topic = await new TopicRepository(db).findDetail(ctx.actor.tenantId, request.params.id, scope);
      if (!topic) throw AppError.notFound(deliberationNouns.topic, request.params.id);
      return { items: await similarTopics(db, ctx.actor.tenantId, scope, topic) };
    },
  );

  app.post(
    '/deliberation/topics',
    {
      schema: {
        operationId: 'submitDeliberationTopic',
        summary: 'Take a topic into the pool (staff from any source, a resident for their own compound)',
        tags,
        body: SubmitTopicBody,
        response: { 201: TopicDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const created = await runWrite(db, (tx) => submitTopic(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/deliberation/topics/:id/screen',
    {
      schema: {
        operationId: 'screenDeliberationTopic',
        summary: 'Admission screening: admissible with an allowed kind, or excluded and redirected',
        tags,
        params: IdParams,
        body: ScreenTopicBody,
        response: { 200: TopicDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      return runWrite(db, (tx) => screenTopic(tx, cipher, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/deliberation/topics/:id/transition',
    {
      schema: {
        operationId: 'transitionDeliberationTopic',
        summary: 'Move a topic on: pool, schedule, deliberate, decide, implement, complete, evaluate, publish, close',
        tags,
        params: IdParams,
        body: TransitionTopicBody,
        response: { 200: TopicDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      return runWrite(db, (tx) => transitionTopic(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/deliberation/topics/:id/escalate',
    {
      schema: {
        operationId: 'escalateDeliberationTopic',
        summary: 'Carry a topic a level up (beyond the street: a red project)',
        tags,
        params: IdParams,
        body: EscalateTopicBody,
        response: { 200: TopicDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      return runWrite(db, (tx) => escalateTopic(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/deliberation/topics/:id/merge',
    {
      schema: {
        operationId: 'mergeDeliberationTopic',
        summary: 'Merge a duplicate into the topic that survives (sources and supports move)',
        tags,
        params: IdParams,
        body: MergeTopicBody,
        response: { 200: TopicDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      return runWrite(db, (tx) => mergeTopic(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/deliberation/topics/:id/advisers',
    {
      schema: {
        operationId: 'addDeliberationTopicAdviser',
        summary: 'Record a professional adviser (judge, lawyer, mediator …) of a topic',
        tags,
        params: IdParams,
        body: AddAdviserBody,
        response: { 200: TopicDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      return runWrite(db, (tx) => addAdviser(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/deliberation/topics/:id/support',
    {
      schema: {
        operationId: 'supportDeliberationTopic',
        summary: "A resident's household supports a topic of its compound (once)",
        tags,
        params: IdParams,
        response: { 200: SupportResult, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return runWrite(db, (tx) => supportTopic(tx, ctx, request.params.id));
    },
  );

  app.get(
    '/deliberation/my/topics',
    {
      schema: {
        operationId: 'listMyCompoundTopics',
        summary: "Topics of the resident's own compound (and of the community and street above it)",
        tags,
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ ...Topic.properties, supportedByMe: Type.Boolean() })) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const households = householdsOf(ctx.actor);
      const repo = new TopicRepository(db);
      const items = [];
      for (const compound of [...new Set(compoundPaths(households.map((h) => h.path)))]) {
        for (const t of await repo.ofCompound(ctx.actor.tenantId, compound, 100)) {
          items.push({
            ...t,
            supportedByMe: await repo.supportedBy(
              ctx.actor.tenantId,
              t.id,
              households.map((h) => h.id),
            ),
          });
        }
      }
      return { items };
    },
  );

  app.get(
    '/deliberation/kpis',
    {
      schema: {
        operationId: 'getDeliberationKpis',
        summary: 'Figures of deliberation for a place and period (rates as fractions)',
        tags,
        querystring: KpiQuery,
        response: { 200: DeliberationKpis, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      const { nodeId, from, to } = request.query;
      if (nodeId) await requireReferences(db, ctx.actor, scope, request.query, { nodeId: placeReference });
      if (from && to && from > to) throw AppError.invalid([{ field: 'to', reason: 'is before from' }]);
      return deliberationKpis(db, { tenantId: ctx.actor.tenantId, paths: scope }, nodeId, { from, to });
    },
  );
}
