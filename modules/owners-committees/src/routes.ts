import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  auditEntry,
  cursorPage,
  type FileStore,
  type ModuleDeps,
  recordAudit,
  requireAbility,
  requireContext,
  runWrite,
  sendXlsx,
  toXlsx,
} from '@linli/core';
import { territory } from '@linli/territory';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { addMember, memberView } from './commands/add-member.ts';
import { createCommittee } from './commands/create-committee.ts';
import { endCommittee } from './commands/end-committee.ts';
import { endMember } from './commands/end-member.ts';
import { setPartyRule } from './commands/set-party-rule.ts';
import { CommitteeCursor, CommitteeRepository } from './committee.repository.ts';
import {
  AddMemberBody,
  Committee,
  CommitteeDetail,
  CommitteeExportQuery,
  CommitteeListQuery,
  CommitteeMember,
  CommitteePage,
  ComplianceQuery,
  ComplianceReport,
  CreateCommitteeBody,
  EndCommitteeBody,
  EndMemberBody,
  Settings,
  SettingsBody,
  TermsEndingExportQuery,
  TermsEndingQuery,
} from './contract.ts';
import { electionRoutes } from './election.routes.ts';
import { ownersCommitteesNouns } from './errors.ts';
import { meetingRoutes } from './meeting.routes.ts';
import { errors, tags } from './route-shared.ts';
import { SettingsRepository } from './settings.repository.ts';
import { trainingRoutes } from './training.routes.ts';
import { kindLabels, statusLabels } from './vocabulary.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const MemberParams = Type.Object({ id: Type.String({ format: 'uuid' }), memberId: Type.String({ format: 'uuid' }) });

const pct = (v: number | null) => (v === null ? '' : `${Math.round(v * 1000) / 10}%`);
const yes = (v: boolean) => (v ? '是' : '否');

