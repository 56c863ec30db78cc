import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, cursorPage, type ModuleDeps, requireAbility, requireContext, runWrite, sendXlsx, toXlsx } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { memberView } from './commands/add-member.ts';
import { createTraining } from './commands/create-training.ts';
import { recordAttendance } from './commands/record-attendance.ts';
import {
  AttendanceBody,
  CreateTrainingBody,
  Training,
  TrainingDetail,
  TrainingExportQuery,
  TrainingListQuery,
  TrainingPage,
} from './contract.ts';
import { ownersCommitteesNouns } from './errors.ts';
import { errors, tags } from './route-shared.ts';
import { TrainingCursor, TrainingRepository } from './training.repository.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Training batches of committee members and their attendance. */
export async function trainingRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get(
    '/owners-committees/trainings',
    {
      schema: {
        operationId: 'listOwnersCommitteeTrainings',
        summary: 'Training batches in scope, latest first',
        tags,
        querystring: TrainingListQuery,
        response: { 200: TrainingPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      return cursorPage(request.query, TrainingCursor, (filter, page) =>
        new TrainingRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/owners-committees/trainings/export.xlsx',
    {
      schema: {
        operationId: 'exportOwnersCommitteeTrainings',
        summary: 'The training batches as Excel',
        tags,
        querystring: TrainingExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      const { items } = await new TrainingRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '培训',
          columns: [
            { header: '日期', key: 'heldOn', width: 12 },
            { header: '培训', key: 'title', width: 36 },
            { header: '组织地', key: 'nodeName', width: 18 },
            { header: '地点', key: 'placeText', width: 24 },
            { header: '参训人数', key: 'attendees', width: 10 },
          ],
          rows: items,
        },
      ]);
      return sendXlsx(reply, file, '业委会培训.xlsx', 'owners-committee-trainings.xlsx');
    },
  );

  app.get(
    '/owners-committees/trainings/:id',
    {
      schema: {
        operationId: 'getOwnersCommitteeTraining',
        summary: 'One training batch with the members who attended',
        tags,
        params: IdParams,
        response: { 200: TrainingDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      const found = await new TrainingRepository(db).detail(ctx.actor.tenantId, request.params.id, scope, { ...memberView(ctx), scope });
      if (!found) throw AppError.notFound(ownersCommitteesNouns.training, request.params.id);
      return found;
    },
  );

  app.post(
    '/owners-committees/trainings',
    {
      schema: {
        operationId: 'createOwnersCommitteeTraining',
        summary: 'Record a training batch for committee members (audited)',
        tags,
        body: CreateTrainingBody,
        response: { 201: Training, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      return reply.status(201).send(await runWrite(db, (tx) => createTraining(tx, ctx, request.body)));
    },
  );

  app.post(
    '/owners-committees/trainings/:id/attendance',
    {
      schema: {
        operationId: 'recordOwnersCommitteeTrainingAttendance',
        summary: 'Record which committee members attended the training (audited)',
        tags,
        params: IdParams,
        body: AttendanceBody,
        response: { 200: TrainingDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      return runWrite(db, (tx) => recordAttendance(tx, ctx, request.params.id, request.body));
    },
  );
}
