import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { cursorPage, errorResponses, type ModuleDeps, requireAbility, requireContext, runWrite, sendXlsx, toXlsx } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { createDualRegistration } from './commands/create-dual-registration.ts';
import { createOrganisation } from './commands/create-organisation.ts';
import {
  CreateDualRegistrationBody,
  CreateOrganisationBody,
  DualRegistration,
  DualRegistrationListQuery,
  DualRegistrationPage,
  Organisation,
  OrganisationExportQuery,
  OrganisationListQuery,
  OrganisationPage,
} from './contract.ts';
import { DualRegistrationCursor, DualRegistrationRepository } from './dual-registration.repository.ts';
import { OrganisationCursor, OrganisationRepository } from './organisation.repository.ts';

const tags = ['organisations'];
const errors = errorResponses(400, 403, 404, 409);

const kindNames: Record<string, string> = {
  property_company: '物业服务企业',
  owners_committee: '业主委员会',
  property_management_committee: '物业管理委员会',
  government_unit: '机关单位',
  enterprise: '企业',
  school: '学校',
  hospital: '医院',
  social_organisation: '社会组织',
  volunteer_team: '志愿服务队',
  red_steward_team: '红管家',
  community_enterprise: '社区服务公司',
};

export async function organisationRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, cipher } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/organisations',
    {
      schema: {
        operationId: 'listOrganisations',
        summary: 'Social organisations and enterprises in scope',
        tags,
        querystring: OrganisationListQuery,
        response: { 200: OrganisationPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'organisation.read');
      return cursorPage(request.query, OrganisationCursor, (filter, page) =>
        new OrganisationRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/organisations/export.xlsx',
    {
      schema: {
        operationId: 'exportOrganisations',
        summary: 'The organisations with the same filters as Excel',
        tags,
        querystring: OrganisationExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'organisation.read');
      const { items } = await new OrganisationRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '组织',
          columns: [
            { header: '名称', key: 'name', width: 30 },
            { header: '类型', key: 'kindName', width: 16 },
            { header: '所在', key: 'nodeName', width: 20 },
            { header: '统一社会信用代码', key: 'creditCode', width: 22 },
            { header: '国企', key: 'stateOwnedText', width: 6 },
            { header: '联系人', key: 'contactName', width: 10 },
            { header: '联系电话', key: 'phone', width: 14 },
            { header: '服务小区', key: 'served', width: 40 },
          ],
          rows: items.map((o) => ({
            ...o,
            kindName: kindNames[o.kind] ?? o.kind,
            stateOwnedText: o.stateOwned ? '是' : '',
            served: o.servedCompounds.map((c) => c.name).join('、'),
          })),
        },
      ]);
      return sendXlsx(reply, file, '组织.xlsx', 'organisations.xlsx');
    },
  );

  app.post(
    '/organisations',
    {
      schema: {
        operationId: 'createOrganisation',
        summary: 'Register a social organisation or enterprise (audited)',
        tags,
        body: CreateOrganisationBody,
        response: { 201: Organisation, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'organisation.write');
      const created = await runWrite(db, (tx) => createOrganisation(tx, cipher, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/dual-registrations',
    {
      schema: {
        operationId: 'listDualRegistrations',
        summary: 'Dual registrations (双报到): party organisations and members reporting to a community',
        tags,
        querystring: DualRegistrationListQuery,
        response: { 200: DualRegistrationPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'organisation.read');
      return cursorPage(request.query, DualRegistrationCursor, (filter, page) =>
        new DualRegistrationRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.post(
    '/dual-registrations',
    {
      schema: {
        operationId: 'createDualRegistration',
        summary: 'Register a party organisation or member with a community (双报到; audited)',
        tags,
        body: CreateDualRegistrationBody,
        response: { 201: DualRegistration, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'organisation.write');
      const created = await runWrite(db, (tx) => createDualRegistration(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );
}
