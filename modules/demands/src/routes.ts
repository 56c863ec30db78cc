import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  auditEntry,
  buildWorkbook,
  decodeCursor,
  encodeCursor,
  errorResponses,
  IdempotencyHeaders,
  idempotencyOf,
  type ModuleDeps,
  normalisePhone,
  type RequestContext,
  recordAudit,
  requireAnyAbility,
  requireContext,
  runWrite,
  sendWritten,
  sendXlsx,
} from '@linli/core';
import type { Tx } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { AttachmentRepository } from './attachment.repository.ts';
import { CategoryRepository } from './category.repository.ts';
import { acceptDemand } from './commands/accept-demand.ts';
import { closeDemand } from './commands/close-demand.ts';
import { createCategory } from './commands/create-category.ts';
import { decideExtension } from './commands/decide-extension.ts';
import { dispatchDemand } from './commands/dispatch-demand.ts';
import { escalateDemand } from './commands/escalate-demand.ts';
import { evaluateDemand } from './commands/evaluate-demand.ts';
import { mergeDemand } from './commands/merge-demand.ts';
import { recordCallback } from './commands/record-callback.ts';
import { rejectDemand } from './commands/reject-demand.ts';
import { reopenDemand } from './commands/reopen-demand.ts';
import { requestExtension } from './commands/request-extension.ts';
import { resolveDemand } from './commands/resolve-demand.ts';
import { returnDemand } from './commands/return-demand.ts';
import { revealReporter } from './commands/reveal-reporter.ts';
import { startDemand } from './commands/start-demand.ts';
import { submitDemand } from './commands/submit-demand.ts';
import { superviseDemand } from './commands/supervise-demand.ts';
import { transferDemand } from './commands/transfer-demand.ts';
import { updateCategory } from './commands/update-category.ts';
import { requireConfigure } from './configure.ts';
import {
  CallbackBody,
  Category,
  CategoryListQuery,
  CategoryTree,
  CreateCategoryBody,
  Demand,
  DemandDetail,
  DemandExportQuery,
  DemandListQuery,
  DemandPage,
  DispatchBody,
  EscalateBody,
  EvaluateBody,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  IdParams,
  MergeBody,
  MyDemandQuery,
  NoteBody,
  ReasonBody,
  ResolveBody,
  SubmitDemandBody,
  SuperviseBody,
  TransferBody,
  UpdateCategoryBody,
} from './contract.ts';
import { DemandCursor, type DemandFilter, DemandRepository } from './demand.repository.ts';
import { demandLabelsZh } from './labels.zh-CN.ts';
import { forReporter, seesAsStaff } from './reporter-view.ts';
import { allowedActions } from './state-machine.ts';

const EXPORT_LIMIT = 50_000;
const tags = ['demands'];
const errors = errorResponses(400, 403, 404, 409, 422);

/** Staff see the inbox with demand.read, or with demand.handle alone (property staff: what is dispatched to them). */
function requireInbox(ctx: RequestContext): void {
  requireAnyAbility(ctx.actor, ['demand.read', 'demand.handle']);
}

