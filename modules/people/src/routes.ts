import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  attachmentHeader,
  auditEntry,
  decodeCursor,
  encodeCursor,
  errorResponses,
  type ModuleDeps,
  normalisePhone,
  recordAudit,
  requireAbility,
  requireContext,
  toXlsx,
  XLSX_TYPE,
} from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createLeader } from './commands/create-leader.ts';
import { createResident } from './commands/create-resident.ts';
import { removeLeader } from './commands/remove-leader.ts';
import { revealResident } from './commands/reveal-resident.ts';
import { updateResident } from './commands/update-resident.ts';
import {
  CreateLeaderBody,
  CreateResidentBody,
  IdParams,
  Leader,
  LeaderListQuery,
  Resident,
  ResidentExportQuery,
  ResidentListQuery,
  ResidentPage,
  RevealBody,
  RevealResult,
  UpdateResidentBody,
} from './contract.ts';
import { LeaderRepository } from './leader.repository.ts';
import { ResidentCursor, type ResidentFilter, ResidentRepository } from './resident.repository.ts';

const EXPORT_LIMIT = 50_000;
const tags = ['people'];
const errors = errorResponses(400, 403, 404);

export async function peopleRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, cipher } = deps;
  // Who is calling comes before input validation: an anonymous request gets 401, not a 400.
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  /** The list filter with the keyed hashes of q, so an exact phone or ID number finds its resident. */
  function residentFilter(query: Omit<ResidentListQuery, 'cursor' | 'limit'>): ResidentFilter {
    const q = query.q?.trim();
    return {
      ...query,
      q,
      phoneHash: q && /^[+\d\s-]{7,20}$/.test(q) ? cipher.hash(normalisePhone(q)) : null,
      idNumberHash: q && /^\d{17}[\dXx]$/.test(q) ? cipher.hash(q.toUpperCase()) : null,
    };
  }

  app.get(
    '/people/residents',
    {
      schema: { tags, summary: 'Residents in scope (masked)', querystring: ResidentListQuery, response: { 200: ResidentPage, ...errors } },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'people.read');
      const { cursor, limit = 50, ...rest } = request.query;
      const filter = residentFilter(rest);
      const repo = new ResidentRepository(db);
      const sort = filter.sort ?? 'name';
      const page = await repo.list(ctx.actor.tenantId, scope, filter, { limit, after: decodeCursor(cursor, ResidentCursor, sort) });
      const total = cursor ? undefined : await repo.count(ctx.actor.tenantId, scope, filter);
      return { items: page.items, nextCursor: page.next ? encodeCursor(page.next, sort) : null, ...(total === undefined ? {} : { total }) };
    },
  );

  app.get(
    '/people/residents/export.xlsx',
    { schema: { tags, summary: 'Residents in scope as Excel (masked)', querystring: ResidentExportQuery } },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'people.read');
      const filter = residentFilter(request.query);
      const items = await db.transaction(async (tx) => {
        const page = await new ResidentRepository(tx).list(ctx.actor.tenantId, scope, filter, { limit: EXPORT_LIMIT });
        await recordAudit(tx, auditEntry(ctx, 'people.export', { type: 'resident' }, { filter: request.query, rows: page.items.length }));
        return page.items;
      });
      const file = await toXlsx([
        {
          name: '居民',
          columns: [
            { header: '姓名', key: 'name', width: 12 },
            { header: '性别', key: 'gender', width: 6 },
            { header: '出生日期', key: 'birthDate', width: 12 },
            { header: '与户主关系', key: 'relation', width: 10 },
            { header: '手机号码', key: 'phone', width: 14 },
            { header: '身份证号', key: 'idNumber', width: 22 },
            { header: '住址', key: 'address', width: 40 },
            { header: '标签', key: 'tags', width: 20 },
            { header: '党员', key: 'partyMember', width: 6 },
          ],
          rows: items.map((r) => ({
            ...r,
            gender: r.gender === 'male' ? '男' : r.gender === 'female' ? '女' : '',
            address: r.householdPath.join(' '),
            tags: r.tags.join('、'),
            partyMember: r.isPartyMember ? '是' : '',
          })),
        },
      ]);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachmentHeader('居民.xlsx', 'residents.xlsx'))
        .send(file);
    },
  );

  app.get('/people/residents/:id', { schema: { tags, params: IdParams, response: { 200: Resident, ...errors } } }, async (request) => {
    const ctx = requireContext(request);
    const scope = requireAbility(ctx.actor, 'people.read');
    const found = await new ResidentRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
    if (!found) throw AppError.notFound('Resident', request.params.id);
    return found;
  });

  app.post(
    '/people/residents/:id/reveal',
    {
      schema: {
        tags,
        summary: 'Unmasked phone and ID number (people.pii on the household; audited)',
        params: IdParams,
        body: RevealBody,
        response: { 200: RevealResult, ...errors },
      },
      // A bare POST (no body) reveals both fields.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      // No requireAbility here: the scope is checked in SQL and a refusal must be audited and committed.
      const outcome = await db.transaction((tx) => revealResident(tx, cipher, ctx, request.params.id, request.body?.fields));
      if ('denied' in outcome) throw AppError.forbidden(outcome.denied);
      return outcome.revealed;
    },
  );

  app.post(
    '/people/residents',
    { schema: { tags, body: CreateResidentBody, response: { 201: Resident, ...errors } } },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'people.write');
      const created = await db.transaction((tx) => createResident(tx, cipher, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/people/residents/:id',
    { schema: { tags, params: IdParams, body: UpdateResidentBody, response: { 200: Resident, ...errors } } },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'people.write');
      return db.transaction((tx) => updateResident(tx, cipher, ctx, request.params.id, request.body));
    },
  );

  app.get(
    '/people/leaders',
    { schema: { tags, querystring: LeaderListQuery, response: { 200: Type.Object({ items: Type.Array(Leader) }), ...errors } } },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'people.read');
      return { items: await new LeaderRepository(db).list(ctx.actor.tenantId, scope, request.query) };
    },
  );

  app.post(
    '/people/leaders',
    { schema: { tags, body: CreateLeaderBody, response: { 201: Leader, ...errors } } },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'people.write');
      const leader = await db.transaction((tx) => createLeader(tx, ctx, request.body));
      return reply.status(201).send(leader);
    },
  );

  app.delete('/people/leaders/:id', { schema: { tags, params: IdParams, response: { ...errors } } }, async (request, reply) => {
    const ctx = requireContext(request);
    requireAbility(ctx.actor, 'people.write');
    await db.transaction((tx) => removeLeader(tx, ctx, request.params.id));
    return reply.status(204).send();
  });
}
