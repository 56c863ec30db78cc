import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  createFileStore,
  cursorPage,
  errorResponses,
  type FileStore,
  type ModuleDeps,
  readMultipart,
  requireAbility,
  requireContext,
  runWrite,
  sendXlsx,
  toXlsx,
} from '@linli/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type Static, Type } from 'typebox';
import { CaseRepository, caseCursorFor } from './case.repository.ts';
import { readCaseDetail } from './case-detail.ts';
import { acceptRenovation } from './commands/accept-renovation.ts';
import { addCasePhoto, caseStage } from './commands/add-case-photo.ts';
import { addMyCasePhoto } from './commands/add-my-case-photo.ts';
import { addRenovationPhoto, renovationPhotoFields } from './commands/add-renovation-photo.ts';
import { assignCase } from './commands/assign-case.ts';
import { closeCase } from './commands/close-case.ts';
import { createCase } from './commands/create-case.ts';
import { createRenovation } from './commands/create-renovation.ts';
import { reportCase } from './commands/report-case.ts';
import { startRenovation } from './commands/start-renovation.ts';
import { updateRenovation } from './commands/update-renovation.ts';
import {
  AcceptRenovationBody,
  AssignCaseBody,
  CaseExportQuery,
  CaseListQuery,
  CasePage,
  CloseCaseBody,
  CreateCaseBody,
  CreateRenovationBody,
  MyCase,
  MyCaseList,
  RenovationCounts,
  RenovationCountsQuery,
  RenovationDetail,
  RenovationExportQuery,
  RenovationListQuery,
  RenovationPage,
  ReportCaseBody,
  StartRenovationBody,
  Totals,
  TotalsQuery,
  UpdateRenovationBody,
  UrbanCaseDetail,
} from './contract.ts';
import { urbanCasesNouns } from './errors.ts';
import { urbanCaseFigures } from './figures.ts';
import { RenovationRepository, renovationCursorFor } from './renovation.repository.ts';
import {
  type CaseKind,
  kindLabels,
  renovationStatusLabels,
  type ScopeItem,
  scopeItemLabels,
  statusLabels,
  unitLabels,
} from './vocabulary.ts';

