import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  cursorPage,
  errorResponses,
  type ModuleDeps,
  requireAbility,
  requireContext,
  runWrite,
  sendXlsx,
  toXlsx,
} from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BallotRepository, cursorFor } from './ballot.repository.ts';
import { castVote } from './commands/cast-vote.ts';
import { closeBallot } from './commands/close-ballot.ts';
import { createBallot } from './commands/create-ballot.ts';
import { enterTally } from './commands/enter-tally.ts';
import { openBallot } from './commands/open-ballot.ts';
import { registerProxy } from './commands/register-proxy.ts';
import {
  Ballot,
  BallotExportQuery,
  BallotListQuery,
  BallotPage,
  BallotResult,
  CastBody,
  CastResult,
  CreateBallotBody,
  MyBallot,
  MyBallotList,
  ProxyBody,
  ProxyList,
  TallyBody,
  TallyHistory,
} from './contract.ts';
import { ballotsNouns } from './errors.ts';
import { myBallots } from './queries.ts';
import { ballotStatusLabels, methodLabels, ruleLabels } from './vocabulary.ts';

const tags = ['ballots'];
const errors = errorResponses(400, 403, 404, 409, 422);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function ballotsRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  const detail = async (tenantId: string, id: string, scope: string[]) => {
    const found = await new BallotRepository(db).detail(tenantId, id, scope);
    if (!found) throw AppError.notFound(ballotsNouns.ballot, id);
    return found;
  };

  app.get(
    '/ballots',
    {
      schema: {
        operationId: 'listBallots',
        summary: 'Ballots in scope, filtered by place, status, subject kind and title, sorted',
        tags,
        querystring: BallotListQuery,
        response: { 200: BallotPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ballots.read');
      return cursorPage(request.query, cursorFor(request.query.sort), (filter, page) =>
        new BallotRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/ballots/export.xlsx',
    {
      schema: { operationId: 'exportBallots', summary: 'The ballots with the same filters as Excel', tags, querystring: BallotExportQuery },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ballots.read');
      const { items } = await new BallotRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '表决',
          columns: [
            { header: '标题', key: 'title', width: 40 },
            { header: '事项', key: 'subjectTitle', width: 40 },
            { header: '地点', key: 'placeName', width: 20 },
            { header: '方式', key: 'method', width: 12 },
            { header: '规则', key: 'rule', width: 24 },
            { header: '状态', key: 'status', width: 10 },
            { header: '创建时间', key: 'createdAt', width: 22 },
            { header: '结束时间', key: 'closedAt', width: 22 },
          ],
          rows: items.map((i) => ({
            ...i,
            method: methodLabels[i.method as keyof typeof methodLabels] ?? i.method,
            rule: ruleLabels[i.rule as keyof typeof ruleLabels] ?? i.rule,
            status: ballotStatusLabels[i.status as keyof typeof ballotStatusLabels] ?? i.status,
          })),
        },
      ]);
      return sendXlsx(reply, file, '表决.xlsx', 'ballots.xlsx');
    },
  );

  app.get(
    '/ballots/:id',
    {
      schema: {
        operationId: 'getBallot',
        summary: 'One ballot with its frozen roll and, once closed, its result (hidden while open)',
        tags,
        params: IdParams,
        response: { 200: Ballot, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return detail(ctx.actor.tenantId, request.params.id, requireAbility(ctx.actor, 'ballots.read'));
    },
  );

  app.post(
    '/ballots',
    {
      schema: {
        operationId: 'createBallot',
        summary: 'Create a ballot (draft) on a place for a subject of any module (audited)',
        tags,
        body: CreateBallotBody,
        response: { 201: Ballot, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ballots.write');
      const created = await runWrite(db, (tx) => createBallot(tx, ctx, request.body as CreateBallotBody));
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/ballots/:id/open',
    {
      schema: {
        operationId: 'openBallot',
        summary: 'Open a draft ballot, freezing its voter list (audited)',
        tags,
        params: IdParams,
        response: { 200: Ballot, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ballots.write');
      return runWrite(db, (tx) => openBallot(tx, ctx, request.params.id));
    },
  );

  app.post(
    '/ballots/:id/close',
    {
      schema: {
        operationId: 'closeBallot',
        summary: 'Close an open ballot: count it, store and show the result (audited)',
        tags,
        params: IdParams,
        response: { 200: BallotResult, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ballots.write');
      return runWrite(db, (tx) => closeBallot(tx, ctx, request.params.id));
    },
  );

  app.get(
    '/ballots/:id/tally',
    {
      schema: {
        operationId: 'getBallotTally',
        summary: 'Every typed-in count of a paper ballot, with each correction, who made it and why',
        tags,
        params: IdParams,
        response: { 200: TallyHistory, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const b = await detail(ctx.actor.tenantId, request.params.id, requireAbility(ctx.actor, 'ballots.read'));
      return { items: await new BallotRepository(db).tallyHistory(ctx.actor.tenantId, b.id) };
    },
  );

  app.post(
    '/ballots/:id/tally',
    {
      schema: {
        operationId: 'enterBallotTally',
        summary: 'Type in paper or show-of-hands counts; a changed number is a correction and needs its reason (audited)',
        tags,
        params: IdParams,
        body: TallyBody,
        response: { 200: TallyHistory, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ballots.write');
      return { items: await runWrite(db, (tx) => enterTally(tx, ctx, request.params.id, request.body)) };
    },
  );

  app.get(
    '/ballots/:id/proxies',
    {
      schema: {
        operationId: 'listBallotProxies',
        summary: 'The proxies registered on a ballot',
        tags,
        params: IdParams,
        response: { 200: ProxyList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const b = await detail(ctx.actor.tenantId, request.params.id, requireAbility(ctx.actor, 'ballots.read'));
      return { items: await new BallotRepository(db).proxies(ctx.actor.tenantId, b.id) };
    },
  );

  app.post(
    '/ballots/:id/proxies',
    {
      schema: {
        operationId: 'registerBallotProxy',
        summary: 'Register a written proxy: a voter of the roll lets another vote for them (capped per holder; audited)',
        tags,
        params: IdParams,
        body: ProxyBody,
        response: { 200: ProxyList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ballots.write');
      return { items: await runWrite(db, (tx) => registerProxy(tx, ctx, request.params.id, request.body)) };
    },
  );

  // ---- residents

  app.get(
    '/me/ballots',
    {
      schema: {
        operationId: 'listMyBallots',
        summary: 'The ballots the caller votes in (own vote, household, proxies held); results once closed',
        tags,
        response: { 200: MyBallotList, ...errors },
      },
    },
    async (request) => ({ items: await myBallots(db, requireContext(request)) }),
  );

  app.get(
    '/me/ballots/:id',
    {
      schema: {
        operationId: 'getMyBallot',
        summary: 'One ballot the caller votes in',
        tags,
        params: IdParams,
        response: { 200: MyBallot, ...errors },
      },
    },
    async (request) => {
      const [found] = await myBallots(db, requireContext(request), request.params.id);
      if (!found) throw AppError.notFound(ballotsNouns.ballot, request.params.id);
      return found;
    },
  );

  app.post(
    '/me/ballots/:id/vote',
    {
      schema: {
        operationId: 'castBallotVote',
        summary: 'Cast, retry or change (once, with the first receipt) a vote online; anonymous ballots keep no link to the voter',
        tags,
        params: IdParams,
        body: CastBody,
        response: { 200: CastResult, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return runWrite(db, (tx) => castVote(tx, ctx, request.params.id, request.body));
    },
  );
}
