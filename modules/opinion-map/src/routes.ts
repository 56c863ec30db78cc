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
import { createOpinionMapItem } from './commands/create-item.ts';
import { CreateOpinionMapItemBody, OpinionMapExportQuery, OpinionMapItem, OpinionMapListQuery, OpinionMapPage } from './contract.ts';
import { opinionMapNouns } from './errors.ts';
import { cursorFor, OpinionMapItemRepository } from './item.repository.ts';

const tags = ['opinion-map'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function opinionMapRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/opinion-map/items',
    {
      schema: {
        operationId: 'listOpinionMapItems',
        summary: 'opinion-map items in scope, filtered and sorted',
        tags,
        querystring: OpinionMapListQuery,
        response: { 200: OpinionMapPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'opinionMap.read');
      return cursorPage(request.query, cursorFor(request.query.sort), (filter, page) =>
        new OpinionMapItemRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/opinion-map/items/export.xlsx',
    {
      schema: {
        operationId: 'exportOpinionMapItems',
        summary: 'The opinion-map items with the same filters as Excel',
        tags,
        querystring: OpinionMapExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'opinionMap.read');
      const { items } = await new OpinionMapItemRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: 'opinion-map',
          columns: [
            { header: '社区', key: 'communityName', width: 20 },
            { header: '标题', key: 'title', width: 40 },
            { header: '备注', key: 'note', width: 40 },
            { header: '登记时间', key: 'createdAt', width: 22 },
          ],
          rows: items,
        },
      ]);
      return sendXlsx(reply, file, 'opinion-map.xlsx', 'opinion-map.xlsx');
    },
  );

  app.get(
    '/opinion-map/items/:id',
    {
      schema: {
        operationId: 'getOpinionMapItem',
        summary: 'One opinion-map item',
        tags,
        params: IdParams,
        response: { 200: OpinionMapItem, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'opinionMap.read');
      const found = await new OpinionMapItemRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(opinionMapNouns.item, request.params.id);
      return found;
    },
  );

  app.post(
    '/opinion-map/items',
    {
      schema: {
        operationId: 'createOpinionMapItem',
        summary: 'Record a opinion-map item of a community (audited)',
        tags,
        body: CreateOpinionMapItemBody,
        response: { 201: OpinionMapItem, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'opinionMap.write');
      const created = await runWrite(db, (tx) => createOpinionMapItem(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );
}
