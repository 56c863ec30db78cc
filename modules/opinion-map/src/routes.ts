import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  cursorPage,
  errorResponses,
  type ModuleDeps,
  type RequestContext,
  requireAbility,
  requireContext,
  runWrite,
  sendXlsx,
  toXlsx,
} from '@linli/core';
import type { Db } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { addStatement } from './commands/add-statement.ts';
import { castVote } from './commands/cast-vote.ts';
import { closeConversation } from './commands/close-conversation.ts';
import { createConversation } from './commands/create-conversation.ts';
import { moderateStatement } from './commands/moderate-statement.ts';
import { refreshMap } from './commands/refresh-map.ts';
import { writeStatement } from './commands/write-statement.ts';
import {
  AddStatementBody,
  Conversation,
  ConversationExportQuery,
  ConversationListQuery,
  ConversationPage,
  CreateConversationBody,
  ModerateStatementBody,
  MyConversationList,
  MyPosition,
  OpinionMapView,
  Statement,
  StatementExportQuery,
  StatementListQuery,
  StatementPage,
  StatementsToVote,
  VoteBody,
  VoteResult,
  WrittenStatement,
} from './contract.ts';
import { ConversationRepository, conversationCursorFor } from './conversation.repository.ts';
import { opinionMapNouns } from './errors.ts';
import { councilView, residentView } from './map-view.ts';
import { residentHomes } from './participation.ts';
import { StatementRepository, statementCursorFor } from './statement.repository.ts';
import { VoteRepository } from './vote.repository.ts';

