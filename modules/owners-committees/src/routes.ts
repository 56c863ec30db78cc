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
import { createOwnersCommitteesItem } from './commands/create-item.ts';
import {
  CreateOwnersCommitteesItemBody,
  OwnersCommitteesExportQuery,
  OwnersCommitteesItem,
  OwnersCommitteesListQuery,
  OwnersCommitteesPage,
} from './contract.ts';
import { ownersCommitteesNouns } from './errors.ts';
import { cursorFor, OwnersCommitteesItemRepository } from './item.repository.ts';

const tags = ['owners-committees'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function ownersCommitteesRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/owners-committees/items',
    {
      schema: {
        operationId: 'listOwnersCommitteesItems',
        summary: 'owners-committees items in scope, filtered and sorted',
        tags,
        querystring: OwnersCommitteesListQuery,
        response: { 200: OwnersCommitteesPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      return cursorPage(request.query, cursorFor(request.query.sort), (filter, page) =>
        new OwnersCommitteesItemRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/owners-committees/items/export.xlsx',
    {
      schema: {
        operationId: 'exportOwnersCommitteesItems',
        summary: 'The owners-committees items with the same filters as Excel',
        tags,
        querystring: OwnersCommitteesExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      const { items } = await new OwnersCommitteesItemRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: 'owners-committees',
          columns: [
            { header: '社区', key: 'communityName', width: 20 },
            { header: '标题', key: 'title', width: 40 },
            { header: '备注', key: 'note', width: 40 },
            { header: '登记时间', key: 'createdAt', width: 22 },
          ],
          rows: items,
        },
      ]);
      return sendXlsx(reply, file, 'owners-committees.xlsx', 'owners-committees.xlsx');
    },
  );

  app.get(
    '/owners-committees/items/:id',
    {
      schema: {
        operationId: 'getOwnersCommitteesItem',
        summary: 'One owners-committees item',
        tags,
        params: IdParams,
        response: { 200: OwnersCommitteesItem, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      const found = await new OwnersCommitteesItemRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(ownersCommitteesNouns.item, request.params.id);
      return found;
    },
  );

  app.post(
    '/owners-committees/items',
    {
      schema: {
        operationId: 'createOwnersCommitteesItem',
        summary: 'Record a owners-committees item of a community (audited)',
        tags,
        body: CreateOwnersCommitteesItemBody,
        response: { 201: OwnersCommitteesItem, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      const created = await runWrite(db, (tx) => createOwnersCommitteesItem(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );
}
