import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  attachmentHeader,
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
import { addInvitees } from './commands/add-invitees.ts';
import { addSeat } from './commands/add-seat.ts';
import { cancelMeeting } from './commands/cancel-meeting.ts';
import { checkInInvitee, checkInWithCode, residentHouseholds } from './commands/check-in.ts';
import { closeMeeting, closingReport } from './commands/close-meeting.ts';
import { councilDetail } from './commands/council-detail.ts';
import { createCouncil } from './commands/create-council.ts';
import { createMeeting } from './commands/create-meeting.ts';
import { decideMotion } from './commands/decide-motion.ts';
import { endSeat } from './commands/end-seat.ts';
import { meetingDetail } from './commands/meeting-detail.ts';
import { moveMotion } from './commands/move-motion.ts';
import { openMeeting } from './commands/open-meeting.ts';
import { publishNotice } from './commands/publish-notice.ts';
import { recordMinutes } from './commands/record-minutes.ts';
import { recordTurn } from './commands/record-turn.ts';
import { sendReminder } from './commands/send-reminder.ts';
import { updateCouncil } from './commands/update-council.ts';
import { photoKey, uploadPhoto } from './commands/upload-photo.ts';
import {
  AddInviteesBody,
  AddSeatBody,
  Attendance,
  ClosingReport,
  CodeCheckInBody,
  CouncilDetail,
  CouncilExportQuery,
  CouncilListQuery,
  CouncilPage,
  CreateCouncilBody,
  CreateMeetingBody,
  DecideMotionBody,
  MeetingDetail,
  MeetingExportQuery,
  MeetingListQuery,
  MeetingPage,
  MinutesBody,
  Motion,
  MotionBody,
  MyMeetingPage,
  Photo,
  StaffCheckInBody,
  TurnBody,
  UpdateCouncilBody,
} from './contract.ts';
import { CouncilRepository, councilCursorFor } from './council.repository.ts';
import { meetingsErrors, meetingsNouns } from './errors.ts';
import { MeetingRepository, meetingCursorFor } from './meeting.repository.ts';

const tags = ['meetings'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const SeatParams = Type.Object({ id: Type.String({ format: 'uuid' }), seatId: Type.String({ format: 'uuid' }) });
const MotionParams = Type.Object({ id: Type.String({ format: 'uuid' }), motionId: Type.String({ format: 'uuid' }) });
const PhotoParams = Type.Object({ id: Type.String({ format: 'uuid' }), photoId: Type.String({ format: 'uuid' }) });
const PhotoKindParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Union([Type.Literal('sign_in_sheet'), Type.Literal('signatures')]),
});

