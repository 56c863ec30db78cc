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
import { create__Pascal__Item } from './commands/create-item.ts';
import { Create__Pascal__ItemBody, __Pascal__ExportQuery, __Pascal__Item, __Pascal__ListQuery, __Pascal__Page } from './contract.ts';
import { __camel__Nouns } from './errors.ts';
import { __Pascal__ItemRepository, cursorFor } from './item.repository.ts';

const tags = ['__name__'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function __camel__Routes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/__name__/items',
    {
      schema: {
        operationId: 'list__Pascal__Items',
        summary: '__name__ items in scope, filtered and sorted',
        tags,
        querystring: __Pascal__ListQuery,
        response: { 200: __Pascal__Page, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, '__camel__.read');
      return cursorPage(request.query, cursorFor(request.query.sort), (filter, page) =>
        new __Pascal__ItemRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/__name__/items/export.xlsx',
    {
      schema: { operationId: 'export__Pascal__Items', summary: 'The __name__ items with the same filters as Excel', tags, querystring: __Pascal__ExportQuery },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, '__camel__.read');
      const { items } = await new __Pascal__ItemRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '__name__',
          columns: [
            { header: '社区', key: 'communityName', width: 20 },
            { header: '标题', key: 'title', width: 40 },
            { header: '备注', key: 'note', width: 40 },
            { header: '登记时间', key: 'createdAt', width: 22 },
          ],
          rows: items,
        },
      ]);
      return sendXlsx(reply, file, '__name__.xlsx', '__name__.xlsx');
    },
  );

  app.get(
    '/__name__/items/:id',
    {
      schema: { operationId: 'get__Pascal__Item', summary: 'One __name__ item', tags, params: IdParams, response: { 200: __Pascal__Item, ...errors } },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, '__camel__.read');
      const found = await new __Pascal__ItemRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(__camel__Nouns.item, request.params.id);
      return found;
    },
  );

  app.post(
    '/__name__/items',
    {
      schema: {
        operationId: 'create__Pascal__Item',
        summary: 'Record a __name__ item of a community (audited)',
        tags,
        body: Create__Pascal__ItemBody,
        response: { 201: __Pascal__Item, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, '__camel__.write');
      const created = await runWrite(db, (tx) => create__Pascal__Item(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );
}
