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
import { territory } from '@linli/territory';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { addCrossPosting, removeCrossPosting } from './commands/add-cross-posting.ts';
import { createContract } from './commands/create-contract.ts';
import { overrideStatus } from './commands/override-status.ts';
import { recordCollection } from './commands/record-collection.ts';
import { createCompany, updateCompany } from './commands/save-company.ts';
import { saveProfile } from './commands/save-profile.ts';
import { setCriteria } from './commands/set-criteria.ts';
import { CompanyRepository, companyCursorFor } from './company.repository.ts';
import { ContractRepository } from './contract.repository.ts';
import {
  CollectionBody,
  CompanyExportQuery,
  CompanyListQuery,
  CompanyPage,
  CompoundLinkage,
  CompoundParams,
  CompoundProfileDetail,
  ContractList,
  ContractListQuery,
  CreateContractBody,
  Criteria,
  CriteriaBody,
  CrossPosting,
  CrossPostingBody,
  KpiQuery,
  Ledger,
  LedgerQuery,
  MyCompounds,
  OverrideBody,
  ProfileExportQuery,
  ProfileListQuery,
  ProfilePage,
  PropertyCompany,
  PropertyContract,
  PropertyKpis,
  SaveCompanyBody,
  SaveProfileBody,
} from './contract.ts';
import { CriteriaRepository } from './criteria.repository.ts';
import { propertyNouns } from './errors.ts';
import { ledger } from './figures.ts';
import { instructorRoutes } from './instructor-routes.ts';
import { kpiSheetRows } from './kpi-sheet.ts';
import { propertyKpis } from './kpis.ts';
import { compoundLinkage } from './linkage.ts';
import { readMyCompounds } from './my-compound.ts';
import { ProfileRepository, profileCursorFor } from './profile.repository.ts';
import { receptionRoutes } from './reception-routes.ts';
import { renewalRoutes } from './renewal-routes.ts';
import { companyKindLabels, modeLabels, statusLabels } from './vocabulary.ts';

