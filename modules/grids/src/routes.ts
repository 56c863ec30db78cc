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
import { addGridMember } from './commands/add-grid-member.ts';
import { createGrid } from './commands/create-grid.ts';
import { removeGridMember } from './commands/remove-grid-member.ts';
import {
  AddMemberBody,
  CreateGridBody,
  GridDetail,
  GridExportQuery,
  GridListQuery,
  GridMember,
  GridPage,
  IdParams,
  MemberParams,
} from './contract.ts';
import { gridNouns } from './errors.ts';
import { GridCursor, GridRepository } from './grid.repository.ts';

const tags = ['grids'];
const errors = errorResponses(400, 403, 404, 409);

export async function gridRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/grids',
    {
      schema: {
        operationId: 'listGrids',
        summary: 'Grids (网格) and micro-grids (微网格) in scope',
        tags,
        querystring: GridListQuery,
        response: { 200: GridPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'grid.read');
      return cursorPage(request.query, GridCursor, (filter, page) => new GridRepository(db).list(ctx.actor.tenantId, scope, filter, page));
    },
  );

  app.get(
    '/grids/export.xlsx',
    { schema: { operationId: 'exportGrids', summary: 'The grids with the same filters as Excel', tags, querystring: GridExportQuery } },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'grid.read');
      const { items } = await new GridRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '网格',
          columns: [
            { header: '社区', key: 'communityName', width: 20 },
            { header: '网格', key: 'name', width: 20 },
            { header: '层级', key: 'levelName', width: 8 },
            { header: '编码', key: 'code', width: 14 },
            { header: '楼栋数', key: 'buildingCount', width: 8 },
            { header: '成员数', key: 'memberCount', width: 8 },
          ],
          rows: items.map((g) => ({ ...g, levelName: g.level === 'grid' ? '网格' : '微网格' })),
        },
      ]);
      return sendXlsx(reply, file, '网格.xlsx', 'grids.xlsx');
    },
  );

  app.get(
    '/grids/:id',
    {
      schema: {
        operationId: 'getGrid',
        summary: 'A grid with its buildings and members',
        tags,
        params: IdParams,
        response: { 200: GridDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'grid.read');
      const found = await new GridRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(gridNouns.grid, request.params.id);
      return found;
    },
  );

  app.post(
    '/grids',
    {
      schema: {
        operationId: 'createGrid',
        summary: 'Draw a grid of a community, or a micro-grid inside a grid, over some of its buildings (audited)',
        tags,
        body: CreateGridBody,
        response: { 201: GridDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'grid.write');
      const created = await runWrite(db, (tx) => createGrid(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/grids/:id/members',
    {
      schema: {
        operationId: 'addGridMember',
        summary: 'Add a member (grid worker, volunteer …) to a grid (audited)',
        tags,
        params: IdParams,
        body: AddMemberBody,
        response: { 201: GridMember, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'grid.write');
      const member = await runWrite(db, (tx) => addGridMember(tx, ctx, request.params.id, request.body));
      return reply.status(201).send(member);
    },
  );

  app.delete(
    '/grids/:id/members/:memberId',
    {
      schema: {
        operationId: 'removeGridMember',
        summary: 'Remove a member from a grid (audited)',
        tags,
        params: MemberParams,
        response: { ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'grid.write');
      await runWrite(db, (tx) => removeGridMember(tx, ctx, request.params.id, request.params.memberId));
      return reply.status(204).send();
    },
  );
}
