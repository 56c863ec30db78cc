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
import { createPropertyItem } from './commands/create-item.ts';
import { CreatePropertyItemBody, PropertyExportQuery, PropertyItem, PropertyListQuery, PropertyPage } from './contract.ts';
import { propertyNouns } from './errors.ts';
import { cursorFor, PropertyItemRepository } from './item.repository.ts';

const tags = ['property'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function propertyRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/property/items',
    {
      schema: {
        operationId: 'listPropertyItems',
        summary: 'property items in scope, filtered and sorted',
        tags,
        querystring: PropertyListQuery,
        response: { 200: PropertyPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      return cursorPage(request.query, cursorFor(request.query.sort), (filter, page) =>
        new PropertyItemRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/property/items/export.xlsx',
    {
      schema: {
        operationId: 'exportPropertyItems',
        summary: 'The property items with the same filters as Excel',
        tags,
        querystring: PropertyExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      const { items } = await new PropertyItemRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: 'property',
          columns: [
            { header: '社区', key: 'communityName', width: 20 },
            { header: '标题', key: 'title', width: 40 },
            { header: '备注', key: 'note', width: 40 },
            { header: '登记时间', key: 'createdAt', width: 22 },
          ],
          rows: items,
        },
      ]);
      return sendXlsx(reply, file, 'property.xlsx', 'property.xlsx');
    },
  );

  app.get(
    '/property/items/:id',
    {
      schema: {
        operationId: 'getPropertyItem',
        summary: 'One property item',
        tags,
        params: IdParams,
        response: { 200: PropertyItem, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      const found = await new PropertyItemRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(propertyNouns.item, request.params.id);
      return found;
    },
  );

  app.post(
    '/property/items',
    {
      schema: {
        operationId: 'createPropertyItem',
        summary: 'Record a property item of a community (audited)',
        tags,
        body: CreatePropertyItemBody,
        response: { 201: PropertyItem, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      const created = await runWrite(db, (tx) => createPropertyItem(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );
}