const tags = ['opinion-map'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const stateZh: Record<string, string> = { open: '征集中', closed: '已结束' };
const statusZh: Record<string, string> = { pending: '待审核', approved: '已通过', rejected: '已驳回' };
const reasonZh: Record<string, string> = {
  excluded_topic: '属负面清单事项',
  off_topic: '与议题无关',
  personal_data: '含个人信息',
  abusive: '不文明用语',
  duplicate: '重复观点',
  other: '其他',
};

/** A conversation in the caller's read scope, or 404 (another community's answers like an unknown one). */
async function readable(db: Db, ctx: RequestContext, id: string) {
  const scope = requireAbility(ctx.actor, 'opinionMap.read');
  const row = await new ConversationRepository(db).version(ctx.actor.tenantId, id, { scope });
  if (!row) throw AppError.notFound(opinionMapNouns.conversation, id);
  return row;
}

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function opinionMapRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  // ---- Staff: conversations

  app.get(
    '/opinion-map/conversations',
    {
      schema: {
        operationId: 'listOpinionConversations',
        summary: 'Opinion-map conversations of places in scope, filtered and sorted',
        tags,
        querystring: ConversationListQuery,
        response: { 200: ConversationPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'opinionMap.read');
      return cursorPage(request.query, conversationCursorFor(request.query.sort), (filter, page) =>
        new ConversationRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/opinion-map/conversations/export.xlsx',
    {
      schema: {
        operationId: 'exportOpinionConversations',
        summary: 'The conversations with the same filters as Excel',
        tags,
        querystring: ConversationExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'opinionMap.read');
      const { items } = await new ConversationRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '观点征集',
          columns: [
            { header: '区域', key: 'nodeName', width: 20 },
            { header: '标题', key: 'title', width: 40 },
            { header: '状态', key: 'state', width: 10 },
            { header: '观点数', key: 'statementCount', width: 10 },
            { header: '待审核', key: 'pendingCount', width: 10 },
            { header: '参与人数', key: 'participantCount', width: 10 },
            { header: '投票数', key: 'voteCount', width: 10 },
            { header: '发起时间', key: 'createdAt', width: 22 },
          ],
          rows: items.map((c) => ({ ...c, state: stateZh[c.state] ?? c.state })),
        },
      ]);
      return sendXlsx(reply, file, '观点征集.xlsx', 'opinion-conversations.xlsx');
    },
  );

  app.post(
    '/opinion-map/conversations',
    {
      schema: {
        operationId: 'createOpinionConversation',
        summary: 'Open a conversation of a place, with seed statements (audited)',
        tags,
        body: CreateConversationBody,
        response: { 201: Conversation, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'opinionMap.write');
      const created = await runWrite(db, (tx) => createConversation(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/opinion-map/conversations/:id',
    {
      schema: {
        operationId: 'getOpinionConversation',
        summary: 'One conversation with its counts',
        tags,
        params: IdParams,
        response: { 200: Conversation, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'opinionMap.read');
      const found = await new ConversationRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(opinionMapNouns.conversation, request.params.id);
      return found;
    },
  );

  app.post(
    '/opinion-map/conversations/:id/close',
    {
      schema: {
        operationId: 'closeOpinionConversation',
        summary: 'Close a conversation: no more votes or statements (audited)',
        tags,
        params: IdParams,
        response: { 200: Conversation, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'opinionMap.write');
      return runWrite(db, (tx) => closeConversation(tx, ctx, request.params.id));
    },
  );

  // ---- Staff: statements and moderation

  app.get(
    '/opinion-map/conversations/:id/statements',
    {
      schema: {
        operationId: 'listOpinionStatements',
        summary: 'Statements of a conversation with their vote counts, filtered by status and sorted',
        tags,
        params: IdParams,
        querystring: StatementListQuery,
        response: { 200: StatementPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      await readable(db, ctx, request.params.id);
      return cursorPage(request.query, statementCursorFor(request.query.sort), (filter, page) =>
        new StatementRepository(db).list(ctx.actor.tenantId, request.params.id, filter, page),
      );
    },
  );

  app.get(
    '/opinion-map/conversations/:id/statements/export.xlsx',
    {
      schema: {
        operationId: 'exportOpinionStatements',
        summary: 'The statements with the same filters as Excel (no author names)',
        tags,
        params: IdParams,
        querystring: StatementExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      await readable(db, ctx, request.params.id);
      const { items } = await new StatementRepository(db).list(ctx.actor.tenantId, request.params.id, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '观点',
          columns: [
            { header: '观点', key: 'body', width: 50 },
            { header: '提出者', key: 'authorKind', width: 10 },
            { header: '状态', key: 'status', width: 10 },
            { header: '驳回原因', key: 'rejectReason', width: 16 },
            { header: '审核说明', key: 'moderationNote', width: 30 },
            { header: '同意', key: 'agree', width: 8 },
            { header: '不同意', key: 'disagree', width: 8 },
            { header: '跳过', key: 'pass', width: 8 },
            { header: '提出时间', key: 'createdAt', width: 22 },
          ],
          rows: items.map((s) => ({
            ...s,
            authorKind: s.authorKind === 'staff' ? '工作人员' : '居民',
            status: statusZh[s.status] ?? s.status,
            rejectReason: s.rejectReason ? reasonZh[s.rejectReason] : '',
          })),
        },
      ]);
      return sendXlsx(reply, file, '观点.xlsx', 'opinion-statements.xlsx');
    },
  );

  app.post(
    '/opinion-map/conversations/:id/statements',
    {
      schema: {
        operationId: 'addOpinionStatement',
        summary: 'Add a staff statement to an open conversation, approved at once (audited)',
        tags,
        params: IdParams,
        body: AddStatementBody,
        response: { 201: Statement, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'opinionMap.write');
      const created = await runWrite(db, (tx) => addStatement(tx, ctx, request.params.id, request.body));
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/opinion-map/statements/:id/moderation',
    {
      schema: {
        operationId: 'moderateOpinionStatement',
        summary: 'Approve a pending statement, or reject it with its reason (audited)',
        tags,
        params: IdParams,
        body: ModerateStatementBody,
        response: { 200: Statement, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'opinionMap.write');
      return runWrite(db, (tx) => moderateStatement(tx, ctx, request.params.id, request.body));
    },
  );

  // ---- Staff: the map

  const mapOf = async (ctx: RequestContext, id: string, force: boolean) => {
    const row = await readable(db, ctx, id);
    const tenantId = ctx.actor.tenantId;
    const map = await runWrite(db, (tx) => refreshMap(tx, tenantId, row, { force }));
    const [bodies, numbers] = await Promise.all([
      new StatementRepository(db).bodies(tenantId, id),
      new VoteRepository(db).numbers(tenantId, id),
    ]);
    return councilView(id, map, bodies, numbers);
  };

  app.get(
    '/opinion-map/conversations/:id/map',
    {
      schema: {
        operationId: 'getOpinionMap',
        summary:
          'The opinion map: participants (by number) placed and grouped, representative and consensus statements; cached until votes change',
        tags,
        params: IdParams,
        response: { 200: OpinionMapView, ...errors },
      },
    },
    async (request) => mapOf(requireContext(request), request.params.id, false),
  );

  app.post(
    '/opinion-map/conversations/:id/map',
    {
      schema: {
        operationId: 'recomputeOpinionMap',
        summary: 'Compute the opinion map again now',
        tags,
        params: IdParams,
        response: { 200: OpinionMapView, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'opinionMap.write');
      return mapOf(ctx, request.params.id, true);
    },
  );

  app.get(
    '/opinion-map/conversations/:id/map/export.xlsx',
    {
      schema: {
        operationId: 'exportOpinionMap',
        summary: 'The map as Excel: groups with their representative statements, consensus statements, points by number',
        tags,
        params: IdParams,
      },
    },
    async (request, reply) => {
      const view = await mapOf(requireContext(request), request.params.id, false);
      const groupName = (i: number) => `${String.fromCharCode(65 + i)}组`;
      const file = await toXlsx([
        {
          name: '各组代表性观点',
          columns: [
            { header: '观点组', key: 'group', width: 10 },
            { header: '人数', key: 'size', width: 8 },
            { header: '观点', key: 'body', width: 50 },
            { header: '倾向', key: 'direction', width: 8 },
            { header: '组内比例', key: 'groupShare', width: 10 },
            { header: '其他人比例', key: 'otherShare', width: 10 },
          ],
          rows: view.groups.flatMap((g) =>
            g.representative.map((s) => ({
              group: groupName(g.index),
              size: g.size,
              body: s.body,
              direction: s.direction === 'agree' ? '同意' : '不同意',
              groupShare: s.groupShare,
              otherShare: s.otherShare,
            })),
          ),
        },
        {
          name: '共识观点',
          columns: [
            { header: '观点', key: 'body', width: 50 },
            { header: '倾向', key: 'direction', width: 8 },
            { header: '共识度', key: 'score', width: 10 },
            { header: '各组比例', key: 'shares', width: 30 },
          ],
          rows: view.consensus.map((c) => ({
            body: c.body,
            direction: c.direction === 'agree' ? '共同同意' : '共同反对',
            score: c.score,
            shares: c.groupShares.map((p, i) => `${groupName(i)} ${Math.round(p * 100)}%`).join('，'),
          })),
        },
        {
          name: '参与者位置',
          columns: [
            { header: '编号', key: 'number', width: 8 },
            { header: 'x', key: 'x', width: 12 },
            { header: 'y', key: 'y', width: 12 },
            { header: '观点组', key: 'group', width: 10 },
          ],
          rows: view.points.map((p) => ({ ...p, group: groupName(p.group) })),
        },
      ]);
      return sendXlsx(reply, file, '观点地图.xlsx', 'opinion-map.xlsx');
    },
  );

  // ---- Residents

  app.get(
    '/me/opinion-conversations',
    {
      schema: {
        operationId: 'listMyOpinionConversations',
        summary: 'Conversations of the places the caller lives in (residents), open ones first',
        tags,
        response: { 200: MyConversationList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const homes = residentHomes(ctx.actor);
      return { items: await new ConversationRepository(db).forResident(ctx.actor.tenantId, homes, ctx.actor.accountId) };
    },
  );

  const residentConversation = async (ctx: RequestContext, id: string) => {
    const homes = residentHomes(ctx.actor);
    const row = await new ConversationRepository(db).version(ctx.actor.tenantId, id, { homes });
    if (!row) throw AppError.notFound(opinionMapNouns.conversation, id);
    return row;
  };

  app.get(
    '/me/opinion-conversations/:id/statements-to-vote',
    {
      schema: {
        operationId: 'listMyOpinionStatementsToVote',
        summary: 'The next approved statements the caller has not voted on (fewest votes first)',
        tags,
        params: IdParams,
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })) }),
        response: { 200: StatementsToVote, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const row = await residentConversation(ctx, request.params.id);
      const tenantId = ctx.actor.tenantId;
      const participant = await new VoteRepository(db).participantOf(tenantId, row.id, ctx.actor.accountId);
      const next = await new StatementRepository(db).toVote(tenantId, row.id, participant?.id ?? null, request.query.limit ?? 10);
      return row.state === 'open' ? next : { ...next, items: [] };
    },
  );

  app.put(
    '/me/opinion-statements/:id/vote',
    {
      schema: {
        operationId: 'voteOnOpinionStatement',
        summary: 'Agree, disagree or pass on a statement (one vote per statement; voting again changes it)',
        tags,
        params: IdParams,
        body: VoteBody,
        response: { 200: VoteResult, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return runWrite(db, (tx) => castVote(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/me/opinion-conversations/:id/statements',
    {
      schema: {
        operationId: 'writeOpinionStatement',
        summary: 'Write a statement (waits for moderation)',
        tags,
        params: IdParams,
        body: AddStatementBody,
        response: { 201: WrittenStatement, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const written = await runWrite(db, (tx) => writeStatement(tx, ctx, request.params.id, request.body));
      return reply.status(201).send(written);
    },
  );

  app.get(
    '/me/opinion-conversations/:id/position',
    {
      schema: {
        operationId: 'getMyOpinionPosition',
        summary: 'Where the caller stands: their own point and group, the groups’ statements, others only as anonymous dots',
        tags,
        params: IdParams,
        response: { 200: MyPosition, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const row = await residentConversation(ctx, request.params.id);
      const tenantId = ctx.actor.tenantId;
      const map = await runWrite(db, (tx) => refreshMap(tx, tenantId, row));
      const votes = new VoteRepository(db);
      const participant = await votes.participantOf(tenantId, row.id, ctx.actor.accountId);
      const count = participant ? await votes.countFor(tenantId, row.id, participant.id) : 0;
      const bodies = await new StatementRepository(db).bodies(tenantId, row.id);
      return residentView(row.id, map, bodies, { participantId: participant?.id ?? null, votes: count });
    },
  );
}
