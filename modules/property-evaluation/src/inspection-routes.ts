import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  cursorPage,
  errorResponses,
  type FileStore,
  readMultipart,
  requireAbility,
  requireContext,
  runWrite,
  sendXlsx,
  toXlsx,
} from '@linli/core';
import type { Db } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ChecklistRepository } from './checklist.repository.ts';
import { addInspectionPhoto } from './commands/add-inspection-photo.ts';
import { recordInspection } from './commands/record-inspection.ts';
import { setChecklist } from './commands/set-checklist.ts';
import {
  Checklist,
  ChecklistBody,
  InspectionDetail,
  InspectionExportQuery,
  InspectionListQuery,
  InspectionPage,
  RecordInspectionBody,
} from './contract.ts';
import { propertyEvaluationNouns } from './errors.ts';
import { InspectionCursor, InspectionRepository } from './inspection.repository.ts';

const tags = ['property-evaluation'];
const errors = errorResponses(400, 403, 404, 409);
const uploadErrors = errorResponses(400, 403, 404, 409, 413);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const PhotoParams = Type.Object({ id: Type.String({ format: 'uuid' }), photoId: Type.String({ format: 'uuid' }) });
const Binary = { type: 'string', format: 'binary' } as const;
const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;

/** Staff inspections (物业服务检查) and the county's checklist: thin routes. */
export function inspectionRoutes(fastify: FastifyInstance, db: Db, files: FileStore): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/property-evaluation/checklist',
    {
      schema: {
        operationId: 'getPropertyInspectionChecklist',
        summary: 'The county’s inspection checklist (active items in order)',
        tags,
        response: { 200: Checklist, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'propertyEvaluation.read');
      return { items: await new ChecklistRepository(db).active(ctx.actor.tenantId) };
    },
  );

  app.put(
    '/property-evaluation/checklist',
    {
      schema: {
        operationId: 'setPropertyInspectionChecklist',
        summary: 'Set the county’s inspection checklist (county staff; audited)',
        tags,
        body: ChecklistBody,
        response: { 200: Checklist, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'propertyEvaluation.write');
      return runWrite(db, (tx) => setChecklist(tx, ctx, request.body));
    },
  );

  app.get(
    '/property-evaluation/inspections',
    {
      schema: {
        operationId: 'listPropertyInspections',
        summary: 'Staff inspections in scope: filter by place, company and days; sort by day or pass rate',
        tags,
        querystring: InspectionListQuery,
        response: { 200: InspectionPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'propertyEvaluation.read');
      return cursorPage(request.query, InspectionCursor, (filter, page) =>
        new InspectionRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/property-evaluation/inspections/export.xlsx',
    {
      schema: {
        operationId: 'exportPropertyInspections',
        summary: 'The inspections with the same filters as Excel',
        tags,
        querystring: InspectionExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'propertyEvaluation.read');
      const { items } = await new InspectionRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '物业服务检查',
          columns: [
            { header: '检查日期', key: 'inspectedOn', width: 12 },
            { header: '社区', key: 'communityName', width: 18 },
            { header: '小区', key: 'compoundName', width: 22 },
            { header: '物业服务企业', key: 'companyName', width: 28 },
            { header: '检查人', key: 'inspectorName', width: 12 },
            { header: '检查项', key: 'items', width: 8 },
            { header: '合格项', key: 'passed', width: 8 },
            { header: '合格率', key: 'passRate', width: 10 },
            { header: '照片', key: 'photos', width: 8 },
            { header: '说明', key: 'note', width: 40 },
          ],
          rows: items.map((i) => ({ ...i, companyName: i.companyName ?? '（无物业）', passRate: pct(i.passRate), note: i.note ?? '' })),
        },
      ]);
      return sendXlsx(reply, file, '物业服务检查.xlsx', 'property-inspections.xlsx');
    },
  );

  app.post(
    '/property-evaluation/inspections',
    {
      schema: {
        operationId: 'recordPropertyInspection',
        summary: 'Record an inspection of a compound: a result for every checklist item (audited; photos follow)',
        tags,
        body: RecordInspectionBody,
        response: { 201: InspectionDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'propertyEvaluation.write');
      const saved = await runWrite(db, (tx) => recordInspection(tx, ctx, request.body));
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/property-evaluation/inspections/:id',
    {
      schema: {
        operationId: 'getPropertyInspection',
        summary: 'One inspection with its results and photos',
        tags,
        params: IdParams,
        response: { 200: InspectionDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'propertyEvaluation.read');
      const found = await new InspectionRepository(db).detail(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(propertyEvaluationNouns.inspection, request.params.id);
      return found;
    },
  );

  app.post(
    '/property-evaluation/inspections/:id/photos',
    {
      schema: {
        operationId: 'addPropertyInspectionPhoto',
        summary: 'Add a photo to an inspection (multipart field `file`: JPEG, PNG or WebP up to 10 MB, checked by its bytes)',
        tags,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: InspectionDetail, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'propertyEvaluation.write');
      const { file } = await readMultipart(request, { defaultName: 'photo' });
      if (!file) throw AppError.invalid([{ field: 'file', reason: 'send the photo in the form field `file`' }]);
      const saved = await runWrite(db, (tx) =>
        addInspectionPhoto(tx, files, ctx, request.params.id, { fileName: file.name, bytes: file.data }),
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/property-evaluation/inspections/:id/photos/:photoId',
    {
      schema: {
        operationId: 'getPropertyInspectionPhoto',
        summary: 'A photo of an inspection in scope',
        tags,
        params: PhotoParams,
        response: { 200: Binary, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'propertyEvaluation.read');
      const inspections = new InspectionRepository(db);
      const found = await inspections.findById(ctx.actor.tenantId, request.params.id, scope);
      const photo = found && (await inspections.photo(ctx.actor.tenantId, found.id, request.params.photoId));
      const bytes = photo && (await files.get(photo.storageKey));
      if (!photo || !bytes) throw AppError.notFound(propertyEvaluationNouns.photo, request.params.photoId);
      return reply
        .header('content-type', photo.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .send(bytes);
    },
  );
}
