import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  cursorPage,
  errorResponses,
  type ModuleDeps,
  type RequestContext,
  requireAbility,
  requireContext,
  requireReferences,
  runWrite,
  scopePaths,
  sendXlsx,
  toXlsx,
} from '@linli/core';
import { placeReference } from '@linli/territory';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { addPartyMember } from './commands/add-party-member.ts';
import { createPartyOrg } from './commands/create-party-org.ts';
import {
  Coverage,
  CoverageQuery,
  CreateMemberBody,
  CreateOrgBody,
  IdParams,
  MemberListQuery,
  MemberPage,
  OrgListQuery,
  PartyMember,
  PartyOrg,
  PartyOrgDetail,
} from './contract.ts';
import { CoverageRepository } from './coverage.repository.ts';
import { partyNouns } from './errors.ts';
import { MemberCursor, PartyMemberRepository } from './party-member.repository.ts';
import { PartyOrgRepository } from './party-org.repository.ts';

const tags = ['party'];
const errors = errorResponses(400, 403, 404, 409);
/** The JSON coverage report lists at most this many gaps of each kind; the Excel export has them all. */
const GAP_LIST_LIMIT = 1000;
const GAP_EXPORT_LIMIT = 100_000;

export async function partyRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/party/orgs',
    {
      schema: {
        operationId: 'listPartyOrgs',
        tags,
        summary: 'Child organisations, those on one territory node, or the topmost in scope',
        querystring: OrgListQuery,
        response: { 200: Type.Object({ items: Type.Array(PartyOrg) }), ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'party.read');
      return { items: await new PartyOrgRepository(db).list(ctx.actor.tenantId, scope, request.query) };
    },
  );

  app.get(
    '/party/orgs/:id',
    {
      schema: {
        operationId: 'getPartyOrg',
        summary: 'A party organisation with its path and members count',
        tags,
        params: IdParams,
        response: { 200: PartyOrgDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'party.read');
      const org = await new PartyOrgRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!org) throw AppError.notFound(partyNouns.org, request.params.id);
      return org;
    },
  );

  app.post(
    '/party/orgs',
    {
      schema: {
        operationId: 'createPartyOrg',
        summary: 'Found a party organisation under another or on a territory node (audited)',
        tags,
        body: CreateOrgBody,
        response: { 201: PartyOrgDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'party.write');
      const created = await runWrite(db, (tx) => createPartyOrg(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/party/members',
    {
      schema: {
        operationId: 'listPartyMembers',
        summary: 'Party members of an organisation or in scope',
        tags,
        querystring: MemberListQuery,
        response: { 200: MemberPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'party.read');
      // Who is a party member is sensitive personal information (docs/privacy-matrix.md): the roll
      // needs people.sensitive too, and lists only members whose household lies in that scope.
      const residentScope = requireAbility(ctx.actor, 'people.sensitive');
      return cursorPage(request.query, MemberCursor, (filter, page) =>
        new PartyMemberRepository(db).list(ctx.actor.tenantId, scope, filter, page, residentScope),
      );
    },
  );

  app.post(
    '/party/members',
    {
      schema: {
        operationId: 'addPartyMember',
        summary: 'Register a resident as a member of a party organisation (audited)',
        tags,
        body: CreateMemberBody,
        response: { 201: PartyMember, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'party.write');
      const created = await runWrite(db, (tx) => addPartyMember(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  /**
   * The subtree to report on (always cut to the caller's party.read scope): a node in the scope or
   * above it, or (absent) the whole scope. Another community's node answers like an unknown one.
   */
  async function coverageRoot(ctx: RequestContext, nodeId: string | undefined): Promise<string | undefined> {
    if (!nodeId) return undefined;
    const tenantId = ctx.actor.tenantId;
    await requireReferences(
      db,
      ctx.actor,
      scopePaths(ctx.actor, 'party.read'),
      { nodeId },
      {
        nodeId: { kind: placeReference, orAboveScope: true },
      },
    );
    const node = await new CoverageRepository(db).findNodePath(tenantId, nodeId);
    if (!node) throw AppError.notFound(partyNouns.node, nodeId);
    return node.path;
  }

  app.get(
    '/party/coverage',
    {
      schema: {
        operationId: 'getPartyCoverage',
        tags,
        summary: 'One branch per compound: coverage of compounds, buildings and households',
        querystring: CoverageQuery,
        response: { 200: Coverage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'party.read');
      const tenantId = ctx.actor.tenantId;
      const root = await coverageRoot(ctx, request.query.nodeId);
      const repo = new CoverageRepository(db);
      const [counts, compoundsWithoutBranch, buildingsWithoutGroup] = await Promise.all([
        repo.counts(tenantId, scope, root),
        repo.compoundsWithoutBranch(tenantId, scope, root, GAP_LIST_LIMIT + 1),
        repo.buildingsWithoutGroup(tenantId, scope, root, GAP_LIST_LIMIT + 1),
      ]);
      return {
        ...counts,
        compoundsWithoutBranch: compoundsWithoutBranch.slice(0, GAP_LIST_LIMIT),
        buildingsWithoutGroup: buildingsWithoutGroup.slice(0, GAP_LIST_LIMIT),
        gapsTruncated: compoundsWithoutBranch.length > GAP_LIST_LIMIT || buildingsWithoutGroup.length > GAP_LIST_LIMIT,
      };
    },
  );

  app.get(
    '/party/coverage/export.xlsx',
    { schema: { operationId: 'exportPartyCoverage', tags, summary: 'Coverage gaps as Excel', querystring: CoverageQuery } },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'party.read');
      const tenantId = ctx.actor.tenantId;
      const root = await coverageRoot(ctx, request.query.nodeId);
      const repo = new CoverageRepository(db);
      const counts = await repo.counts(tenantId, scope, root);
      const compounds = await repo.compoundsWithoutBranch(tenantId, scope, root, GAP_EXPORT_LIMIT);
      const buildings = await repo.buildingsWithoutGroup(tenantId, scope, root, GAP_EXPORT_LIMIT);
      const file = await toXlsx([
        {
          name: '覆盖情况',
          columns: [
            { header: '指标', key: 'label', width: 24 },
            { header: '数量', key: 'value', width: 10 },
          ],
          rows: [
            { label: '小区数', value: counts.compounds },
            { label: '已建小区党支部的小区', value: counts.compoundsWithBranch },
            { label: '楼栋数', value: counts.buildings },
            { label: '已建楼栋党小组的楼栋', value: counts.buildingsWithGroup },
            { label: '党员中心户', value: counts.memberHouseholds },
          ],
        },
        {
          name: '未建支部的小区',
          columns: [
            { header: '社区', key: 'communityName', width: 20 },
            { header: '小区', key: 'name', width: 24 },
          ],
          rows: compounds,
        },
        {
          name: '未建党小组的楼栋',
          columns: [
            { header: '小区', key: 'compoundName', width: 24 },
            { header: '楼栋', key: 'name', width: 16 },
          ],
          rows: buildings,
        },
      ]);
      return sendXlsx(reply, file, '党组织覆盖缺口.xlsx', 'party-coverage-gaps.xlsx');
    },
  );
}
