import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  auditEntry,
  errorResponses,
  findImportJob,
  importProgressDb,
  isUuid,
  type ModuleDeps,
  type RequestContext,
  readMultipart,
  recordAudit,
  requireAbility,
  requireAnyAbility,
  requireContext,
  sendXlsx,
} from '@linli/core';
import type { Db } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { createMapping } from './commands/create-mapping.ts';
import { deleteMapping } from './commands/delete-mapping.ts';
import { importDemands, previewImport } from './commands/import-demands.ts';
import { updateMapping } from './commands/update-mapping.ts';
import {
  CreateMappingBody,
  ExportQuery,
  FileInspection,
  ImportJob,
  ImportMapping,
  ImportPreset,
  ImportPreview,
  ImportResult,
  JobParams,
  MappingParams,
  TemplateQuery,
  UpdateMappingBody,
} from './contract.ts';
import { exportWorkbook, templateWorkbook } from './export.ts';
import { DemandImportRepository } from './import.repository.ts';
import { inspectTable, readSourceFile } from './parser.ts';
import { importPresets } from './presets.ts';

const tags = ['demands'];
const errors = errorResponses(400, 403, 404, 409, 422);
const EXPORT_LIMIT = 50_000;

/** Mappings hold no personal data: whoever takes in or reads demands may see them and export with them. */
function requireIntakeOrRead(ctx: RequestContext): void {
  requireAnyAbility(ctx.actor, ['demand.intake', 'demand.read']);
}

