import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  auditEntry,
  buildWorkbook,
  can,
  decodeCursor,
  emitEvents,
  encodeCursor,
  errorResponses,
  findImportJob,
  importProgressDb,
  isUuid,
  type ModuleDeps,
  Page,
  type RequestContext,
  readMultipart,
  recordAudit,
  requireAbility,
  requireContext,
  runWrite,
  scopePaths,
  sendXlsx,
} from '@linli/core';
import { one } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createNode } from './commands/create-node.ts';
import { importDivisions } from './commands/import-divisions.ts';
import { importHouseholds } from './commands/import-households.ts';
import { mergeNode } from './commands/merge-node.ts';
import { moveNode } from './commands/move-node.ts';
import { updateNode } from './commands/update-node.ts';
import {
  CreateNodeBody,
  DivisionImportResultSchema,
  HouseholdImportResultSchema,
  IdParams,
  ImportJobSchema,
  JobParams,
  MergeNodeBody,
  MergeResultSchema,
  MoveNodeBody,
  NodeDetailSchema,
  NodeExportQuery,
  NodeListQuery,
  NodeSchema,
  type NodeSort,
  nodeKindLabels,
  UpdateNodeBody,
} from './contract.ts';
import { householdTemplate } from './household-file.ts';
import { declaredRefs } from './references.repository.ts';
import {
  ancestorsOf,
  countsOf,
  findNode,
  listNodes,
  type NodeFilter,
  type NodeRow,
  nodeCursor,
  nodeSort,
  rootsOf,
} from './territory.repository.ts';

const tags = ['territory'];
const errors = errorResponses(400, 401, 403, 404);
const writeErrors = errorResponses(400, 401, 403, 404, 409, 422);
const EXPORT_LIMIT = 50_000;

/** Lists never carry the boundary (it can be large); the detail does. */
function listItem(n: NodeRow) {
  const { boundary: _boundary, ...rest } = n;
  return rest;
}