const levelZh = { compound: '小区', community: '社区', subdistrict: '街道', county: '县（市、区）' } as const;
const statusZh = { draft: '草稿', published: '已通知', open: '进行中', closed: '已结束', cancelled: '已取消' } as const;

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function meetingsRoutes(fastify: FastifyInstance, deps: ModuleDeps & { files?: FileStore }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  const files = deps.files ?? createFileStore(deps.config);
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  // ---- councils ----

  app.get(
    '/councils',
    {
      schema: {
        operationId: 'listCouncils',
        summary: 'Councils in scope, filtered by place, level and name, sorted',
        tags,
        querystring: CouncilListQuery,
        response: { 200: CouncilPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'meetings.read');
      return cursorPage(request.query, councilCursorFor(request.query.sort), (filter, page) =>
        new CouncilRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/councils/export.xlsx',
    {
      schema: {
        operationId: 'exportCouncils',
        summary: 'The councils with the same filters as Excel',
        tags,
        querystring: CouncilExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'meetings.read');
      const { items } = await new CouncilRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '议事会',
          columns: [
            { header: '名称', key: 'name', width: 30 },
            { header: '层级', key: 'level', width: 12 },
            { header: '所在地', key: 'nodeName', width: 20 },
            { header: '成员数', key: 'members', width: 10 },
            { header: '任期起', key: 'termStart', width: 14 },
            { header: '任期止', key: 'termEnd', width: 14 },
          ],
          rows: items.map((c) => ({ ...c, level: levelZh[c.level] })),
        },
      ]);
      return sendXlsx(reply, file, '议事会.xlsx', 'councils.xlsx');
    },
  );

  app.get(
    '/councils/:id',
    {
      schema: {
        operationId: 'getCouncil',
        summary: 'A council with the seats held now (party membership only where the caller may see it)',
        tags,
        params: IdParams,
        response: { 200: CouncilDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.read');
      const found = await councilDetail(db, ctx, request.params.id);
      if (!found) throw AppError.notFound(meetingsNouns.council, request.params.id);
      return found;
    },
  );

  app.post(
    '/councils',
    {
      schema: {
        operationId: 'createCouncil',
        summary: 'Set up a council on a place of its level (a community council: 5–9 members)',
        tags,
        body: CreateCouncilBody,
        response: { 201: CouncilDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.write');
      return reply.status(201).send(await runWrite(db, (tx) => createCouncil(tx, ctx, request.body)));
    },
  );

  app.patch(
    '/councils/:id',
    {
      schema: {
        operationId: 'updateCouncil',
        summary: 'Rename a council, change its quorum or term, or retire it',
        tags,
        params: IdParams,
        body: UpdateCouncilBody,
        response: { 200: CouncilDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.write');
      return runWrite(db, (tx) => updateCouncil(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/councils/:id/seats',
    {
      schema: {
        operationId: 'addCouncilSeat',
        summary: 'Seat a member (a resident standing for a party organisation, organisation or department); refused when full',
        tags,
        params: IdParams,
        body: AddSeatBody,
        response: { 201: CouncilDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.write');
      return reply.status(201).send(await runWrite(db, (tx) => addSeat(tx, ctx, request.params.id, request.body)));
    },
  );

  app.delete(
    '/councils/:id/seats/:seatId',
    {
      schema: {
        operationId: 'endCouncilSeat',
        summary: 'End a seat (the member leaves the council; past meetings keep them)',
        tags,
        params: SeatParams,
        response: { 200: CouncilDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.write');
      return runWrite(db, (tx) => endSeat(tx, ctx, request.params.id, request.params.seatId));
    },
  );

  // ---- meetings ----

  app.get(
    '/meetings',
    {
      schema: {
        operationId: 'listMeetings',
        summary: 'Meetings in scope, filtered by council, place, level, status and period, sorted',
        tags,
        querystring: MeetingListQuery,
        response: { 200: MeetingPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'meetings.read');
      return cursorPage(request.query, meetingCursorFor(request.query.sort), (filter, page) =>
        new MeetingRepository(db).list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    '/meetings/export.xlsx',
    {
      schema: {
        operationId: 'exportMeetings',
        summary: 'The meetings with the same filters as Excel',
        tags,
        querystring: MeetingExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'meetings.read');
      const { items } = await new MeetingRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '会议',
          columns: [
            { header: '会议', key: 'title', width: 36 },
            { header: '议事会', key: 'councilName', width: 26 },
            { header: '层级', key: 'level', width: 10 },
            { header: '所在地', key: 'nodeName', width: 18 },
            { header: '时间', key: 'startsAt', width: 20 },
            { header: '地点', key: 'placeText', width: 24 },
            { header: '状态', key: 'status', width: 10 },
            { header: '应到', key: 'invited', width: 8 },
            { header: '实到', key: 'present', width: 8 },
          ],
          rows: items.map((m) => ({
            ...m,
            level: levelZh[m.level],
            status: statusZh[m.status],
            startsAt: new Date(m.startsAt).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }),
          })),
        },
      ]);
      return sendXlsx(reply, file, '会议.xlsx', 'meetings.xlsx');
    },
  );

  app.get(
    '/meetings/:id',
    {
      schema: {
        operationId: 'getMeeting',
        summary: 'A meeting with agenda, invitees, attendance, motions and turns, photos (the check-in code for those who run it)',
        tags,
        params: IdParams,
        response: { 200: MeetingDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.read');
      const found = await meetingDetail(db, ctx, request.params.id);
      if (!found) throw AppError.notFound(meetingsNouns.meeting, request.params.id);
      return found;
    },
  );

  app.post(
    '/meetings',
    {
      schema: {
        operationId: 'createMeeting',
        summary: 'Prepare a meeting of a council: time, place, agenda, invitees (its members are invited)',
        tags,
        body: CreateMeetingBody,
        response: { 201: MeetingDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.write');
      return reply.status(201).send(await runWrite(db, (tx) => createMeeting(tx, ctx, request.body)));
    },
  );

  app.post(
    '/meetings/:id/invitees',
    {
      schema: {
        operationId: 'addMeetingInvitees',
        summary: 'Invite flexible seats (residents the topic affects), advisers or observers',
        tags,
        params: IdParams,
        body: AddInviteesBody,
        response: { 200: MeetingDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.write');
      return runWrite(db, (tx) => addInvitees(tx, ctx, request.params.id, request.body.invitees));
    },
  );

  const step = (path: string, operationId: string, summary: string, run: typeof publishNotice) =>
    app.post(
      `/meetings/:id/${path}`,
      { schema: { operationId, summary, tags, params: IdParams, response: { 200: MeetingDetail, ...errors } } },
      async (request) => {
        const ctx = requireContext(request);
        requireAbility(ctx.actor, 'meetings.write');
        return runWrite(db, (tx) => run(tx, ctx, request.params.id));
      },
    );
  step(
    'notice',
    'publishMeetingNotice',
    'Publish the notice to members and residents (outbox); the council must have its minimum size',
    publishNotice,
  );
  step('reminders', 'remindMeetingInvitees', 'Remind the invitees who have not checked in (outbox)', sendReminder);
  step('open', 'openMeeting', 'Open the meeting once the quorum of members has checked in', openMeeting);
  step('cancel', 'cancelMeeting', 'Call off a meeting not yet opened (invitees of a published one hear of it)', cancelMeeting);

  app.post(
    '/meetings/:id/check-ins',
    {
      schema: {
        operationId: 'checkInInvitee',
        summary: 'Check an invitee in on the staff tablet (once per person)',
        tags,
        params: IdParams,
        body: StaffCheckInBody,
        response: { 201: Attendance, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.write');
      return reply.status(201).send(await runWrite(db, (tx) => checkInInvitee(tx, ctx, request.params.id, request.body.inviteeId)));
    },
  );

  app.post(
    '/meetings/:id/motions',
    {
      schema: {
        operationId: 'moveMeetingMotion',
        summary: 'Record a motion from the floor (one motion at a time)',
        tags,
        params: IdParams,
        body: MotionBody,
        response: { 201: Motion, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.write');
      return reply.status(201).send(await runWrite(db, (tx) => moveMotion(tx, ctx, request.params.id, request.body)));
    },
  );

  app.post(
    '/meetings/:id/motions/:motionId/turns',
    {
      schema: {
        operationId: 'recordSpeakingTurn',
        summary: 'Record a speaking turn on the open motion (alternating for and against, two per person)',
        tags,
        params: MotionParams,
        body: TurnBody,
        response: { 201: Motion, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.write');
      return reply
        .status(201)
        .send(await runWrite(db, (tx) => recordTurn(tx, ctx, request.params.id, request.params.motionId, request.body)));
    },
  );

  app.post(
    '/meetings/:id/motions/:motionId/decision',
    {
      schema: {
        operationId: 'decideMeetingMotion',
        summary: 'Put the open motion to the vote (majority of votes cast) or record it withdrawn',
        tags,
        params: MotionParams,
        body: DecideMotionBody,
        response: { 200: Motion, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.write');
      return runWrite(db, (tx) => decideMotion(tx, ctx, request.params.id, request.params.motionId, request.body));
    },
  );

  app.put(
    '/meetings/:id/minutes',
    {
      schema: {
        operationId: 'recordMeetingMinutes',
        summary: 'Write the minutes and the decision on each agenda item',
        tags,
        params: IdParams,
        body: MinutesBody,
        response: { 200: MeetingDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.write');
      return runWrite(db, (tx) => recordMinutes(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/meetings/:id/close',
    {
      schema: {
        operationId: 'closeMeeting',
        summary: 'Close the meeting (no motion open) and answer the closing report with attendance',
        tags,
        params: IdParams,
        response: { 200: ClosingReport, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.write');
      return runWrite(db, (tx) => closeMeeting(tx, ctx, request.params.id));
    },
  );

  app.get(
    '/meetings/:id/report',
    {
      schema: {
        operationId: 'getMeetingReport',
        summary: 'The closing report of a meeting: attendance by kind, quorum, decisions, motions',
        tags,
        params: IdParams,
        response: { 200: ClosingReport, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'meetings.read');
      if (!(await new MeetingRepository(db).findById(ctx.actor.tenantId, request.params.id, scope))) {
        throw AppError.notFound(meetingsNouns.meeting, request.params.id);
      }
      return closingReport(db, ctx.actor.tenantId, request.params.id);
    },
  );

  app.post(
    '/meetings/:id/photos/:kind',
    {
      schema: {
        operationId: 'uploadMeetingPhoto',
        summary:
          'Keep a photo as evidence (multipart field `file`: JPEG, PNG or WebP ≤ 10 MB): the paper sign-in sheet or the signed minutes',
        tags,
        consumes: ['multipart/form-data'],
        params: PhotoKindParams,
        response: { 201: Photo, ...errorResponses(400, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'meetings.write');
      const { file } = await readMultipart(request, { defaultName: 'photo' });
      return reply.status(201).send(await runWrite(db, (tx) => uploadPhoto(tx, files, ctx, request.params.id, request.params.kind, file)));
    },
  );

  app.get(
    '/meetings/:id/photos/:photoId',
    {
      schema: {
        operationId: 'getMeetingPhoto',
        summary: 'Download a photo of a meeting the caller can see',
        tags,
        params: PhotoParams,
        response: { 200: { type: 'string', format: 'binary' }, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'meetings.read');
      const meetings = new MeetingRepository(db);
      const visible = await meetings.findById(ctx.actor.tenantId, request.params.id, scope);
      const photo = visible && (await meetings.photo(ctx.actor.tenantId, request.params.id, request.params.photoId));
      if (!photo) throw AppError.notFound(meetingsNouns.photo, request.params.photoId);
      const bytes = await files.get(photoKey(ctx.actor.tenantId, photo.id));
      if (!bytes) throw AppError.notFound(meetingsNouns.photo, request.params.photoId);
      return reply
        .header('content-type', photo.contentType)
        .header('content-disposition', attachmentHeader(photo.fileName, `photo-${photo.id}`))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .send(bytes);
    },
  );

  // ---- residents' phone ----

  app.get(
    '/me/meetings',
    {
      schema: {
        operationId: 'listMyMeetingNotices',
        summary: 'Meeting notices for the resident: meetings of their compound, community and street, with the minutes once closed',
        tags,
        response: { 200: MyMeetingPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const households = residentHouseholds(ctx);
      if (households.length === 0) throw AppError.of(meetingsErrors.not_a_resident);
      return { items: await new MeetingRepository(db).forResident(ctx.actor.tenantId, ctx.actor.accountId, households) };
    },
  );

  app.post(
    '/me/meetings/:id/check-in',
    {
      schema: {
        operationId: 'checkInWithMeetingCode',
        summary: 'Check in on the phone with the meeting code (scanned from the QR code or typed), once per person',
        tags,
        params: IdParams,
        body: CodeCheckInBody,
        response: { 201: Attendance, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      return reply.status(201).send(await runWrite(db, (tx) => checkInWithCode(tx, ctx, request.params.id, request.body.code)));
    },
  );
}
