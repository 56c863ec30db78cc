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
import { createResolutionsItem } from './commands/create-item.ts';
import { CreateResolutionsItemBody, ResolutionsExportQuery, ResolutionsItem, ResolutionsListQuery, ResolutionsPage } from './contract.ts';
import { resolutionsNouns } from './errors.ts';
import { cursorFor, ResolutionsItemRepository } from './item.repository.ts';

const tags = ['resolutions'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function resolutionsRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/resolutions/items',
    {
      schema: {
        operationId: 'listResolutionsItems',
        summary: 'resolutions items in scope, filtered and sorted',
        tags,
        querystring: ResolutionsListQuery,
        response: { 200: ResolutionsPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'resolutions.read');
      return cursorPage(request.query, cursorFor(request.query.sort), (filter, page) =>
        new ResolutionsItemRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/resolutions/items/export.xlsx',
    {
      schema: {
        operationId: 'exportResolutionsItems',
        summary: 'The resolutions items with the same filters as Excel',
        tags,
        querystring: ResolutionsExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'resolutions.read');
      const { items } = await new ResolutionsItemRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: 'resolutions',
          columns: [
            { header: '社区', key: 'communityName', width: 20 },
            { header: '标题', key: 'title', width: 40 },
            { header: '备注', key: 'note', width: 40 },
            { header: '登记时间', key: 'createdAt', width: 22 },
          ],
          rows: items,
        },
      ]);
      return sendXlsx(reply, file, 'resolutions.xlsx', 'resolutions.xlsx');
    },
  );

  app.get(
    '/resolutions/items/:id',
    {
      schema: {
        operationId: 'getResolutionsItem',
        summary: 'One resolutions item',
        tags,
        params: IdParams,
        response: { 200: ResolutionsItem, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'resolutions.read');
      const found = await new ResolutionsItemRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(resolutionsNouns.item, request.params.id);
      return found;
    },
  );

  app.post(
    '/resolutions/items',
    {
      schema: {
        operationId: 'createResolutionsItem',
        summary: 'Record a resolutions item of a community (audited)',
        tags,
        body: CreateResolutionsItemBody,
        response: { 201: ResolutionsItem, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'resolutions.write');
      const created = await runWrite(db, (tx) => createResolutionsItem(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );
}
