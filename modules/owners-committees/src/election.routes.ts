import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  auditEntry,
  cursorPage,
  type ModuleDeps,
  recordAudit,
  requireAbility,
  requireContext,
  runWrite,
  sendXlsx,
  toXlsx,
} from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { addCandidate } from './commands/add-candidate.ts';
import { memberView } from './commands/add-member.ts';
import { closeElection } from './commands/close-election.ts';
import { createElection } from './commands/create-election.ts';
import { openElectionVote } from './commands/open-election-vote.ts';
import { vetCandidate } from './commands/vet-candidate.ts';
import {
  AddCandidateBody,
  CreateElectionBody,
  ElectionDetail,
  ElectionExportQuery,
  ElectionListQuery,
  ElectionPage,
  OpenVoteBody,
  VetCandidateBody,
} from './contract.ts';
import { ElectionCursor, ElectionRepository } from './election.repository.ts';
import { ownersCommitteesNouns } from './errors.ts';
import { errors, tags } from './route-shared.ts';
import { electionStatusLabels } from './vocabulary.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const CandidateParams = Type.Object({ id: Type.String({ format: 'uuid' }), candidateId: Type.String({ format: 'uuid' }) });

/** Re-elections (换届选举): candidates, vetting, the owners' ballot, the result. */
export async function electionRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get(
    '/owners-committees/elections',
    {
      schema: {
        operationId: 'listOwnersCommitteeElections',
        summary: 'Re-elections of committees in scope, newest first',
        tags,
        querystring: ElectionListQuery,
        response: { 200: ElectionPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      return cursorPage(request.query, ElectionCursor, (filter, page) =>
        new ElectionRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/owners-committees/elections/export.xlsx',
    {
      schema: {
        operationId: 'exportOwnersCommitteeElections',
        summary: 'The re-elections with the same filters as Excel',
        tags,
        querystring: ElectionExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      const { items } = await new ElectionRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '换届选举',
          columns: [
            { header: '小区', key: 'compoundName', width: 20 },
            { header: '选举', key: 'title', width: 36 },
            { header: '状态', key: 'status', width: 10 },
            { header: '应选人数', key: 'seats', width: 10 },
            { header: '候选人', key: 'candidates', width: 10 },
            { header: '发起时间', key: 'createdAt', width: 22 },
            { header: '结束时间', key: 'closedAt', width: 22 },
          ],
          rows: items.map((e) => ({ ...e, status: electionStatusLabels[e.status] })),
        },
      ]);
      return sendXlsx(reply, file, '业委会换届选举.xlsx', 'owners-committee-elections.xlsx');
    },
  );

  app.get(
    '/owners-committees/elections/:id',
    {
      schema: {
        operationId: 'getOwnersCommitteeElection',
        summary: 'One election with its candidates, their vetting checks, the notices and the result',
        tags,
        params: IdParams,
        response: { 200: ElectionDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      const found = await new ElectionRepository(db).detail(ctx.actor.tenantId, request.params.id, scope, memberView(ctx));
      if (!found) throw AppError.notFound(ownersCommitteesNouns.election, request.params.id);
      // Party membership is sensitive personal data: reading it is audited.
      if (found.candidateList.some((k) => k.partyMember !== undefined))
        await recordAudit(
          db,
          auditEntry(
            ctx,
            'ownersCommittees.candidates.read',
            { type: 'owners_committee_election', id: found.id },
            { candidates: found.candidateList.length },
          ),
        );
      return found;
    },
  );

  app.post(
    '/owners-committees/elections',
    {
      schema: {
        operationId: 'createOwnersCommitteeElection',
        summary: "Start a re-election of a compound's owners' committee (audited)",
        tags,
        body: CreateElectionBody,
        response: { 201: ElectionDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      return reply.status(201).send(await runWrite(db, (tx) => createElection(tx, ctx, request.body)));
    },
  );

  app.post(
    '/owners-committees/elections/:id/candidates',
    {
      schema: {
        operationId: 'addOwnersCommitteeCandidate',
        summary: "Nominate a resident of the compound's households as a candidate (audited)",
        tags,
        params: IdParams,
        body: AddCandidateBody,
        response: { 201: ElectionDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      return reply.status(201).send(await runWrite(db, (tx) => addCandidate(tx, ctx, request.params.id, request.body)));
    },
  );

  app.post(
    '/owners-committees/elections/:id/candidates/:candidateId/checks',
    {
      schema: {
        operationId: 'vetOwnersCommitteeCandidate',
        summary: 'Record an eligibility check of a candidate: what, result, note, who (audited)',
        tags,
        params: CandidateParams,
        body: VetCandidateBody,
        response: { 201: ElectionDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      return reply
        .status(201)
        .send(await runWrite(db, (tx) => vetCandidate(tx, ctx, request.params.id, request.params.candidateId, request.body)));
    },
  );

  app.post(
    '/owners-committees/elections/:id/vote',
    {
      schema: {
        operationId: 'openOwnersCommitteeElectionVote',
        summary: "Open the owners' vote on the vetted candidates: an Art. 278 ballot (area- and head-weighted) on the ballots engine",
        tags,
        params: IdParams,
        body: OpenVoteBody,
        response: { 200: ElectionDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      requireAbility(ctx.actor, 'ballots.write');
      return runWrite(db, (tx) => openElectionVote(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/owners-committees/elections/:id/close',
    {
      schema: {
        operationId: 'closeOwnersCommitteeElection',
        summary: "Close the election: count the ballot, form the new term's committee when adopted, publish the result",
        tags,
        params: IdParams,
        response: { 200: ElectionDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      requireAbility(ctx.actor, 'ballots.write');
      return runWrite(db, (tx) => closeElection(tx, ctx, request.params.id));
    },
  );
}
