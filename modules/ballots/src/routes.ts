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
import { createBallotsItem } from './commands/create-item.ts';
import { BallotsExportQuery, BallotsItem, BallotsListQuery, BallotsPage, CreateBallotsItemBody } from './contract.ts';
import { ballotsNouns } from './errors.ts';
import { BallotsItemRepository, cursorFor } from './item.repository.ts';

const tags = ['ballots'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function ballotsRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/ballots/items',
    {
      schema: {
        operationId: 'listBallotsItems',
        summary: 'ballots items in scope, filtered and sorted',
        tags,
        querystring: BallotsListQuery,
        response: { 200: BallotsPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ballots.read');
      return cursorPage(request.query, cursorFor(request.query.sort), (filter, page) =>
        new BallotsItemRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/ballots/items/export.xlsx',
    {
      schema: {
        operationId: 'exportBallotsItems',
        summary: 'The ballots items with the same filters as Excel',
        tags,
        querystring: BallotsExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ballots.read');
      const { items } = await new BallotsItemRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: 'ballots',
          columns: [
            { header: '社区', key: 'communityName', width: 20 },
            { header: '标题', key: 'title', width: 40 },
            { header: '备注', key: 'note', width: 40 },
            { header: '登记时间', key: 'createdAt', width: 22 },
          ],
          rows: items,
        },
      ]);
      return sendXlsx(reply, file, 'ballots.xlsx', 'ballots.xlsx');
    },
  );

  app.get(
    '/ballots/items/:id',
    {
      schema: {
        operationId: 'getBallotsItem',
        summary: 'One ballots item',
        tags,
        params: IdParams,
        response: { 200: BallotsItem, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ballots.read');
      const found = await new BallotsItemRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(ballotsNouns.item, request.params.id);
      return found;
    },
  );

  app.post(
    '/ballots/items',
    {
      schema: {
        operationId: 'createBallotsItem',
        summary: 'Record a ballots item of a community (audited)',
        tags,
        body: CreateBallotsItemBody,
        response: { 201: BallotsItem, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ballots.write');
      const created = await runWrite(db, (tx) => createBallotsItem(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );
}
