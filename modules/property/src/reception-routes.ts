import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  cursorPage,
  errorResponses,
  type PersonalDataCipher,
  requireAbility,
  requireContext,
  runWrite,
  sendXlsx,
  toXlsx,
} from '@linli/core';
import type { Db } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { endReceptionDay } from './commands/end-reception-day.ts';
import { receptionQuestionToDemand } from './commands/reception-question-to-demand.ts';
import { recordReceptionQuestion } from './commands/record-reception-question.ts';
import { scheduleReceptionDay } from './commands/schedule-reception-day.ts';
import {
  EndReceptionBody,
  QuestionToDemandBody,
  ReceptionCursor,
  ReceptionDayDetail,
  ReceptionExportQuery,
  ReceptionListQuery,
  ReceptionPage,
  ReceptionQuestionBody,
  ScheduleReceptionBody,
} from './contract.ts';
import { propertyNouns } from './errors.ts';
import { ReceptionRepository } from './reception.repository.ts';

const tags = ['property'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const QuestionParams = Type.Object({ id: Type.String({ format: 'uuid' }), questionId: Type.String({ format: 'uuid' }) });
export const receptionStatusLabels = { scheduled: '已安排', held: '已接待', cancelled: '已取消' } as const;

/** 物业经理接待日: list (filter, sort, cursor), Excel, detail; schedule, record questions, turn one into a demand, close. */
export function receptionRoutes(fastify: FastifyInstance, db: Db, cipher: PersonalDataCipher): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/property/reception-days',
    {
      schema: {
        operationId: 'listPropertyReceptionDays',
        summary: 'Property managers’ reception days in scope, by date (filter by place, state and dates)',
        tags,
        querystring: ReceptionListQuery,
        response: { 200: ReceptionPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      return cursorPage(request.query, ReceptionCursor, (filter, page) =>
        new ReceptionRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/property/reception-days/export.xlsx',
    {
      schema: {
        operationId: 'exportPropertyReceptionDays',
        summary: 'The reception days with the same filters as Excel',
        tags,
        querystring: ReceptionExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      const { items } = await new ReceptionRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '物业经理接待日',
          columns: [
            { header: '日期', key: 'heldOn', width: 12 },
            { header: '时间', key: 'hours', width: 12 },
            { header: '社区', key: 'communityName', width: 16 },
            { header: '小区', key: 'compoundName', width: 18 },
            { header: '物业企业', key: 'companyName', width: 28 },
            { header: '接待人', key: 'hostName', width: 10 },
            { header: '地点', key: 'place', width: 20 },
            { header: '状态', key: 'status', width: 8 },
            { header: '问题数', key: 'questions', width: 8 },
            { header: '转诉求', key: 'demands', width: 8 },
            { header: '情况', key: 'summary', width: 40 },
          ],
          rows: items.map((r) => ({ ...r, status: receptionStatusLabels[r.status], summary: r.summary ?? '' })),
        },
      ]);
      return sendXlsx(reply, file, '物业经理接待日.xlsx', 'property-reception-days.xlsx');
    },
  );

  app.get(
    '/property/reception-days/:id',
    {
      schema: {
        operationId: 'getPropertyReceptionDay',
        summary: 'A reception day with the questions raised (households, never names) and the demands they became',
        tags,
        params: IdParams,
        response: { 200: ReceptionDayDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      const found = await new ReceptionRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(propertyNouns.receptionDay, request.params.id);
      return found;
    },
  );

  app.post(
    '/property/reception-days',
    {
      schema: {
        operationId: 'schedulePropertyReceptionDay',
        summary: 'Schedule a reception day in a compound for the company serving it (audited)',
        tags,
        body: ScheduleReceptionBody,
        response: { 201: ReceptionDayDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      return reply.status(201).send(await runWrite(db, (tx) => scheduleReceptionDay(tx, ctx, request.body)));
    },
  );

  app.post(
    '/property/reception-days/:id/questions',
    {
      schema: {
        operationId: 'recordPropertyReceptionQuestion',
        summary: 'Record a question raised at a reception day, with the answer given (audited)',
        tags,
        params: IdParams,
        body: ReceptionQuestionBody,
        response: { 201: ReceptionDayDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      return reply.status(201).send(await runWrite(db, (tx) => recordReceptionQuestion(tx, ctx, request.params.id, request.body)));
    },
  );

  app.post(
    '/property/reception-days/:id/questions/:questionId/demand',
    {
      schema: {
        operationId: 'propertyReceptionQuestionToDemand',
        summary: 'Turn a question of a reception day into a demand (walk-in intake in the demands module; once per question)',
        tags,
        params: QuestionParams,
        body: QuestionToDemandBody,
        response: { 201: ReceptionDayDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      return reply
        .status(201)
        .send(
          await runWrite(db, (tx) =>
            receptionQuestionToDemand(tx, cipher, ctx, request.params.id, request.params.questionId, request.body),
          ),
        );
    },
  );

  app.post(
    '/property/reception-days/:id/end',
    {
      schema: {
        operationId: 'endPropertyReceptionDay',
        summary: 'Close a scheduled reception day as held (with a summary) or cancelled (audited)',
        tags,
        params: IdParams,
        body: EndReceptionBody,
        response: { 200: ReceptionDayDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      return runWrite(db, (tx) => endReceptionDay(tx, ctx, request.params.id, request.body));
    },
  );
}
