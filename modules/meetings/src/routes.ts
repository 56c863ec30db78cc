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
import { createMeetingsItem } from './commands/create-item.ts';
import { CreateMeetingsItemBody, MeetingsExportQuery, MeetingsItem, MeetingsListQuery, MeetingsPage } from './contract.ts';
import { meetingsNouns } from './errors.ts';
import { cursorFor, MeetingsItemRepository } from './item.repository.ts';

const tags = ['meetings'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function meetingsRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/meetings/items',
    {
      schema: {
        operationId: 'listMeetingsItems',
        summary: 'meetings items in scope, filtered and sorted',
        tags,
        querystring: MeetingsListQuery,
        response: { 200: MeetingsPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'meetings.read');
      return cursorPage(request.query, cursorFor(request.query.sort), (filter, page) =>
        new MeetingsItemRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/meetings/items/export.xlsx',
    {
      schema: {
        operationId: 'exportMeetingsItems',
        summary: 'The meetings items with the same filters as Excel',
        tags,
        querystring: MeetingsExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'meetings.read');
      const { items } = await new MeetingsItemRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: 'meetings',
          columns: [
            { header: '社区', key: 'communityName', width: 20 },
            { header: '标题', key: 'title', width: 40 },
            { header: '备注', key: 'note', width: 40 },
            { header: '登记时间', key: 'createdAt', width: 22 },
          ],
          rows: items,
        },
      ]);
      return sendXlsx(reply, file, 'meetings.xlsx', 'meetings.xlsx');
    },
  );

  app.get(
    '/meetings/items/:id',
    {
      schema: {
        operationId: 'getMeetingsItem',
        summary: 'One meetings item',
        tags,
        params: IdParams,
        response: { 200: MeetingsItem, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'meetings.read');
      const found = await new MeetingsItemRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(meetingsNouns.item, request.params.id);
      return found;
    },
  );

  app.post(
    '/meetings/items',
    {
      schema: {
        operationId: 'createMeetingsItem',
        summary: 'Record a meetings item of a community (audited)',
        tags,
        body: CreateMeetingsItemBody,
        response: { 201: MeetingsItem, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.write');
      const created = await runWrite(db, (tx) => createMeetingsItem(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );
}