const tags = ['property'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const PostingParams = Type.Object({ id: Type.String({ format: 'uuid' }), postingId: Type.String({ format: 'uuid' }) });
const CompanyDetail = Type.Intersect([
  PropertyCompany,
  Type.Object({ crossPostings: Type.Array(CrossPosting), contracts: Type.Array(PropertyContract) }),
]);
const pct = (v: number | null) => (v === null ? '' : `${Math.round(v * 1000) / 10}%`);

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function propertyRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  // ---- companies
  app.get(
    '/property/companies',
    {
      schema: {
        operationId: 'listPropertyCompanies',
        summary: 'Property companies (物业服务企业) in scope, filtered and sorted',
        tags,
        querystring: CompanyListQuery,
        response: { 200: CompanyPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      return cursorPage(request.query, companyCursorFor(request.query.sort), (filter, page) =>
        new CompanyRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/property/companies/export.xlsx',
    {
      schema: {
        operationId: 'exportPropertyCompanies',
        summary: 'The property companies with the same filters as Excel',
        tags,
        querystring: CompanyExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      const { items } = await new CompanyRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '物业服务企业',
          columns: [
            { header: '企业名称', key: 'name', width: 36 },
            { header: '类型', key: 'kind', width: 14 },
            { header: '统一社会信用代码', key: 'creditCode', width: 22 },
            { header: '服务电话', key: 'servicePhone', width: 16 },
            { header: '所属社区', key: 'communityName', width: 20 },
            { header: '党组织', key: 'partyOrgName', width: 24 },
            { header: '党建指导员', key: 'instructorName', width: 12 },
            { header: '服务小区数', key: 'compounds', width: 10 },
          ],
          rows: items.map((c) => ({ ...c, kind: companyKindLabels[c.kind] })),
        },
      ]);
      return sendXlsx(reply, file, '物业服务企业.xlsx', 'property-companies.xlsx');
    },
  );

  app.get(
    '/property/companies/:id',
    {
      schema: {
        operationId: 'getPropertyCompany',
        summary: 'One property company with its cross-postings and contracts',
        tags,
        params: IdParams,
        response: { 200: CompanyDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      const companies = new CompanyRepository(db);
      const found = await companies.findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(propertyNouns.company, request.params.id);
      return {
        ...found,
        crossPostings: await companies.crossPostings(ctx.actor.tenantId, found.id),
        contracts: await new ContractRepository(db).list(ctx.actor.tenantId, scope, { companyId: found.id }),
      };
    },
  );

  app.post(
    '/property/companies',
    {
      schema: {
        operationId: 'createPropertyCompany',
        summary: 'Register a property company in a community (audited)',
        tags,
        body: SaveCompanyBody,
        response: { 201: PropertyCompany, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      const created = await runWrite(db, (tx) => createCompany(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/property/companies/:id',
    {
      schema: {
        operationId: 'updatePropertyCompany',
        summary: 'Change a property company (audited; its compounds’ statuses are recomputed when its kind changes)',
        tags,
        params: IdParams,
        body: SaveCompanyBody,
        response: { 200: PropertyCompany, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      return runWrite(db, (tx) => updateCompany(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/property/companies/:id/cross-postings',
    {
      schema: {
        operationId: 'addPropertyCrossPosting',
        summary: 'Record a cross-posting (双向进入、交叉任职) of a company; answers the company’s cross-postings',
        tags,
        params: IdParams,
        body: CrossPostingBody,
        response: { 201: Type.Array(CrossPosting), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      const list = await runWrite(db, (tx) => addCrossPosting(tx, ctx, request.params.id, request.body));
      return reply.status(201).send(list);
    },
  );

  app.delete(
    '/property/companies/:id/cross-postings/:postingId',
    {
      schema: {
        operationId: 'removePropertyCrossPosting',
        summary: 'Remove a cross-posting of a company',
        tags,
        params: PostingParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      await runWrite(db, (tx) => removeCrossPosting(tx, ctx, request.params.id, request.params.postingId));
      return reply.status(204).send(null);
    },
  );

  // ---- contracts
  app.get(
    '/property/contracts',
    {
      schema: {
        operationId: 'listPropertyContracts',
        summary: 'Property contracts in scope, of a company or a compound, newest first',
        tags,
        querystring: ContractListQuery,
        response: { 200: ContractList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      return { items: await new ContractRepository(db).list(ctx.actor.tenantId, scope, request.query) };
    },
  );

  app.get(
    '/property/contracts/export.xlsx',
    {
      schema: {
        operationId: 'exportPropertyContracts',
        summary: 'The property contracts with the same filters as Excel',
        tags,
        querystring: ContractListQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      const items = await new ContractRepository(db).list(ctx.actor.tenantId, scope, request.query);
      const file = await toXlsx([
        {
          name: '物业服务合同',
          columns: [
            { header: '物业企业', key: 'companyName', width: 30 },
            { header: '小区', key: 'compoundName', width: 24 },
            { header: '开始日期', key: 'startsOn', width: 12 },
            { header: '结束日期', key: 'endsOn', width: 12 },
            { header: '服务内容', key: 'services', width: 30 },
            { header: '收费标准(元/㎡·月)', key: 'feePerM2Month', width: 14 },
            { header: '收缴率', key: 'collections', width: 30 },
          ],
          rows: items.map((k) => ({
            ...k,
            services: k.services.join('、'),
            collections: k.collections.map((c) => `${c.period}: ${pct(c.rate)}`).join('；'),
          })),
        },
      ]);
      return sendXlsx(reply, file, '物业服务合同.xlsx', 'property-contracts.xlsx');
    },
  );

  app.post(
    '/property/contracts',
    {
      schema: {
        operationId: 'createPropertyContract',
        summary: 'Record a service contract of a company with a compound (audited; becomes the compound’s current one by default)',
        tags,
        body: CreateContractBody,
        response: { 201: PropertyContract, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      const created = await runWrite(db, (tx) => createContract(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/property/contracts/:id/collections',
    {
      schema: {
        operationId: 'recordPropertyCollection',
        summary: 'Record the fee collection rate of a contract for a period (audited; the compound’s status is recomputed)',
        tags,
        params: IdParams,
        body: CollectionBody,
        response: { 200: PropertyContract, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      return runWrite(db, (tx) => recordCollection(tx, ctx, request.params.id, request.body));
    },
  );

  renewalRoutes(fastify, db);
  receptionRoutes(fastify, db, deps.cipher);
  instructorRoutes(fastify, db);

  // ---- compound profiles
  app.get(
    '/property/compounds',
    {
      schema: {
        operationId: 'listPropertyProfiles',
        summary: 'Compound property profiles in scope, filtered by place, status and service mode',
        tags,
        querystring: ProfileListQuery,
        response: { 200: ProfilePage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      return cursorPage(request.query, profileCursorFor(request.query.sort), (filter, page) =>
        new ProfileRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/property/compounds/export.xlsx',
    {
      schema: {
        operationId: 'exportPropertyProfiles',
        summary: 'The compound property profiles with the same filters as Excel',
        tags,
        querystring: ProfileExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      const { items } = await new ProfileRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '小区物业档案',
          columns: [
            { header: '街道', key: 'subdistrictName', width: 16 },
            { header: '社区', key: 'communityName', width: 16 },
            { header: '小区', key: 'compoundName', width: 24 },
            { header: '户数', key: 'households', width: 8 },
            { header: '建筑面积(㎡)', key: 'floorAreaM2', width: 12 },
            { header: '物业企业', key: 'companyName', width: 30 },
            { header: '收费标准(元/㎡·月)', key: 'feePerM2Month', width: 14 },
            { header: '收缴率', key: 'collectionRate', width: 10 },
            { header: '管理状况', key: 'status', width: 10 },
            { header: '人工认定理由', key: 'overrideReason', width: 30 },
            { header: '服务模式', key: 'serviceMode', width: 20 },
            { header: '组团', key: 'clusterName', width: 16 },
          ],
          rows: items.map((p) => ({
            ...p,
            collectionRate: pct(p.collectionRate),
            status: statusLabels[p.status],
            serviceMode: p.serviceMode ? modeLabels[p.serviceMode] : '',
          })),
        },
      ]);
      return sendXlsx(reply, file, '小区物业档案.xlsx', 'property-profiles.xlsx');
    },
  );

  app.get(
    '/property/compounds/:compoundId',
    {
      schema: {
        operationId: 'getPropertyProfile',
        summary: 'The property profile of a compound with the history of its status',
        tags,
        params: CompoundParams,
        response: { 200: CompoundProfileDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      const profiles = new ProfileRepository(db);
      const found = await profiles.findById(ctx.actor.tenantId, request.params.compoundId, scope);
      if (!found) throw AppError.notFound(propertyNouns.profile, request.params.compoundId);
      return { ...found, history: await profiles.history(ctx.actor.tenantId, found.compoundId) };
    },
  );

  app.get(
    '/property/compounds/:compoundId/linkage',
    {
      schema: {
        operationId: 'getCompoundLinkage',
        summary:
          'The five-level linkage of a compound: community party organisation, compound branch, owners’ committee, micro-grids and member households (leaders masked)',
        tags,
        params: CompoundParams,
        response: { 200: CompoundLinkage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      const found = await new ProfileRepository(db).findById(ctx.actor.tenantId, request.params.compoundId, scope);
      const node = found && (await territory.node(db, ctx.actor.tenantId, found.compoundId));
      if (!found || !node) throw AppError.notFound(propertyNouns.profile, request.params.compoundId);
      return compoundLinkage(db, ctx.actor.tenantId, { id: node.id, name: node.name, path: node.path });
    },
  );

  app.put(
    '/property/compounds/:compoundId',
    {
      schema: {
        operationId: 'savePropertyProfile',
        summary: 'Create or change the property profile of a compound (audited; the status is recomputed)',
        tags,
        params: CompoundParams,
        body: SaveProfileBody,
        response: { 200: CompoundProfileDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      return runWrite(db, (tx) => saveProfile(tx, ctx, request.params.compoundId, request.body));
    },
  );

  app.post(
    '/property/compounds/:compoundId/override',
    {
      schema: {
        operationId: 'overridePropertyStatus',
        summary: 'Override the management status of a compound with a reason, or clear the override (audited)',
        tags,
        params: CompoundParams,
        body: OverrideBody,
        response: { 200: CompoundProfileDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      return runWrite(db, (tx) => overrideStatus(tx, ctx, request.params.compoundId, request.body));
    },
  );

  // ---- criteria
  app.get(
    '/property/criteria',
    {
      schema: {
        operationId: 'getPropertyCriteria',
        summary: 'The county’s current management-status criteria',
        tags,
        response: { 200: Criteria, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.read');
      return new CriteriaRepository(db).current(ctx.actor.tenantId);
    },
  );

  app.post(
    '/property/criteria',
    {
      schema: {
        operationId: 'setPropertyCriteria',
        summary: 'Set a new version of the county’s management-status criteria and recompute every status (county staff; audited)',
        tags,
        body: CriteriaBody,
        response: { 201: Type.Intersect([Criteria, Type.Object({ changed: Type.Integer() })]), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      const saved = await runWrite(db, (tx) => setCriteria(tx, ctx, request.body));
      return reply.status(201).send(saved);
    },
  );

  // ---- ledger and KPIs
  app.get(
    '/property/ledger',
    {
      schema: {
        operationId: 'getPropertyLedger',
        summary:
          'The property ledger (台账) by subdistrict or community: compounds by status and mode, companies, average fee, collection rate',
        tags,
        querystring: LedgerQuery,
        response: { 200: Ledger, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      return {
        rows: await ledger(
          db,
          { tenantId: ctx.actor.tenantId, paths: scope },
          { nodeId: request.query.nodeId, by: request.query.by ?? 'subdistrict' },
        ),
      };
    },
  );

  app.get(
    '/property/ledger/export.xlsx',
    {
      schema: { operationId: 'exportPropertyLedger', summary: 'The property ledger as Excel', tags, querystring: LedgerQuery },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      const found = await ledger(
        db,
        { tenantId: ctx.actor.tenantId, paths: scope },
        { nodeId: request.query.nodeId, by: request.query.by ?? 'subdistrict' },
      );
      const file = await toXlsx([
        {
          name: '物业管理台账',
          columns: [
            { header: request.query.by === 'community' ? '社区' : '街道', key: 'nodeName', width: 20 },
            { header: '小区数', key: 'compounds', width: 8 },
            { header: '户数', key: 'households', width: 10 },
            { header: statusLabels.well, key: 'well', width: 10 },
            { header: statusLabels.poor, key: 'poor', width: 10 },
            { header: statusLabels.unmanaged, key: 'unmanaged', width: 10 },
            { header: statusLabels.self, key: 'self', width: 10 },
            ...Object.entries(modeLabels).map(([key, header]) => ({ header, key: `mode_${key}`, width: 14 })),
            { header: '物业企业数', key: 'companies', width: 10 },
            { header: '平均收费(元/㎡·月)', key: 'averageFee', width: 14 },
            { header: '平均收缴率', key: 'collectionRate', width: 12 },
          ],
          rows: found.map((r) => ({
            ...r,
            ...r.byStatus,
            ...Object.fromEntries(Object.keys(modeLabels).map((m) => [`mode_${m}`, r.byMode[m] ?? 0])),
            collectionRate: pct(r.collectionRate),
          })),
        },
      ]);
      return sendXlsx(reply, file, '物业管理台账.xlsx', 'property-ledger.xlsx');
    },
  );

  app.get(
    '/me/property',
    {
      schema: {
        operationId: 'getMyCompoundProperty',
        summary:
          'The resident’s compounds: management status, the company serving it, the contract’s fee standard and the owners’ committee (names masked)',
        tags,
        response: { 200: MyCompounds, ...errors },
      },
    },
    async (request) => ({ compounds: await readMyCompounds(db, requireContext(request).actor) }),
  );

  app.get(
    '/property/kpis',
    {
      schema: {
        operationId: 'getPropertyKpis',
        summary:
          'Property reform KPIs under a place: compounds by status, clusters, companies by kind, committees and urban-management cases',
        tags,
        querystring: KpiQuery,
        response: { 200: PropertyKpis, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      const { nodeId, from, to } = request.query;
      if (from > to) throw AppError.invalid([{ field: 'to', reason: 'is before from' }]);
      return propertyKpis(db, { tenantId: ctx.actor.tenantId, paths: scope }, { nodeId, from, to });
    },
  );

  app.get(
    '/property/kpis/export.xlsx',
    {
      schema: {
        operationId: 'exportPropertyKpis',
        summary: 'The property reform KPIs under a place and period as Excel, one figure per row',
        tags,
        querystring: KpiQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'property.read');
      const { nodeId, from, to } = request.query;
      if (from > to) throw AppError.invalid([{ field: 'to', reason: 'is before from' }]);
      const kpis = await propertyKpis(db, { tenantId: ctx.actor.tenantId, paths: scope }, { nodeId, from, to });
      const place = nodeId ? ((await territory.node(db, ctx.actor.tenantId, nodeId))?.name ?? '') : '全部';
      const file = await toXlsx([
        {
          name: '物业改革数据',
          columns: [
            { header: '类别', key: 'group', width: 14 },
            { header: '指标', key: 'figure', width: 24 },
            { header: '数值', key: 'value', width: 24 },
            { header: '单位', key: 'unit', width: 8 },
          ],
          rows: kpiSheetRows(kpis, place, from, to),
        },
      ]);
      return sendXlsx(reply, file, '物业改革数据.xlsx', 'property-kpis.xlsx');
    },
  );
}