export async function territoryRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, cipher } = deps;
  // What the loaded modules hold on territory nodes: re-pathed on a move, re-pointed (or refused on) on a merge.
  const refs = declaredRefs(deps.modules ?? []);
  // Who is calling comes before input validation: an anonymous request gets 401, not 400.
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  /** Resident counts where the caller reads residents, party-member counts where it sees sensitive data (docs/privacy-matrix.md). */
  const countsVisible = (ctx: RequestContext) => ({
    residents: scopePaths(ctx.actor, 'people.read'),
    partyMembers: scopePaths(ctx.actor, 'people.sensitive'),
  });

  async function listPage(ctx: RequestContext, query: NodeFilter & { cursor?: string; limit?: number; withCounts?: boolean }) {
    const scope = requireAbility(ctx.actor, 'territory.read');
    const sort = nodeSort(query.sort);
    const after = decodeCursor(query.cursor, nodeCursor(sort), sort) as unknown[] | undefined;
    const page = await listNodes(db, ctx.actor.tenantId, scope, query, { after, limit: query.limit ?? 50 });
    // Children lists carry their subtree counts (one aggregation for the page) unless asked not to.
    const wantCounts = query.withCounts ?? Boolean(query.parentId);
    const counts = wantCounts
      ? await countsOf(
          db,
          ctx.actor.tenantId,
          page.items.map((n) => n.id),
          scope,
          countsVisible(ctx),
        )
      : undefined;
    return {
      items: page.items.map((n) => ({ ...listItem(n), ...(counts ? { counts: counts.get(n.id) } : {}) })),
      nextCursor: page.nextKey ? encodeCursor(page.nextKey, sort) : null,
      ...(page.total !== undefined ? { total: page.total } : {}),
    };
  }

  app.get(
    '/territory/roots',
    {
      schema: {
        operationId: 'listTerritoryRoots',
        tags,
        summary: 'Nodes where the caller’s grants start, with counts',
        response: { 200: Type.Array(NodeSchema), ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'territory.read');
      const roots = await rootsOf(db, ctx.actor.tenantId, scope);
      const counts = await countsOf(
        db,
        ctx.actor.tenantId,
        roots.map((r) => r.id),
        scope,
        countsVisible(ctx),
      );
      return roots.map((r) => ({ ...listItem(r), counts: counts.get(r.id) }));
    },
  );

  app.get(
    '/territory/nodes',
    {
      schema: {
        operationId: 'listTerritoryNodes',
        tags,
        summary: 'Children of a node, or a search by name/code inside the caller’s territory',
        querystring: NodeListQuery,
        response: { 200: Page(NodeSchema), ...errors },
      },
    },
    async (request) => listPage(requireContext(request), { ...request.query, sort: request.query.sort as NodeSort | undefined }),
  );

  app.get(
    '/territory/nodes/export.xlsx',
    {
      schema: {
        operationId: 'exportTerritoryNodes',
        tags,
        summary: 'Excel export of the node list (same filters)',
        querystring: NodeExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'territory.read');
      const query = request.query;
      const page = await listNodes(
        db,
        ctx.actor.tenantId,
        scope,
        { ...query, sort: query.sort as NodeSort | undefined },
        { limit: EXPORT_LIMIT },
      );
      const workbook = await buildWorkbook(
        '区域',
        [
          { header: '名称', key: 'name', width: 24, value: (n: NodeRow) => n.name },
          { header: '层级', key: 'kind', value: (n) => nodeKindLabels[n.kind].zh },
          { header: '类别', key: 'subkind', value: (n) => n.subkind },
          { header: '代码', key: 'code', width: 16, value: (n) => n.code },
          { header: '下级数', key: 'childCount', value: (n) => n.childCount },
          { header: '纬度', key: 'lat', value: (n) => n.lat },
          { header: '经度', key: 'lng', value: (n) => n.lng },
          { header: 'ID', key: 'id', width: 38, value: (n) => n.id },
        ],
        page.items,
      );
      return sendXlsx(reply, workbook, '区域列表.xlsx');
    },
  );

  app.get(
    '/territory/nodes/:id',
    {
      schema: {
        operationId: 'getTerritoryNode',
        tags,
        summary: 'A node with its ancestors and the counts of its whole subtree',
        params: IdParams,
        response: { 200: NodeDetailSchema, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'territory.read');
      const node = await findNode(db, ctx.actor.tenantId, request.params.id, scope);
      if (!node) throw AppError.notFound('Territory node', request.params.id);
      const [ancestors, counts] = await Promise.all([
        ancestorsOf(db, ctx.actor.tenantId, node.path),
        countsOf(db, ctx.actor.tenantId, [node.id], scope, countsVisible(ctx)),
      ]);
      return { ...node, ancestors, counts: counts.get(node.id) };
    },
  );

  app.post(
    '/territory/nodes',
    {
      schema: {
        operationId: 'createTerritoryNode',
        tags,
        summary: 'Create a node',
        body: CreateNodeBody,
        response: { 201: NodeSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'territory.write');
      const node = await runWrite(db, (tx) => createNode(tx, ctx, request.body));
      return reply.status(201).send(listItem(node));
    },
  );

  app.patch(
    '/territory/nodes/:id',
    {
      schema: {
        operationId: 'updateTerritoryNode',
        tags,
        summary: 'Edit a node',
        params: IdParams,
        body: UpdateNodeBody,
        response: { 200: NodeSchema, ...writeErrors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'territory.write');
      return listItem(await runWrite(db, (tx) => updateNode(tx, ctx, request.params.id, request.body)));
    },
  );

  app.post(
    '/territory/nodes/:id/move',
    {
      schema: {
        operationId: 'moveTerritoryNode',
        tags,
        summary: 'Move a node with its subtree under another parent',
        params: IdParams,
        body: MoveNodeBody,
        response: { 200: NodeSchema, ...writeErrors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'territory.write');
      return listItem(await runWrite(db, (tx) => moveNode(tx, ctx, request.params.id, request.body, refs)));
    },
  );

  app.post(
    '/territory/nodes/:id/merge',
    {
      schema: {
        operationId: 'mergeTerritoryNode',
        tags,
        summary: 'Merge a node into another of the same kind (the node is removed)',
        params: IdParams,
        body: MergeNodeBody,
        response: { 200: MergeResultSchema, ...writeErrors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'territory.write');
      const result = await runWrite(db, (tx) => mergeNode(tx, ctx, request.params.id, request.body, refs));
      return { node: listItem(result.node), moved: result.moved };
    },
  );

  app.get(
    '/territory/imports/template.xlsx',
    { schema: { operationId: 'getHouseholdImportTemplate', tags, summary: 'The household/resident import template' } },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'territory.import');
      const file = await householdTemplate();
      return sendXlsx(reply, file, '居民导入模板.xlsx');
    },
  );

  app.post(
    '/territory/imports/households',
    {
      schema: {
        operationId: 'importHouseholds',
        tags,
        summary: 'Import households and residents of one community (multipart: communityId, file)',
        consumes: ['multipart/form-data'],
        response: { 200: HouseholdImportResultSchema, ...writeErrors, ...errorResponses(413) },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'territory.import');
      const { file, fields } = await readMultipart(request);
      const communityId = fields.communityId?.trim() ?? '';
      const problems: { field: string; reason: string }[] = [];
      if (!isUuid(communityId)) problems.push({ field: 'communityId', reason: 'must be the id of a community' });
      if (!file || file.data.length === 0) problems.push({ field: 'file', reason: 'an .xlsx or .csv file is required' });
      if (problems.length || !file) throw AppError.invalid(problems);
      return importHouseholds({ db, cipher, progressDb: importProgressDb(deps) }, ctx, {
        communityId,
        fileName: file.name,
        data: file.data,
      });
    },
  );

  app.post(
    '/territory/imports/divisions',
    {
      schema: {
        operationId: 'importDivisions',
        tags,
        summary: 'Import national division codes (NBS CSV) into the county’s subdistricts and communities',
        consumes: ['multipart/form-data'],
        response: { 200: DivisionImportResultSchema, ...writeErrors, ...errorResponses(413) },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'territory.import');
      const { tenantId } = ctx.actor;
      // The divisions file rewrites the county's upper levels: only import rights on the county itself qualify.
      const county = await one<{ id: string; path: string }>(
        db,
        sql`SELECT id, path::text AS path FROM territory_node WHERE tenant_id = ${tenantId} AND kind = 'county'`,
      );
      if (!county || !can(ctx.actor, 'territory.import', county.path)) {
        throw AppError.forbidden('Importing division codes needs territory.import on the county');
      }
      const { file } = await readMultipart(request);
      if (!file || file.data.length === 0) throw AppError.invalid([{ field: 'file', reason: 'a .csv file is required' }]);
      const csvText = new TextDecoder('utf-8').decode(file.data);
      return runWrite(db, async (t) => {
        const result = await importDivisions(t, { tenantId, csvText });
        await recordAudit(
          t,
          auditEntry(ctx, 'territory.import.divisions', { type: 'territory_node', id: county.id }, { fileName: file.name, ...result }),
        );
        await emitEvents(t, {
          tenantId,
          type: 'territory.divisions_imported',
          aggregateType: 'territory_node',
          aggregateId: county.id,
          payload: { ...result },
        });
        return result;
      });
    },
  );

  app.get(
    '/territory/imports/:jobId',
    {
      schema: {
        operationId: 'getTerritoryImport',
        tags,
        summary: 'Progress and error report of an import',
        params: JobParams,
        response: { 200: ImportJobSchema, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'territory.import');
      // A job report holds row values of someone's file: only the account that uploaded it reads it,
      // and only household imports are reported here (work-order imports under /demand-imports).
      const job = await findImportJob(db, ctx.actor.tenantId, request.params.jobId, {
        kind: 'households',
        createdBy: ctx.actor.accountId,
      });
      if (!job) throw AppError.notFound('Import job', request.params.jobId);
      const { createdBy: _createdBy, ...view } = job;
      return view;
    },
  );
}
