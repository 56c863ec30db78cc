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
import { createUrbanCasesItem } from './commands/create-item.ts';
import { CreateUrbanCasesItemBody, UrbanCasesExportQuery, UrbanCasesItem, UrbanCasesListQuery, UrbanCasesPage } from './contract.ts';
import { urbanCasesNouns } from './errors.ts';
import { cursorFor, UrbanCasesItemRepository } from './item.repository.ts';

const tags = ['urban-cases'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function urbanCasesRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/urban-cases/items',
    {
      schema: {
        operationId: 'listUrbanCasesItems',
        summary: 'urban-cases items in scope, filtered and sorted',
        tags,
        querystring: UrbanCasesListQuery,
        response: { 200: UrbanCasesPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'urbanCases.read');
      return cursorPage(request.query, cursorFor(request.query.sort), (filter, page) =>
        new UrbanCasesItemRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/urban-cases/items/export.xlsx',
    {
      schema: {
        operationId: 'exportUrbanCasesItems',
        summary: 'The urban-cases items with the same filters as Excel',
        tags,
        querystring: UrbanCasesExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'urbanCases.read');
      const { items } = await new UrbanCasesItemRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: 'urban-cases',
          columns: [
            { header: '社区', key: 'communityName', width: 20 },
            { header: '标题', key: 'title', width: 40 },
            { header: '备注', key: 'note', width: 40 },
            { header: '登记时间', key: 'createdAt', width: 22 },
          ],
          rows: items,
        },
      ]);
      return sendXlsx(reply, file, 'urban-cases.xlsx', 'urban-cases.xlsx');
    },
  );

  app.get(
    '/urban-cases/items/:id',
    {
      schema: {
        operationId: 'getUrbanCasesItem',
        summary: 'One urban-cases item',
        tags,
        params: IdParams,
        response: { 200: UrbanCasesItem, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'urbanCases.read');
      const found = await new UrbanCasesItemRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(urbanCasesNouns.item, request.params.id);
      return found;
    },
  );

  app.post(
    '/urban-cases/items',
    {
      schema: {
        operationId: 'createUrbanCasesItem',
        summary: 'Record a urban-cases item of a community (audited)',
        tags,
        body: CreateUrbanCasesItemBody,
        response: { 201: UrbanCasesItem, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'urbanCases.write');
      const created = await runWrite(db, (tx) => createUrbanCasesItem(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );
}
