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
  type RequestContext,
  recordAudit,
  requireAbility,
  requireContext,
  runWrite,
  scopePaths,
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
import { peopleErrors, peopleNouns } from './errors.ts';
import { LeaderRepository } from './leader.repository.ts';
import { ResidentCursor, type ResidentFilter, ResidentRepository, type ResidentVisibility } from './resident.repository.ts';

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

  /** The people.read scope and what of it the caller sees (docs/privacy-matrix.md). */
  function readerOf(ctx: RequestContext): { scope: string[]; visible: ResidentVisibility } {
    const scope = requireAbility(ctx.actor, 'people.read');
    return { scope, visible: { roster: scopePaths(ctx.actor, 'people.roster'), sensitive: scopePaths(ctx.actor, 'people.sensitive') } };
  }

  /**
   * The list filter with the keyed hashes of q, so an exact phone or ID number finds its resident.
   * A filter or sort on a sensitive field needs people.sensitive (403 naming the field); an ID
   * number in q is looked up only where ID numbers are shown (the SQL checks the scope row by row).
   */
  function residentFilter(query: Omit<ResidentListQuery, 'cursor' | 'limit'>, visible: ResidentVisibility): ResidentFilter {
    if (visible.sensitive.length === 0) {
      const refused = [
        ...(query.tag !== undefined ? [{ field: 'tag', reason: 'filters on a sensitive field (tags)' }] : []),
        ...(query.isPartyMember !== undefined
          ? [{ field: 'isPartyMember', reason: 'filters on a sensitive field (party membership)' }]
          : []),
        ...(query.sort?.endsWith('birthDate') ? [{ field: 'sort', reason: 'sorts on a sensitive field (birth date)' }] : []),
      ];
      if (refused.length) throw AppError.of(peopleErrors.sensitive_required, undefined, refused);
    }
    const q = query.q?.trim();
    return {
      ...query,
      q,
      phoneHash: q && /^[+\d\s-]{7,20}$/.test(q) ? cipher.hash(normalisePhone(q)) : null,
      idNumberHash: q && visible.sensitive.length > 0 && /^\d{17}[\dXx]$/.test(q) ? cipher.hash(q.toUpperCase()) : null,
    };
  }

  app.get(
    '/people/residents',
    {
      schema: {
        operationId: 'listResidents',
        tags,
        summary: 'Residents in scope (masked)',
        querystring: ResidentListQuery,
        response: { 200: ResidentPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const { scope, visible } = readerOf(ctx);
      const { cursor, limit = 50, ...rest } = request.query;
      const filter = residentFilter(rest, visible);
      const repo = new ResidentRepository(db);
      const sort = filter.sort ?? 'name';
      const page = await repo.list(ctx.actor.tenantId, scope, visible, filter, {
        limit,
        after: decodeCursor(cursor, ResidentCursor, sort),
      });
      const total = cursor ? undefined : await repo.count(ctx.actor.tenantId, scope, visible, filter);
      return { items: page.items, nextCursor: page.next ? encodeCursor(page.next, sort) : null, ...(total === undefined ? {} : { total }) };
    },
  );

  app.get(
    '/people/residents/export.xlsx',
    { schema: { operationId: 'exportResidents', tags, summary: 'Residents in scope as Excel (masked)', querystring: ResidentExportQuery } },
    async (request, reply) => {
      const ctx = requireContext(request);
      const { scope, visible } = readerOf(ctx);
      const filter = residentFilter(request.query, visible);
      const items = await runWrite(db, async (tx) => {
        const page = await new ResidentRepository(tx).list(ctx.actor.tenantId, scope, visible, filter, { limit: EXPORT_LIMIT });
        await recordAudit(tx, auditEntry(ctx, 'people.export', { type: 'resident' }, { filter: request.query, rows: page.items.length }));
        return page.items;
      });
      // Without people.sensitive the sensitive columns are not in the file at all (and empty on rows
      // outside it for a caller who holds it only in part of the scope).
      const sensitive = visible.sensitive.length > 0;
      const column = (header: string, key: string, width: number) => ({ header, key, width });
      const file = await toXlsx([
        {
          name: '居民',
          columns: [
            column('姓名', 'name', 12),
            ...(sensitive ? [column('性别', 'gender', 6), column('出生日期', 'birthDate', 12)] : []),
            column('与户主关系', 'relation', 10),
            column('手机号码', 'phone', 14),
            ...(sensitive ? [column('身份证号', 'idNumber', 22)] : []),
            column('住址', 'address', 40),
            ...(sensitive ? [column('标签', 'tags', 20), column('党员', 'partyMember', 6)] : []),
          ],
          rows: items.map((r) => ({
            name: r.name,
            relation: r.relation,
            phone: r.phone,
            address: r.householdPath.join(' '),
            ...(sensitive
              ? {
                  gender: r.gender === 'male' ? '男' : r.gender === 'female' ? '女' : '',
                  birthDate: r.birthDate,
                  idNumber: r.idNumber,
                  tags: (r.tags ?? []).join('、'),
                  partyMember: r.isPartyMember ? '是' : '',
                }
              : {}),
          })),
        },
      ]);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachmentHeader('居民.xlsx', 'residents.xlsx'))
        .send(file);
    },
  );

  app.get(
    '/people/residents/:id',
    {
      schema: {
        operationId: 'getResident',
        summary: 'A resident in scope (masked; which fields depends on the caller’s role)',
        tags,
        params: IdParams,
        response: { 200: Resident, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const { scope, visible } = readerOf(ctx);
      const found = await new ResidentRepository(db).findById(ctx.actor.tenantId, request.params.id, scope, visible);
      if (!found) throw AppError.notFound(peopleNouns.resident, request.params.id);
      return found;
    },
  );

  app.post(
    '/people/residents/:id/reveal',
    {
      schema: {
        operationId: 'revealResident',
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
      const outcome = await runWrite(db, (tx) => revealResident(tx, cipher, ctx, request.params.id, request.body?.fields));
      if ('denied' in outcome) throw AppError.of(peopleErrors.pii_required);
      return outcome.revealed;
    },
  );

  app.post(
    '/people/residents',
    {
      schema: {
        operationId: 'createResident',
        summary: 'Register a resident in a household (people.write on the household; audited)',
        tags,
        body: CreateResidentBody,
        response: { 201: Resident, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'people.write');
      const created = await runWrite(db, (tx) => createResident(tx, cipher, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/people/residents/:id',
    {
      schema: {
        operationId: 'updateResident',
        summary: 'Change a resident’s details (give the version you saw; audited)',
        tags,
        params: IdParams,
        body: UpdateResidentBody,
        response: { 200: Resident, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'people.write');
      return runWrite(db, (tx) => updateResident(tx, cipher, ctx, request.params.id, request.body));
    },
  );

  app.get(
    '/people/leaders',
    {
      schema: {
        operationId: 'listLeaders',
        summary: 'Leaders (楼栋长, 单元长 …) of the nodes in scope',
        tags,
        querystring: LeaderListQuery,
        response: { 200: Type.Object({ items: Type.Array(Leader) }), ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'people.read');
      return { items: await new LeaderRepository(db).list(ctx.actor.tenantId, scope, request.query) };
    },
  );

  app.post(
    '/people/leaders',
    {
      schema: {
        operationId: 'createLeader',
        summary: 'Make a resident the leader of a building, unit or other node (audited)',
        tags,
        body: CreateLeaderBody,
        response: { 201: Leader, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'people.write');
      const leader = await runWrite(db, (tx) => createLeader(tx, ctx, request.body));
      return reply.status(201).send(leader);
    },
  );

  app.delete(
    '/people/leaders/:id',
    {
      schema: {
        operationId: 'removeLeader',
        summary: 'Remove a leader from their node (audited)',
        tags,
        params: IdParams,
        response: { ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'people.write');
      await runWrite(db, (tx) => removeLeader(tx, ctx, request.params.id));
      return reply.status(204).send();
    },
  );
}