export async function demandRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, cipher } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  const filterOf = (query: Omit<DemandFilter, 'phoneHash'>): DemandFilter => {
    const q = query.q?.trim();
    return { ...query, q, phoneHash: q && /^[+\d\s-]{7,20}$/.test(q) ? cipher.hash(normalisePhone(q)) : null };
  };

  app.post(
    '/demands',
    {
      schema: {
        operationId: 'submitDemand',
        tags,
        summary: 'Submit a demand (staff intake, or a resident for themself); Idempotency-Key makes retries safe',
        headers: IdempotencyHeaders,
        body: SubmitDemandBody,
        response: { 200: Demand, 201: Demand, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      // Without attachments or a key the intake is one statement in autocommit (see submitDemand).
      const idempotency = idempotencyOf(ctx, request.headers['idempotency-key'], request.body);
      const written = await runWrite(db, { autocommit: true, idempotency, status: 201 }, (db) =>
        submitDemand(db, cipher, ctx, request.body),
      );
      return sendWritten(reply, written);
    },
  );

  app.get(
    '/demands',
    {
      schema: {
        operationId: 'listDemands',
        tags,
        summary: 'Staff inbox: demands in scope or first-received by the caller’s units',
        querystring: DemandListQuery,
        response: { 200: DemandPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireInbox(ctx);
      const { cursor, limit = 50, ...rest } = request.query;
      const filter = filterOf(rest);
      const repo = new DemandRepository(db);
      const sort = filter.sort ?? '-submittedAt';
      const page = await repo.list(ctx.actor.tenantId, ctx.actor, filter, { limit, after: decodeCursor(cursor, DemandCursor, sort) });
      // The total comes with the first page, and only up to TOTAL_CAP (beyond it the UI shows "2000+").
      const total = cursor ? undefined : await repo.count(ctx.actor.tenantId, ctx.actor, filter);
      return { items: page.items, nextCursor: page.next ? encodeCursor(page.next, sort) : null, ...(total === undefined ? {} : { total }) };
    },
  );

  app.get(
    '/demands/export.xlsx',
    {
      schema: {
        operationId: 'exportDemands',
        tags,
        summary: 'The inbox with the same filters as Excel (contacts masked; audited)',
        querystring: DemandExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireInbox(ctx);
      const filter = filterOf(request.query);
      const items = await runWrite(db, async (tx) => {
        const page = await new DemandRepository(tx).list(ctx.actor.tenantId, ctx.actor, filter, { limit: EXPORT_LIMIT });
        await recordAudit(tx, auditEntry(ctx, 'demand.export', { type: 'demand' }, { filter: request.query, rows: page.items.length }));
        return page.items;
      });
      const file = await buildWorkbook<Demand>(
        '诉求',
        [
          { header: '编号', key: 'number', width: 14, value: (d) => d.number },
          { header: '标题', key: 'title', width: 30, value: (d) => d.title },
          { header: '分类', key: 'category', width: 12, value: (d) => d.categoryName },
          { header: '渠道', key: 'channel', width: 14, value: (d) => demandLabelsZh.channels[d.channel] },
          { header: '状态', key: 'status', width: 10, value: (d) => demandLabelsZh.statuses[d.status] },
          { header: '层级', key: 'level', width: 12, value: (d) => demandLabelsZh.levels[d.level] },
          { header: '承办单位', key: 'unit', width: 20, value: (d) => d.handlingUnit?.name },
          { header: '地点', key: 'place', width: 40, value: (d) => d.locationPath.join(' ') },
          { header: '诉求人', key: 'reporter', width: 10, value: (d) => d.reporterName },
          { header: '联系电话', key: 'phone', width: 14, value: (d) => d.reporterPhone },
          { header: '提交时间', key: 'submittedAt', width: 20, value: (d) => new Date(d.submittedAt) },
          { header: '办结时限', key: 'resolveDueAt', width: 20, value: (d) => new Date(d.resolveDueAt) },
          {
            header: '满意度',
            key: 'satisfaction',
            width: 12,
            value: (d) => (d.satisfaction ? demandLabelsZh.satisfactions[d.satisfaction] : null),
          },
        ],
        items,
      );
      return sendXlsx(reply, file, '诉求.xlsx');
    },
  );

  app.get(
    '/demands/:id',
    {
      schema: {
        operationId: 'getDemand',
        tags,
        summary: 'A demand with its timeline and the actions the caller may take',
        params: IdParams,
        response: { 200: DemandDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const repo = new DemandRepository(db);
      const [detail, record] = await Promise.all([
        repo.findDetail(ctx.actor.tenantId, request.params.id, ctx.actor),
        repo.findRecord(ctx.actor.tenantId, request.params.id, ctx.actor),
      ]);
      if (!detail || !record) throw AppError.notFound('Demand', request.params.id);
      const attachments = await new AttachmentRepository(db).listOf(ctx.actor.tenantId, request.params.id);
      const shown = seesAsStaff(ctx.actor, record) ? detail : forReporter(detail);
      return {
        ...shown,
        attachments,
        allowedActions: allowedActions(record, ctx.actor, { reopenWindowDays: record.reopenWindowDays ?? undefined }),
      };
    },
  );

  app.post(
    '/demands/:id/reveal-contact',
    {
      schema: {
        operationId: 'revealDemandContact',
        tags,
        summary: 'The reporter’s name and phone unmasked for a callback (people.pii on the place; audited)',
        params: IdParams,
        response: {
          200: Type.Object({ name: Type.Union([Type.String(), Type.Null()]), phone: Type.Union([Type.String(), Type.Null()]) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      // The refusal is audited and committed, then answered with 403.
      const outcome = await runWrite(db, (tx) => revealReporter(tx, cipher, ctx, request.params.id));
      if ('denied' in outcome) throw AppError.forbidden(outcome.denied);
      return outcome.revealed;
    },
  );

  app.get(
    '/me/demands',
    {
      schema: {
        operationId: 'listMyDemands',
        tags,
        summary: 'The caller’s own demands (residents)',
        querystring: MyDemandQuery,
        response: { 200: DemandPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const { cursor, limit = 50 } = request.query;
      const page = await new DemandRepository(db).list(
        ctx.actor.tenantId,
        ctx.actor,
        {},
        { limit, after: decodeCursor(cursor, DemandCursor) },
        'mine',
      );
      return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  );

  app.get(
    '/demand-categories',
    {
      schema: {
        operationId: 'listDemandCategories',
        tags,
        summary: 'The category tree with default levels, deadlines, active flag and version; retired ones with includeInactive',
        querystring: CategoryListQuery,
        response: { 200: CategoryTree, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      // Retired categories are configuration, not something to file a demand under: only for those who may bring them back.
      const includeInactive = request.query.includeInactive === true;
      if (includeInactive) await requireConfigure(db, ctx);
      return { items: await new CategoryRepository(db).tree(ctx.actor.tenantId, { includeInactive }) };
    },
  );

  app.post(
    '/demand-categories',
    {
      schema: {
        operationId: 'createDemandCategory',
        tags,
        summary: 'Add a category (demand.configure on the county)',
        body: CreateCategoryBody,
        response: { 201: Category, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      return reply.status(201).send(await runWrite(db, (tx) => createCategory(tx, ctx, request.body)));
    },
  );

  app.patch(
    '/demand-categories/:id',
    {
      schema: {
        operationId: 'updateDemandCategory',
        tags,
        summary: 'Rename, change the default level or department, retire, or replace the deadlines of a category',
        params: IdParams,
        body: UpdateCategoryBody,
        response: { 200: Category, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return runWrite(db, (tx) => updateCategory(tx, ctx, request.params.id, request.body));
    },
  );

  /** One POST per transition; who may take it is decided by the state machine against the demand. */
  function transition<S extends TSchema>(
    path: string,
    operationId: string,
    summary: string,
    body: S,
    run: (tx: Tx, ctx: RequestContext, id: string, input: Static<S>) => Promise<Demand>,
  ): void {
    app.post(
      `/demands/:id/${path}`,
      {
        schema: { operationId, tags, summary, params: IdParams, body, response: { 200: Demand, ...errors } },
        // A bare POST (no body) is an empty body, so note-only transitions need none.
        preValidation: async (request) => {
          (request as { body: unknown }).body ??= {};
        },
      },
      async (request) => {
        const ctx = requireContext(request);
        return runWrite(db, (tx) => run(tx, ctx, request.params.id, request.body as Static<S>));
      },
    );
  }

  transition('accept', 'acceptDemand', '受理: accept; the caller’s unit becomes the first receiver', NoteBody, acceptDemand);
  transition('reject', 'rejectDemand', '不予受理: reject with a reason', ReasonBody, rejectDemand);
  transition('dispatch', 'dispatchDemand', '派单: dispatch to a unit at a level', DispatchBody, dispatchDemand);
  transition('start', 'startDemand', 'The handling unit starts work', NoteBody, startDemand);
  transition('resolve', 'resolveDemand', '办结: resolve with the result', ResolveBody, (tx, ctx, id, input) =>
    resolveDemand(tx, ctx, id, input),
  );
  transition('evaluate', 'evaluateDemand', 'The reporter evaluates the result', EvaluateBody, evaluateDemand);
  transition('close', 'closeDemand', '销号: close', NoteBody, closeDemand);
  transition('return', 'returnDemand', '退单: return to the dispatcher with a reason', ReasonBody, returnDemand);
  transition('transfer', 'transferDemand', '转办: transfer to another unit', TransferBody, transferDemand);
  transition('escalate', 'escalateDemand', '提级: escalate one level up', EscalateBody, escalateDemand);
  transition(
    'extension-request',
    'requestDemandExtension',
    '延期申请: ask for a later resolution deadline',
    ExtensionRequestBody,
    requestExtension,
  );
  transition(
    'extension-decision',
    'decideDemandExtension',
    '延期审批: approve or refuse the waiting request',
    ExtensionDecisionBody,
    decideExtension,
  );
  transition('reopen', 'reopenDemand', '重办: reopen after a dissatisfied evaluation', ReasonBody, (tx, ctx, id, input) =>
    reopenDemand(tx, ctx, id, input),
  );
  transition('merge', 'mergeDemand', 'Merge as a duplicate of another demand', MergeBody, mergeDemand);
  transition('supervise', 'superviseDemand', '督办: supervise with a note', SuperviseBody, superviseDemand);
  transition('callbacks', 'recordDemandCallback', '回访: record a staff callback', CallbackBody, recordCallback);
}
