import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { cursorPage, errorResponses, requireAbility, requireContext, runWrite, sendXlsx, toXlsx } from '@linli/core';
import type { Db } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { appointInstructor } from './commands/appoint-instructor.ts';
import { endInstructor } from './commands/end-instructor.ts';
import {
  AppointInstructorBody,
  EndInstructorBody,
  Instructor,
  InstructorCursor,
  InstructorExportQuery,
  InstructorListQuery,
  InstructorPage,
} from './contract.ts';
import { InstructorRepository } from './instructor.repository.ts';

const tags = ['property'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** 党建指导员: list (filter, sort, cursor), Excel, appoint, end. */
export function instructorRoutes(fastify: FastifyInstance, db: Db): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/property/instructors',
    {
      schema: {
        operationId: 'listPropertyInstructors',
        summary: 'Party-building instructors at places in scope (filter by place, company, serving now or ended)',
        tags,
        querystring: InstructorListQuery,
        response: { 200: InstructorPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      return cursorPage(request.query, InstructorCursor, (filter, page) =>
        new InstructorRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/property/instructors/export.xlsx',
    {
      schema: {
        operationId: 'exportPropertyInstructors',
        summary: 'The instructors with the same filters as Excel',
        tags,
        querystring: InstructorExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      const { items } = await new InstructorRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '党建指导员',
          columns: [
            { header: '姓名', key: 'name', width: 10 },
            { header: '派出单位', key: 'unit', width: 24 },
            { header: '社区', key: 'communityName', width: 16 },
            { header: '选派到', key: 'nodeName', width: 18 },
            { header: '物业企业', key: 'companyName', width: 28 },
            { header: '选派日期', key: 'appointedOn', width: 12 },
            { header: '离任日期', key: 'endedOn', width: 12 },
          ],
          rows: items.map((i) => ({ ...i, unit: i.unit ?? '', companyName: i.companyName ?? '', endedOn: i.endedOn ?? '' })),
        },
      ]);
      return sendXlsx(reply, file, '党建指导员.xlsx', 'property-instructors.xlsx');
    },
  );

  app.post(
    '/property/instructors',
    {
      schema: {
        operationId: 'appointPropertyInstructor',
        summary: 'Appoint a party-building instructor to a compound or community, and a property company (audited)',
        tags,
        body: AppointInstructorBody,
        response: { 201: Instructor, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      return reply.status(201).send(await runWrite(db, (tx) => appointInstructor(tx, ctx, request.body)));
    },
  );

  app.post(
    '/property/instructors/:id/end',
    {
      schema: {
        operationId: 'endPropertyInstructor',
        summary: 'Record the day an instructor left (audited)',
        tags,
        params: IdParams,
        body: EndInstructorBody,
        response: { 200: Instructor, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      return runWrite(db, (tx) => endInstructor(tx, ctx, request.params.id, request.body));
    },
  );
}
