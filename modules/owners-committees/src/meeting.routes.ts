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
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { closeMeeting } from './commands/close-meeting.ts';
import { createMeeting } from './commands/create-meeting.ts';
import { enterPaperBallot } from './commands/enter-paper-ballot.ts';
import { openMeetingVote } from './commands/open-meeting-vote.ts';
import { publishMeetingNotice } from './commands/publish-meeting-notice.ts';
import { publishMeetingResult } from './commands/publish-meeting-result.ts';
import { registerMeetingProxy } from './commands/register-meeting-proxy.ts';
import { uploadMeetingDocument } from './commands/upload-meeting-document.ts';
import {
  CreateMeetingBody,
  MeetingDetail,
  MeetingDocument,
  MeetingExportQuery,
  MeetingListQuery,
  MeetingPage,
  MeetingProxyBody,
  MyMeeting,
  MyMeetingList,
  PaperBallotBody,
  PublishNoticeBody,
} from './contract.ts';
import { ownersCommitteesNouns } from './errors.ts';
import { MeetingRepository, meetingCursorFor } from './meeting.repository.ts';
import { readMeetingDetail } from './meeting-detail.ts';
import { errors, tags } from './route-shared.ts';
import { meetingConvenerLabels, meetingKindLabels, meetingStatusLabels } from './vocabulary.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const DocumentParams = Type.Object({ id: Type.String({ format: 'uuid' }), documentId: Type.String({ format: 'uuid' }) });
const uploadErrors = errorResponses(400, 403, 404, 409, 413);

/** The households the caller lives in (resident grants on household nodes). */
const householdsOf = (actor: { grants: { role: string; nodeId: string }[] }) => [
  ...new Set(actor.grants.filter((g) => g.role === 'resident').map((g) => g.nodeId)),
];

