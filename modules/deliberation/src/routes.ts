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
import { createDeliberationItem } from './commands/create-item.ts';
import {
  CreateDeliberationItemBody,
  DeliberationExportQuery,
  DeliberationItem,
  DeliberationListQuery,
  DeliberationPage,
} from './contract.ts';
import { deliberationNouns } from './errors.ts';
import { cursorFor, DeliberationItemRepository } from './item.repository.ts';

const tags = ['deliberation'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function deliberationRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/deliberation/items',
    {
      schema: {
        operationId: 'listDeliberationItems',
        summary: 'deliberation items in scope, filtered and sorted',
        tags,
        querystring: DeliberationListQuery,
        response: { 200: DeliberationPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      return cursorPage(request.query, cursorFor(request.query.sort), (filter, page) =>
        new DeliberationItemRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/deliberation/items/export.xlsx',
    {
      schema: {
        operationId: 'exportDeliberationItems',
        summary: 'The deliberation items with the same filters as Excel',
        tags,
        querystring: DeliberationExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      const { items } = await new DeliberationItemRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: 'deliberation',
          columns: [
            { header: '社区', key: 'communityName', width: 20 },
            { header: '标题', key: 'title', width: 40 },
            { header: '备注', key: 'note', width: 40 },
            { header: '登记时间', key: 'createdAt', width: 22 },
          ],
          rows: items,
        },
      ]);
      return sendXlsx(reply, file, 'deliberation.xlsx', 'deliberation.xlsx');
    },
  );

  app.get(
    '/deliberation/items/:id',
    {
      schema: {
        operationId: 'getDeliberationItem',
        summary: 'One deliberation item',
        tags,
        params: IdParams,
        response: { 200: DeliberationItem, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      const found = await new DeliberationItemRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(deliberationNouns.item, request.params.id);
      return found;
    },
  );

  app.post(
    '/deliberation/items',
    {
      schema: {
        operationId: 'createDeliberationItem',
        summary: 'Record a deliberation item of a community (audited)',
        tags,
        body: CreateDeliberationItemBody,
        response: { 201: DeliberationItem, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      const created = await runWrite(db, (tx) => createDeliberationItem(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );
}