/** Work-order import (12345 files through saved column mappings) and export in a mapping's layout. */
export async function demandImportRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, cipher } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });
  const tx = <T>(fn: (t: Db) => Promise<T>): Promise<T> => db.transaction((t) => fn(t as unknown as Db));

  app.get(
    '/demand-imports/presets',
    {
      schema: {
        operationId: 'listImportPresets',
        tags,
        summary: 'Built-in mappings to start from (e.g. NYC 311 Socrata export)',
        response: { 200: Type.Array(ImportPreset), ...errors },
      },
    },
    async (request) => {
      requireIntakeOrRead(requireContext(request));
      return importPresets;
    },
  );

  app.get(
    '/demand-imports/mappings',
    {
      schema: {
        operationId: 'listImportMappings',
        tags,
        summary: 'Saved column mappings of the county',
        response: { 200: Type.Array(ImportMapping), ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireIntakeOrRead(ctx);
      return new DemandImportRepository(db).listMappings(ctx.actor.tenantId);
    },
  );

  app.post(
    '/demand-imports/mappings',
    {
      schema: {
        operationId: 'createImportMapping',
        tags,
        summary: 'Save a named column mapping (demand.intake on the county; audited)',
        body: CreateMappingBody,
        response: { 201: ImportMapping, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const mapping = await tx((t) => createMapping(t, ctx, request.body));
      return reply.code(201).send(mapping);
    },
  );

  app.get(
    '/demand-imports/mappings/:id',
    {
      schema: {
        operationId: 'getImportMapping',
        tags,
        summary: 'A saved column mapping',
        params: MappingParams,
        response: { 200: ImportMapping, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireIntakeOrRead(ctx);
      const mapping = await new DemandImportRepository(db).findMapping(ctx.actor.tenantId, request.params.id);
      if (!mapping) throw AppError.notFound('Import mapping', request.params.id);
      return mapping;
    },
  );

  app.put(
    '/demand-imports/mappings/:id',
    {
      schema: {
        operationId: 'updateImportMapping',
        tags,
        summary: 'Replace a mapping (give the version you saw; audited)',
        params: MappingParams,
        body: UpdateMappingBody,
        response: { 200: ImportMapping, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return tx((t) => updateMapping(t, ctx, request.params.id, request.body));
    },
  );

  app.delete(
    '/demand-imports/mappings/:id',
    {
      schema: {
        operationId: 'deleteImportMapping',
        tags,
        summary: 'Delete a mapping (audited)',
        params: MappingParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      await tx((t) => deleteMapping(t, ctx, request.params.id));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/demand-imports/inspect',
    {
      schema: {
        operationId: 'inspectDemandImport',
        tags,
        summary: 'Header, first rows and distinct values of an uploaded file, to build a mapping (nothing is stored)',
        consumes: ['multipart/form-data'],
        response: { 200: FileInspection, ...errors, ...errorResponses(413) },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'demand.intake');
      const { file } = await readMultipart(request);
      if (!file || file.data.length === 0) throw AppError.invalid([{ field: 'file', reason: 'an .xlsx or .csv file is required' }]);
      const { table, errors: found } = await readSourceFile(file.name, file.data);
      if (table.headers.length === 0) throw new AppError('unprocessable', 'The file has no header row', found);
      return inspectTable(table);
    },
  );

  app.post(
    '/demand-imports',
    {
      schema: {
        operationId: 'importDemands',
        tags,
        summary:
          'Import work orders through a saved mapping (multipart: mappingId, optional jobId to follow GET /demand-imports/{jobId} meanwhile, file); all or nothing, 422 lists every row error',
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult, ...errors, ...errorResponses(413) },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'demand.intake');
      const { file, fields } = await readMultipart(request);
      const mappingId = fields.mappingId?.trim() ?? '';
      const problems: { field: string; reason: string }[] = [];
      if (!isUuid(mappingId)) problems.push({ field: 'mappingId', reason: 'must be the id of a saved mapping' });
      const jobId = fields.jobId?.trim() || undefined;
      if (jobId !== undefined && !isUuid(jobId)) problems.push({ field: 'jobId', reason: 'must be a UUID chosen for this import' });
      if (!file || file.data.length === 0) problems.push({ field: 'file', reason: 'an .xlsx or .csv file is required' });
      const updateClassification = fields.updateClassification?.trim() || 'false';
      if (updateClassification !== 'true' && updateClassification !== 'false')
        problems.push({ field: 'updateClassification', reason: 'must be true or false' });
      if (problems.length || !file) throw AppError.invalid(problems);
      return importDemands({ db, cipher, progressDb: importProgressDb(deps) }, ctx, {
        mappingId,
        jobId,
        fileName: file.name,
        data: file.data,
        updateClassification: updateClassification === 'true',
      });
    },
  );

  app.post(
    '/demand-imports/preview',
    {
      schema: {
        operationId: 'previewDemandImport',
        tags,
        summary:
          'What importing a file through a saved mapping would do (multipart: mappingId, file), nothing written: rows new and known, and how many known demands would get another category or channel',
        consumes: ['multipart/form-data'],
        response: { 200: ImportPreview, ...errors, ...errorResponses(413) },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'demand.intake');
      const { file, fields } = await readMultipart(request);
      const mappingId = fields.mappingId?.trim() ?? '';
      const problems: { field: string; reason: string }[] = [];
      if (!isUuid(mappingId)) problems.push({ field: 'mappingId', reason: 'must be the id of a saved mapping' });
      if (!file || file.data.length === 0) problems.push({ field: 'file', reason: 'an .xlsx or .csv file is required' });
      if (problems.length || !file) throw AppError.invalid(problems);
      return previewImport({ db }, ctx, { mappingId, fileName: file.name, data: file.data });
    },
  );

  app.get(
    '/demand-imports/template.xlsx',
    {
      schema: {
        operationId: 'getImportTemplate',
        tags,
        summary: 'An empty file in a mapping’s column layout, with a sheet explaining it',
        querystring: TemplateQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireIntakeOrRead(ctx);
      const mapping = await new DemandImportRepository(db).findMapping(ctx.actor.tenantId, request.query.mappingId);
      if (!mapping) throw AppError.notFound('Import mapping', request.query.mappingId);
      const file = await templateWorkbook(mapping.config);
      return sendXlsx(reply, file, `${mapping.name}-模板.xlsx`, 'template.xlsx');
    },
  );

  app.get(
    '/demand-imports/export.xlsx',
    {
      schema: {
        operationId: 'exportDemandImports',
        tags,
        summary: 'Demands the caller sees, in a mapping’s column layout (value maps reversed, contacts masked; audited)',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'demand.read');
      const { mappingId, ...filter } = request.query;
      if (filter.from && filter.to && filter.from > filter.to) throw AppError.invalid([{ field: 'to', reason: 'is before from' }]);
      const { mapping, items } = await tx(async (t) => {
        const repo = new DemandImportRepository(t);
        const mapping = await repo.findMapping(ctx.actor.tenantId, mappingId);
        if (!mapping) throw AppError.notFound('Import mapping', mappingId);
        const items = await repo.exportRows(ctx.actor.tenantId, ctx.actor, filter, EXPORT_LIMIT);
        await recordAudit(
          t,
          auditEntry(ctx, 'demand.export', { type: 'demand' }, { mappingId, mappingName: mapping.name, filter, rows: items.length }),
        );
        return { mapping, items };
      });
      const file = await exportWorkbook(mapping.config, items);
      return sendXlsx(reply, file, `${mapping.name}-导出.xlsx`, 'export.xlsx');
    },
  );

  app.get(
    '/demand-imports/:jobId',
    {
      schema: {
        operationId: 'getDemandImport',
        tags,
        summary: 'Progress and row errors of a work-order import',
        params: JobParams,
        response: { 200: ImportJob, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      // A job report holds values of someone's file: only the account that uploaded it reads it.
      const job = await findImportJob(db, ctx.actor.tenantId, request.params.jobId, { kind: 'demands', createdBy: ctx.actor.accountId });
      if (!job) throw AppError.notFound('Import job', request.params.jobId);
      const { createdBy: _createdBy, ...view } = job;
      return view;
    },
  );
}