/** Owners' general meetings (业主大会): agenda, notice, the vote (phone, paper, proxies), the count and its publication. */
export async function meetingRoutes(fastify: FastifyInstance, deps: ModuleDeps & { files?: FileStore }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  const files = deps.files ?? createFileStore(deps.config);

  app.get(
    '/owners-committees/meetings',
    {
      schema: {
        operationId: 'listOwnersMeetings',
        summary: "Owners' general meetings of compounds in scope (filter by place, status, kind; sort by creation or vote date)",
        tags,
        querystring: MeetingListQuery,
        response: { 200: MeetingPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      return cursorPage(request.query, meetingCursorFor(request.query.sort), (filter, page) =>
        new MeetingRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/owners-committees/meetings/export.xlsx',
    {
      schema: {
        operationId: 'exportOwnersMeetings',
        summary: "The owners' general meetings with the same filters as Excel",
        tags,
        querystring: MeetingExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      const { items } = await new MeetingRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '业主大会',
          columns: [
            { header: '社区', key: 'communityName', width: 16 },
            { header: '小区', key: 'compoundName', width: 20 },
            { header: '会议', key: 'title', width: 36 },
            { header: '类型', key: 'kind', width: 14 },
            { header: '召集人', key: 'convener', width: 20 },
            { header: '状态', key: 'status', width: 10 },
            { header: '公告日', key: 'noticeOn', width: 12 },
            { header: '表决开始', key: 'voteFrom', width: 12 },
            { header: '表决截止', key: 'voteUntil', width: 12 },
            { header: '表决事项', key: 'matters', width: 10 },
            { header: '通过事项', key: 'passedMatters', width: 10 },
          ],
          rows: items.map((m) => ({
            ...m,
            kind: meetingKindLabels[m.kind],
            convener: m.committeeName ?? meetingConvenerLabels[m.convener],
            status: meetingStatusLabels[m.status],
          })),
        },
      ]);
      return sendXlsx(reply, file, '业主大会.xlsx', 'owners-meetings.xlsx');
    },
  );

  app.get(
    '/owners-committees/meetings/:id',
    {
      schema: {
        operationId: 'getOwnersMeeting',
        summary: 'One meeting with its agenda, proxies, paper ballots and per-matter results',
        tags,
        params: IdParams,
        response: { 200: MeetingDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      return readMeetingDetail(db, ctx.actor.tenantId, request.params.id, scope);
    },
  );

  app.post(
    '/owners-committees/meetings',
    {
      schema: {
        operationId: 'createOwnersMeeting',
        summary: "Draft an owners' general meeting of a compound with its agenda of Civil Code Art. 278 matters (audited)",
        tags,
        body: CreateMeetingBody,
        response: { 201: MeetingDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      return reply.status(201).send(await runWrite(db, (tx) => createMeeting(tx, ctx, request.body)));
    },
  );

  app.post(
    '/owners-committees/meetings/:id/notice',
    {
      schema: {
        operationId: 'publishOwnersMeetingNotice',
        summary: 'Publish the meeting notice to the owners; the vote must start at least 15 days after it (audited)',
        tags,
        params: IdParams,
        body: PublishNoticeBody,
        response: { 200: MeetingDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      return runWrite(db, (tx) => publishMeetingNotice(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/owners-committees/meetings/:id/vote',
    {
      schema: {
        operationId: 'openOwnersMeetingVote',
        summary: 'Open the vote: one Art. 278 ballot per matter on the ballots engine (households weighted by floor area)',
        tags,
        params: IdParams,
        response: { 200: MeetingDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      requireAbility(ctx.actor, 'ballots.write');
      return runWrite(db, (tx) => openMeetingVote(tx, ctx, request.params.id));
    },
  );

  app.post(
    '/owners-committees/meetings/:id/documents',
    {
      schema: {
        operationId: 'uploadOwnersMeetingDocument',
        summary: 'Upload an authorisation document (multipart field `file`: JPEG, PNG, WebP or PDF up to 10 MB) for a proxy',
        tags,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: MeetingDocument, ...uploadErrors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      const { file } = await readMultipart(request, { defaultName: '委托书' });
      if (!file) throw AppError.invalid([{ field: 'file', reason: 'send the document in the form field `file`' }]);
      const doc = await runWrite(db, (tx) =>
        uploadMeetingDocument(tx, files, ctx, request.params.id, { fileName: file.name, bytes: file.data }),
      );
      return reply.status(201).send(doc);
    },
  );

  app.get(
    '/owners-committees/meetings/:id/documents/:documentId',
    {
      schema: {
        operationId: 'getOwnersMeetingDocument',
        summary: 'An authorisation document of a meeting in scope',
        tags,
        params: DocumentParams,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'ownersCommittees.read');
      const meetings = new MeetingRepository(db);
      const found = await meetings.findById(ctx.actor.tenantId, request.params.id, scope);
      const doc = found && (await meetings.document(ctx.actor.tenantId, found.id, request.params.documentId));
      const bytes = doc && (await files.get(doc.storageKey));
      if (!doc || !bytes) throw AppError.notFound(ownersCommitteesNouns.document, request.params.documentId);
      return reply
        .header('content-type', doc.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .send(bytes);
    },
  );

  app.post(
    '/owners-committees/meetings/:id/proxies',
    {
      schema: {
        operationId: 'registerOwnersMeetingProxy',
        summary: "Register an owner's proxy for a household: the proxy's name and the uploaded authorisation document (audited)",
        tags,
        params: IdParams,
        body: MeetingProxyBody,
        response: { 201: MeetingDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      return reply.status(201).send(await runWrite(db, (tx) => registerMeetingProxy(tx, ctx, request.params.id, request.body)));
    },
  );

  app.post(
    '/owners-committees/meetings/:id/paper-ballots',
    {
      schema: {
        operationId: 'enterOwnersMeetingPaperBallot',
        summary: "Enter a household's paper ballot (a choice on every matter); a household votes once, phone or paper (audited)",
        tags,
        params: IdParams,
        body: PaperBallotBody,
        response: { 201: MeetingDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      requireAbility(ctx.actor, 'ballots.write');
      return reply.status(201).send(await runWrite(db, (tx) => enterPaperBallot(tx, ctx, request.params.id, request.body)));
    },
  );

  app.post(
    '/owners-committees/meetings/:id/close',
    {
      schema: {
        operationId: 'closeOwnersMeeting',
        summary: 'Close the vote: each matter counted with participation and approval by area and by head (Art. 278)',
        tags,
        params: IdParams,
        response: { 200: MeetingDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      requireAbility(ctx.actor, 'ballots.write');
      return runWrite(db, (tx) => closeMeeting(tx, ctx, request.params.id));
    },
  );

  app.post(
    '/owners-committees/meetings/:id/publish',
    {
      schema: {
        operationId: 'publishOwnersMeetingResult',
        summary: "Publish the result announcement to the compound's residents",
        tags,
        params: IdParams,
        response: { 200: MeetingDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'ownersCommittees.write');
      return runWrite(db, (tx) => publishMeetingResult(tx, ctx, request.params.id));
    },
  );

  // ---- residents (phone): the meetings of their own compounds.

  app.get(
    '/me/owners-meetings',
    {
      schema: {
        operationId: 'listMyOwnersMeetings',
        summary: "The owners' general meetings of the caller's compounds: notice, agenda, ballots and (once published) results",
        tags,
        response: { 200: MyMeetingList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return { items: await new MeetingRepository(db).mine(ctx.actor.tenantId, householdsOf(ctx.actor)) };
    },
  );

  app.get(
    '/me/owners-meetings/:id',
    {
      schema: {
        operationId: 'getMyOwnersMeeting',
        summary: "One owners' general meeting of the caller's compound",
        tags,
        params: IdParams,
        response: { 200: MyMeeting, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const [found] = await new MeetingRepository(db).mine(ctx.actor.tenantId, householdsOf(ctx.actor), request.params.id);
      if (!found) throw AppError.notFound(ownersCommitteesNouns.meeting, request.params.id);
      return found;
    },
  );
}