/** The committees as Excel rows (the list and the terms-ending export). */
function committeeSheet(name: string, items: Committee[]) {
  return {
    name,
    columns: [
      { header: '街道', key: 'subdistrictName', width: 16 },
      { header: '社区', key: 'communityName', width: 16 },
      { header: '小区', key: 'compoundName', width: 20 },
      { header: '名称', key: 'name', width: 28 },
      { header: '类型', key: 'kind', width: 16 },
      { header: '状态', key: 'status', width: 10 },
      { header: '成立日期', key: 'formedOn', width: 12 },
      { header: '任期开始', key: 'termStart', width: 12 },
      { header: '任期届满', key: 'termEnd', width: 12 },
      { header: '距届满天数', key: 'daysToTermEnd', width: 12 },
      { header: '成员数', key: 'members', width: 10 },
      { header: '党员数', key: 'partyMembers', width: 10 },
      { header: '党员占比', key: 'share', width: 10 },
      { header: '适用50%规定', key: 'ruleApplies', width: 12 },
      { header: '党员占比达标', key: 'met', width: 12 },
      { header: '主任为小区党支部书记', key: 'chairIsSecretary', width: 20 },
      { header: '本届培训覆盖率', key: 'trained', width: 14 },
    ],
    rows: items.map((c) => ({
      ...c,
      kind: kindLabels[c.kind],
      status: statusLabels[c.status],
      members: c.party.members,
      partyMembers: c.party.partyMembers,
      share: pct(c.party.share),
      ruleApplies: yes(c.party.ruleApplies),
      met: yes(c.party.met),
      chairIsSecretary: yes(c.party.chairIsSecretary),
      trained: pct(c.trainedShare),
    })),
  };
}

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function ownersCommitteesRoutes(fastify: FastifyInstance, deps: ModuleDeps & { files?: FileStore }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/owners-committees',
    {
      schema: {
        operationId: 'listOwnersCommittees',
        summary: "Owners' committees and property management committees in scope, filtered and sorted, with their live party share",
        tags,
        querystring: CommitteeListQuery,
        response: { 200: CommitteePage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      return cursorPage(request.query, CommitteeCursor, (filter, page) =>
        new CommitteeRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/owners-committees/export.xlsx',
    {
      schema: {
        operationId: 'exportOwnersCommittees',
        summary: 'The committees with the same filters as Excel',
        tags,
        querystring: CommitteeExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      const { items } = await new CommitteeRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([committeeSheet('业委会', items)]);
      return sendXlsx(reply, file, '业委会.xlsx', 'owners-committees.xlsx');
    },
  );

  app.get(
    '/owners-committees/terms-ending',
    {
      schema: {
        operationId: 'listOwnersCommitteeTermsEnding',
        summary: 'Active committees whose term ends within N days (default 90) or has ended, for the re-election (换届) work',
        tags,
        querystring: TermsEndingQuery,
        response: { 200: CommitteePage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      const { days = 90, ...query } = request.query;
      return cursorPage({ ...query, sort: 'termEnd' as const }, CommitteeCursor, (filter, page) =>
        new CommitteeRepository(db).list(ctx.actor.tenantId, scope, { ...filter, endingWithinDays: days }, page),
      );
    },
  );

  app.get(
    '/owners-committees/terms-ending/export.xlsx',
    {
      schema: {
        operationId: 'exportOwnersCommitteeTermsEnding',
        summary: 'The committees whose term ends within N days as Excel',
        tags,
        querystring: TermsEndingExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      const { days = 90, nodeId } = request.query;
      const { items } = await new CommitteeRepository(db).list(
        ctx.actor.tenantId,
        scope,
        { nodeId, endingWithinDays: days, sort: 'termEnd' },
        { limit: 50_000 },
      );
      const file = await toXlsx([committeeSheet('任期届满', items)]);
      return sendXlsx(reply, file, '业委会任期届满.xlsx', 'owners-committee-terms-ending.xlsx');
    },
  );

  /** A street: its communities; the county or nothing: the streets (404 for a place outside the scope). */
  async function complianceOf(tenantId: string, scope: string[], nodeId?: string) {
    let group: 'subdistrict' | 'community' = 'subdistrict';
    if (nodeId) {
      const node = await territory.nodeInScope(db, tenantId, nodeId, scope);
      if (!node) {
        // A place above the caller's scope (the county of a street's staff) reads as the whole scope.
        const above = await territory.node(db, tenantId, nodeId);
        if (!above || !scope.some((p) => p.startsWith(`${above.path}.`))) throw AppError.notFound('Place', nodeId);
      } else if (node.kind === 'subdistrict' || node.kind === 'community' || node.kind === 'compound') group = 'community';
    }
    const rows = await new CommitteeRepository(db).compliance(tenantId, scope, group, nodeId);
    return { partyRuleFrom: await new SettingsRepository(db).partyRuleFrom(tenantId), rows };
  }

  app.get(
    '/owners-committees/compliance',
    {
      schema: {
        operationId: 'getOwnersCommitteeCompliance',
        summary: 'Party-share compliance of the active committees per street (or per community of one street)',
        tags,
        querystring: ComplianceQuery,
        response: { 200: ComplianceReport, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      return complianceOf(ctx.actor.tenantId, scope, request.query.nodeId);
    },
  );

  app.get(
    '/owners-committees/compliance/export.xlsx',
    {
      schema: {
        operationId: 'exportOwnersCommitteeCompliance',
        summary: 'The compliance view as Excel',
        tags,
        querystring: ComplianceQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      const report = await complianceOf(ctx.actor.tenantId, scope, request.query.nodeId);
      const file = await toXlsx([
        {
          name: '党员占比',
          columns: [
            { header: '街道/社区', key: 'nodeName', width: 20 },
            { header: '在任委员会', key: 'committees', width: 12 },
            { header: '业委会/业工委', key: 'ownersCommittees', width: 14 },
            { header: '物业管理委员会', key: 'propertyManagementCommittees', width: 14 },
            { header: `${report.partyRuleFrom}后成立`, key: 'underRule', width: 16 },
            { header: '其中党员占比达标', key: 'underRuleMet', width: 16 },
            { header: '党员占比达标（全部）', key: 'partyShareMet', width: 18 },
            { header: '主任为支部书记', key: 'chairIsSecretary', width: 14 },
            { header: '成员', key: 'members', width: 10 },
            { header: '党员', key: 'partyMembers', width: 10 },
            { header: '本届已培训', key: 'trainedMembers', width: 12 },
          ],
          rows: report.rows,
        },
      ]);
      return sendXlsx(reply, file, '业委会党员占比.xlsx', 'owners-committee-compliance.xlsx');
    },
  );

  app.get(
    '/owners-committees/settings',
    {
      schema: {
        operationId: 'getOwnersCommitteeSettings',
        summary: "The county's rule date of the ≥ 50 % party-member rule",
        tags,
        response: { 200: Settings, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.read');
      return { partyRuleFrom: await new SettingsRepository(db).partyRuleFrom(ctx.actor.tenantId) };
    },
  );

  app.put(
    '/owners-committees/settings',
    {
      schema: {
        operationId: 'setOwnersCommitteeSettings',
        summary: "Set the county's rule date of the party-member rule (county-wide write; audited)",
        tags,
        body: SettingsBody,
        response: { 200: Settings, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      return runWrite(db, (tx) => setPartyRule(tx, ctx, request.body));
    },
  );

  await electionRoutes(app, deps);
  await trainingRoutes(app, deps);
  await meetingRoutes(app, deps);

  app.get(
    '/owners-committees/:id',
    {
      schema: {
        operationId: 'getOwnersCommittee',
        summary: 'One committee with its members (names masked, party tags from the records where the caller may see them)',
        tags,
        params: IdParams,
        response: { 200: CommitteeDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      const repo = new CommitteeRepository(db);
      const found = await repo.findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(ownersCommitteesNouns.committee, request.params.id);
      const members = await repo.members(ctx.actor.tenantId, found.id, memberView(ctx));
      // Party membership is sensitive personal data: reading it is audited.
      if (members.some((m) => m.partyMember !== undefined))
        await recordAudit(
          db,
          auditEntry(ctx, 'ownersCommittees.members.read', { type: 'owners_committee', id: found.id }, { members: members.length }),
        );
      return { ...found, members, partyRuleFrom: await new SettingsRepository(db).partyRuleFrom(ctx.actor.tenantId) };
    },
  );

  app.post(
    '/owners-committees',
    {
      schema: {
        operationId: 'createOwnersCommittee',
        summary: "Record a committee of a compound (a property management committee only where no owners' committee is active; audited)",
        tags,
        body: CreateCommitteeBody,
        response: { 201: Committee, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      const created = await runWrite(db, (tx) => createCommittee(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/owners-committees/:id/end',
    {
      schema: {
        operationId: 'endOwnersCommittee',
        summary: 'End an active committee: term expired or dissolved (audited)',
        tags,
        params: IdParams,
        body: EndCommitteeBody,
        response: { 200: Committee, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      return runWrite(db, (tx) => endCommittee(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/owners-committees/:id/members',
    {
      schema: {
        operationId: 'addOwnersCommitteeMember',
        summary: "Add a resident of the compound's households to the committee with a position (audited)",
        tags,
        params: IdParams,
        body: AddMemberBody,
        response: { 201: CommitteeMember, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      const member = await runWrite(db, (tx) => addMember(tx, ctx, request.params.id, request.body));
      return reply.status(201).send(member);
    },
  );

  app.post(
    '/owners-committees/:id/members/:memberId/end',
    {
      schema: {
        operationId: 'endOwnersCommitteeMember',
        summary: 'A member leaves the committee on a date (audited)',
        tags,
        params: MemberParams,
        body: EndMemberBody,
        response: { 200: CommitteeMember, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      return runWrite(db, (tx) => endMember(tx, ctx, request.params.id, request.params.memberId, request.body));
    },
  );
}