const tags = ['urban-cases'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const PhotoParams = Type.Object({ id: Type.String({ format: 'uuid' }), photoId: Type.String({ format: 'uuid' }) });
const Binary = { type: 'string', format: 'binary' } as const;
const uploadErrors = errorResponses(400, 403, 404, 409, 413);
const china = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

const sendPhoto = (reply: FastifyReply, photo: { contentType: string }, bytes: Buffer) =>
  reply
    .header('content-type', photo.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, max-age=3600')
    .send(bytes);

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function urbanCasesRoutes(fastify: FastifyInstance, deps: ModuleDeps & { files?: FileStore }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  const files = deps.files ?? createFileStore(deps.config);
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  // ---- Cases (城管进小区)

  app.get(
    '/urban-cases/cases',
    {
      schema: {
        operationId: 'listUrbanCases',
        summary: 'Urban-management cases in scope, filtered by kind, status, place and period, sorted',
        tags,
        querystring: CaseListQuery,
        response: { 200: CasePage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'urbanCases.read');
      return cursorPage(request.query, caseCursorFor(request.query.sort), (filter, page) =>
        new CaseRepository(db).list(ctx.actor.tenantId, scope, filter, page as { limit: number; after?: [string, string] }),
      );
    },
  );

  app.get(
    '/urban-cases/cases/export.xlsx',
    {
      schema: {
        operationId: 'exportUrbanCases',
        summary: 'The urban-management cases with the same filters as Excel',
        tags,
        querystring: CaseExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'urbanCases.read');
      const { items } = await new CaseRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '城管进小区案件',
          columns: [
            { header: '类型', key: 'kind', width: 12 },
            { header: '社区', key: 'communityName', width: 16 },
            { header: '地点', key: 'nodeName', width: 18 },
            { header: '情况', key: 'description', width: 40 },
            { header: '数量', key: 'quantity', width: 10 },
            { header: '单位', key: 'unit', width: 8 },
            { header: '执法单位', key: 'departmentName', width: 20 },
            { header: '状态', key: 'status', width: 10 },
            { header: '来源', key: 'source', width: 8 },
            { header: '上报时间', key: 'reportedAt', width: 18 },
            { header: '办结时间', key: 'closedAt', width: 18 },
          ],
          rows: items.map((c) => ({
            ...c,
            kind: kindLabels[c.kind as CaseKind],
            unit: unitLabels[c.kind as CaseKind],
            status: statusLabels[c.status],
            source: c.source === 'resident' ? '居民' : '工作人员',
            reportedAt: china(c.reportedAt),
            closedAt: china(c.closedAt),
          })),
        },
      ]);
      return sendXlsx(reply, file, '城管进小区案件.xlsx', 'urban-cases.xlsx');
    },
  );

  app.get(
    '/urban-cases/totals',
    {
      schema: {
        operationId: 'urbanCaseTotals',
        summary: 'Closed cases and renovated compounds in a period, per street or community in scope',
        tags,
        querystring: TotalsQuery,
        response: { 200: Totals, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'urbanCases.read');
      return totalsOf(ctx.actor.tenantId, scope, request.query);
    },
  );

  const totalsOf = async (tenantId: string, scope: string[], query: Static<typeof TotalsQuery>) => {
    if (query.to <= query.from) throw AppError.invalid([{ field: 'to', reason: 'is not after from' }]);
    const rows = await new CaseRepository(db).totals(tenantId, scope, query);
    const f = await urbanCaseFigures(db, { tenantId, paths: scope }, query);
    const { renovationProjectsByStatus: _, ...total } = f;
    return { rows, total };
  };

  app.get(
    '/urban-cases/totals/export.xlsx',
    {
      schema: {
        operationId: 'exportUrbanCaseTotals',
        summary: 'The totals per street or community as Excel',
        tags,
        querystring: TotalsQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'urbanCases.read');
      const { rows, total } = await totalsOf(ctx.actor.tenantId, scope, request.query);
      const file = await toXlsx([
        {
          name: '城管进小区统计',
          columns: [
            { header: request.query.by === 'community' ? '社区' : '街道', key: 'name', width: 20 },
            { header: '拆除违建（处）', key: 'illegalStructuresRemoved', width: 14 },
            { header: '拆除面积（平方米）', key: 'illegalStructureAreaM2', width: 18 },
            { header: '清运垃圾（吨）', key: 'rubbishTonnes', width: 14 },
            { header: '施划车位（个）', key: 'parkingSpaces', width: 14 },
            { header: '安装充电桩（个）', key: 'chargers', width: 16 },
            { header: '整治乱堆乱放（处）', key: 'clutterCases', width: 18 },
            { header: '改造小区（个）', key: 'renovatedCompounds', width: 14 },
          ],
          rows: [...rows, { name: '合计', ...total }],
        },
      ]);
      return sendXlsx(reply, file, '城管进小区统计.xlsx', 'urban-case-totals.xlsx');
    },
  );

  app.get(
    '/urban-cases/cases/:id',
    {
      schema: {
        operationId: 'getUrbanCase',
        summary: 'One case with its timeline and photos',
        tags,
        params: IdParams,
        response: { 200: UrbanCaseDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'urbanCases.read');
      return readCaseDetail(db, ctx.actor.tenantId, request.params.id, scope);
    },
  );

  app.post(
    '/urban-cases/cases',
    {
      schema: {
        operationId: 'createUrbanCase',
        summary: 'Record a case at a compound or building (reported; audited)',
        tags,
        body: CreateCaseBody,
        response: { 201: UrbanCaseDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'urbanCases.write');
      return reply.status(201).send(await runWrite(db, (tx) => createCase(tx, ctx, request.body)));
    },
  );

  app.post(
    '/urban-cases/cases/:id/assign',
    {
      schema: {
        operationId: 'assignUrbanCase',
        summary: 'Assign a reported case to the county department that enforces it',
        tags,
        params: IdParams,
        body: AssignCaseBody,
        response: { 200: UrbanCaseDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'urbanCases.write');
      return runWrite(db, (tx) => assignCase(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/urban-cases/cases/:id/close',
    {
      schema: {
        operationId: 'closeUrbanCase',
        summary: 'Close an assigned case with its final quantity (needs a photo after the work)',
        tags,
        params: IdParams,
        body: CloseCaseBody,
        response: { 200: UrbanCaseDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'urbanCases.write');
      return runWrite(db, (tx) => closeCase(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/urban-cases/cases/:id/photos',
    {
      schema: {
        operationId: 'addUrbanCasePhoto',
        summary: 'Add a photo before or after the work (multipart: field `file` JPEG, PNG or WebP up to 10 MB; `stage` before|after)',
        tags,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: UrbanCaseDetail, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'urbanCases.write');
      const { file, fields } = await readMultipart(request, { defaultName: 'photo' });
      if (!file) throw AppError.invalid([{ field: 'file', reason: 'send the photo in the form field `file`' }]);
      const stage = caseStage(fields.stage);
      const detail = await runWrite(db, (tx) =>
        addCasePhoto(tx, files, ctx, request.params.id, { stage, fileName: file.name, bytes: file.data }),
      );
      return reply.status(201).send(detail);
    },
  );

  app.get(
    '/urban-cases/cases/:id/photos/:photoId',
    {
      schema: {
        operationId: 'getUrbanCasePhoto',
        summary: 'A photo of a case in scope',
        tags,
        params: PhotoParams,
        response: { 200: Binary, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'urbanCases.read');
      const cases = new CaseRepository(db);
      const found = await cases.findById(ctx.actor.tenantId, request.params.id, scope);
      const photo = found && (await cases.photo(ctx.actor.tenantId, found.id, request.params.photoId));
      const bytes = photo && (await files.get(photo.storageKey));
      if (!photo || !bytes) throw AppError.notFound(urbanCasesNouns.photo, request.params.photoId);
      return sendPhoto(reply, photo, bytes);
    },
  );

  // ---- The resident's reports (phone)

  app.get(
    '/me/urban-cases',
    {
      schema: {
        operationId: 'listMyUrbanCases',
        summary: 'The cases the caller reported as a resident, with their status',
        tags,
        response: { 200: MyCaseList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return { items: await new CaseRepository(db).mine(ctx.actor.tenantId, ctx.actor.accountId) };
    },
  );

  app.post(
    '/me/urban-cases',
    {
      schema: {
        operationId: 'reportMyUrbanCase',
        summary: 'A resident reports a case in their own compound (kind, description; photos follow)',
        tags,
        body: ReportCaseBody,
        response: { 201: MyCase, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      return reply.status(201).send(await runWrite(db, (tx) => reportCase(tx, ctx, request.body)));
    },
  );

  app.post(
    '/me/urban-cases/:id/photos',
    {
      schema: {
        operationId: 'addMyUrbanCasePhoto',
        summary: 'A resident adds a photo to a case they reported (multipart field `file`: JPEG, PNG or WebP up to 10 MB)',
        tags,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: MyCase, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const { file } = await readMultipart(request, { defaultName: 'photo' });
      if (!file) throw AppError.invalid([{ field: 'file', reason: 'send the photo in the form field `file`' }]);
      const mine = await runWrite(db, (tx) => addMyCasePhoto(tx, files, ctx, request.params.id, { fileName: file.name, bytes: file.data }));
      return reply.status(201).send(mine);
    },
  );

  // ---- Renovation projects (老旧小区改造)

  app.get(
    '/urban-cases/renovations',
    {
      schema: {
        operationId: 'listUrbanRenovations',
        summary: 'Renovation projects with a compound in scope, filtered and sorted',
        tags,
        querystring: RenovationListQuery,
        response: { 200: RenovationPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'urbanCases.read');
      return cursorPage(request.query, renovationCursorFor(request.query.sort), (filter, page) =>
        new RenovationRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/urban-cases/renovations/export.xlsx',
    {
      schema: {
        operationId: 'exportUrbanRenovations',
        summary: 'The renovation projects with the same filters as Excel',
        tags,
        querystring: RenovationExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'urbanCases.read');
      const { items } = await new RenovationRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '老旧小区改造',
          columns: [
            { header: '项目', key: 'name', width: 30 },
            { header: '所在', key: 'nodeName', width: 16 },
            { header: '小区', key: 'compounds', width: 30 },
            { header: '改造内容', key: 'scopeItems', width: 30 },
            { header: '预算（元）', key: 'budget', width: 14 },
            { header: '状态', key: 'status', width: 10 },
            { header: '验收日期', key: 'acceptedOn', width: 12 },
          ],
          rows: items.map((r) => ({
            ...r,
            compounds: r.compounds.map((c) => c.name).join('、'),
            scopeItems: r.scopeItems.map((s) => scopeItemLabels[s as ScopeItem] ?? s).join('、'),
            status: renovationStatusLabels[r.status],
          })),
        },
      ]);
      return sendXlsx(reply, file, '老旧小区改造.xlsx', 'renovations.xlsx');
    },
  );

  app.get(
    '/urban-cases/renovations/counts',
    {
      schema: {
        operationId: 'countUrbanRenovations',
        summary: 'Renovation projects in scope by status',
        tags,
        querystring: RenovationCountsQuery,
        response: { 200: RenovationCounts, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'urbanCases.read');
      return new RenovationRepository(db).counts(ctx.actor.tenantId, scope, request.query.nodeId);
    },
  );

  app.get(
    '/urban-cases/renovations/:id',
    {
      schema: {
        operationId: 'getUrbanRenovation',
        summary: 'One renovation project with its funding, phases and gallery',
        tags,
        params: IdParams,
        response: { 200: RenovationDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'urbanCases.read');
      const found = await new RenovationRepository(db).findDetail(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(urbanCasesNouns.renovation, request.params.id);
      return found;
    },
  );

  app.post(
    '/urban-cases/renovations',
    {
      schema: {
        operationId: 'createUrbanRenovation',
        summary: 'Record a renovation project of compounds in scope (planned; audited)',
        tags,
        body: CreateRenovationBody,
        response: { 201: RenovationDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'urbanCases.write');
      return reply.status(201).send(await runWrite(db, (tx) => createRenovation(tx, ctx, request.body)));
    },
  );

  app.put(
    '/urban-cases/renovations/:id',
    {
      schema: {
        operationId: 'updateUrbanRenovation',
        summary: 'Change a renovation project (compounds, scope, budget and funding, phases, consultation topic)',
        tags,
        params: IdParams,
        body: UpdateRenovationBody,
        response: { 200: RenovationDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'urbanCases.write');
      return runWrite(db, (tx) => updateRenovation(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/urban-cases/renovations/:id/start',
    {
      schema: {
        operationId: 'startUrbanRenovation',
        summary: 'Works begin: a planned project goes in progress',
        tags,
        params: IdParams,
        body: StartRenovationBody,
        response: { 200: RenovationDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'urbanCases.write');
      return runWrite(db, (tx) => startRenovation(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/urban-cases/renovations/:id/accept',
    {
      schema: {
        operationId: 'acceptUrbanRenovation',
        summary: 'The acceptance (验收) of a project under way, with its date (needs a photo of the acceptance)',
        tags,
        params: IdParams,
        body: AcceptRenovationBody,
        response: { 200: RenovationDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'urbanCases.write');
      return runWrite(db, (tx) => acceptRenovation(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/urban-cases/renovations/:id/photos',
    {
      schema: {
        operationId: 'addUrbanRenovationPhoto',
        summary: 'Add a photo to the gallery (multipart: `file` JPEG, PNG or WebP up to 10 MB; `stage` before|after|acceptance; `caption`)',
        tags,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: RenovationDetail, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'urbanCases.write');
      const { file, fields } = await readMultipart(request, { defaultName: 'photo' });
      if (!file) throw AppError.invalid([{ field: 'file', reason: 'send the photo in the form field `file`' }]);
      const { stage, caption } = renovationPhotoFields(fields);
      const detail = await runWrite(db, (tx) =>
        addRenovationPhoto(tx, files, ctx, request.params.id, { stage, caption, fileName: file.name, bytes: file.data }),
      );
      return reply.status(201).send(detail);
    },
  );

  app.get(
    '/urban-cases/renovations/:id/photos/:photoId',
    {
      schema: {
        operationId: 'getUrbanRenovationPhoto',
        summary: 'A photo of a renovation project in scope',
        tags,
        params: PhotoParams,
        response: { 200: Binary, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'urbanCases.read');
      const projects = new RenovationRepository(db);
      const found = await projects.findDetail(ctx.actor.tenantId, request.params.id, scope);
      const photo = found && (await projects.photo(ctx.actor.tenantId, found.id, request.params.photoId));
      const bytes = photo && (await files.get(photo.storageKey));
      if (!photo || !bytes) throw AppError.notFound(urbanCasesNouns.photo, request.params.photoId);
      return sendPhoto(reply, photo, bytes);
    },
  );
}
