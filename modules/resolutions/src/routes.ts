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
  scopePaths,
  sendXlsx,
  toXlsx,
} from '@linli/core';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { evaluatorPaths, followerPaths, requireFollower } from './callers.ts';
import { addMember } from './commands/add-member.ts';
import { answerSurvey } from './commands/answer-survey.ts';
import { completeResolution } from './commands/complete-resolution.ts';
import { createCommittee } from './commands/create-committee.ts';
import { createResolution } from './commands/create-resolution.ts';
import { evaluateResolution } from './commands/evaluate-resolution.ts';
import { objectToNotice } from './commands/object-to-notice.ts';
import { publishNotice } from './commands/publish-notice.ts';
import { recordIdea } from './commands/record-idea.ts';
import { recordProgress } from './commands/record-progress.ts';
import { resolutionDetail } from './commands/resolution-detail.ts';
import { scheduleEvaluations } from './commands/schedule-evaluations.ts';
import { uploadPhoto } from './commands/upload-photo.ts';
import {
  AddMemberBody,
  CommitteeList,
  CommitteeQuery,
  CreateCommitteeBody,
  CreateResolutionBody,
  DueEvaluationList,
  EvaluateBody,
  Figures,
  FiguresQuery,
  IdeaBody,
  IdeaList,
  IdeaReportQuery,
  LateList,
  MonthGrid,
  MonthGridQuery,
  ObjectBody,
  ObjectionList,
  Photo,
  Publication,
  PublicationList,
  PublicationQuery,
  PublishBody,
  QuarterlyFigures,
  QuarterlyQuery,
  RecordProgressBody,
  ResolutionDetail,
  ResolutionExportQuery,
  ResolutionListQuery,
  ResolutionPage,
  ScheduleBody,
  ScheduleResult,
  SurveyBody,
} from './contract.ts';
import { resolutionsNouns } from './errors.ts';
import { quarterlyFigures, resolutionFigures } from './figures.ts';
import { publishedNoticePdf } from './notice-pdf.ts';
import { ResolutionCursor, ResolutionRepository } from './resolution.repository.ts';
import { SupervisionRepository } from './supervision.repository.ts';

const tags = ['resolutions'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const TaskParams = Type.Object({ id: Type.String({ format: 'uuid' }), taskId: Type.String({ format: 'uuid' }) });
const Created = Type.Object({ id: Type.String({ format: 'uuid' }) });
const statusZh = { in_progress: '实施中', completed: '已办结', cancelled: '已撤销' } as const;

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function resolutionsRoutes(fastify: FastifyInstance, deps: ModuleDeps & { files?: FileStore }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  const files = deps.files ?? createFileStore(deps.config);
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  // ── Resolutions (staff) ──────────────────────────────────────────────────────────────────────
  app.get(
    '/resolutions',
    {
      schema: {
        operationId: 'listResolutions',
        summary: 'Resolutions in scope, filtered by place, status and title, sorted by decision date, progress or title',
        tags,
        querystring: ResolutionListQuery,
        response: { 200: ResolutionPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'resolutions.read');
      return cursorPage(request.query, ResolutionCursor, (filter, page) =>
        new ResolutionRepository(db).list(ctx.actor.tenantId, ResolutionRepository.visible(scope), filter, page),
      );
    },
  );

  app.get(
    '/resolutions/export.xlsx',
    {
      schema: {
        operationId: 'exportResolutions',
        summary: 'The resolutions with the same filters as Excel',
        tags,
        querystring: ResolutionExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'resolutions.read');
      const { items } = await new ResolutionRepository(db).list(ctx.actor.tenantId, ResolutionRepository.visible(scope), request.query, {
        limit: 50_000,
      });
      const file = await toXlsx([
        {
          name: '决议',
          columns: [
            { header: '决议', key: 'title', width: 40 },
            { header: '地点', key: 'nodeName', width: 20 },
            { header: '决议日期', key: 'decidedOn', width: 12 },
            { header: '状态', key: 'statusName', width: 10 },
            { header: '进度(%)', key: 'progress', width: 10 },
            { header: '任务数', key: 'taskCount', width: 8 },
            { header: '最近期限', key: 'nextDeadline', width: 12 },
            { header: '机制建议', key: 'proposedRule', width: 40 },
          ],
          rows: items.map((r) => ({ ...r, statusName: statusZh[r.status] })),
        },
      ]);
      return sendXlsx(reply, file, '决议.xlsx', 'resolutions.xlsx');
    },
  );

  app.get(
    '/resolutions/:id',
    {
      schema: {
        operationId: 'getResolution',
        summary: 'One resolution with its tasks, milestones, monthly evaluations and survey result',
        tags,
        params: IdParams,
        response: { 200: ResolutionDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'resolutions.read');
      return resolutionDetail(db, ctx.actor.tenantId, request.params.id, scope);
    },
  );

  app.post(
    '/resolutions',
    {
      schema: {
        operationId: 'createResolution',
        summary: 'Record a resolution adopted at a compound, community or subdistrict, with its tasks (audited)',
        tags,
        body: CreateResolutionBody,
        response: { 201: ResolutionDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'resolutions.write');
      return reply.status(201).send(await runWrite(db, (tx) => createResolution(tx, ctx, request.body)));
    },
  );

  app.post(
    '/resolutions/:id/tasks/:taskId/progress',
    {
      schema: {
        operationId: 'recordResolutionProgress',
        summary: 'Record a milestone of a task (note, photos, progress); the resolution’s progress rolls up and it completes at 100 %',
        tags,
        params: TaskParams,
        body: RecordProgressBody,
        response: { 200: ResolutionDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'resolutions.write');
      return runWrite(db, (tx) => recordProgress(tx, ctx, request.params.id, request.params.taskId, request.body));
    },
  );

  app.post(
    '/resolutions/:id/complete',
    {
      schema: {
        operationId: 'completeResolution',
        summary: 'Complete a resolution whose tasks are all done; the source demands’ timelines note it',
        tags,
        params: IdParams,
        response: { 200: ResolutionDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'resolutions.write');
      return runWrite(db, (tx) => completeResolution(tx, ctx, request.params.id));
    },
  );

  app.post(
    '/resolutions/:id/photos',
    {
      schema: {
        operationId: 'uploadResolutionPhoto',
        summary: 'Upload a photo of a resolution (multipart field `file`: jpg, png or webp ≤ 10 MB), then name it in photoIds',
        tags,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: Photo, ...errorResponses(400, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const { file } = await readMultipart(request);
      if (!file) throw AppError.invalid([{ field: 'file', reason: 'is required' }]);
      return reply.status(201).send(await runWrite(db, (tx) => uploadPhoto(tx, files, ctx, request.params.id, file)));
    },
  );

  app.get(
    '/resolution-photos/:id',
    {
      schema: {
        operationId: 'getResolutionPhoto',
        summary: 'A photo of a resolution the caller can see',
        tags,
        params: IdParams,
        response: { 200: { type: 'string', format: 'binary' }, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const staff = ResolutionRepository.visible([
        ...new Set([...scopePaths(ctx.actor, 'resolutions.read'), ...scopePaths(ctx.actor, 'resolutions.evaluate')]),
      ]);
      const follower = ResolutionRepository.visible(followerPaths(ctx.actor), true);
      const evaluator = ResolutionRepository.visible(evaluatorPaths(ctx.actor), true);
      const photo = await new ResolutionRepository(db).photo(
        ctx.actor.tenantId,
        request.params.id,
        sql`(${staff} OR ${follower} OR ${evaluator})`,
      );
      if (!photo) throw AppError.notFound(resolutionsNouns.photo, request.params.id);
      const bytes = await files.get(photo.storageKey);
      if (!bytes) throw AppError.notFound(resolutionsNouns.photoFile, request.params.id);
      return reply
        .header('content-type', photo.contentType)
        .header('content-disposition', attachmentHeader(photo.fileName, `photo-${photo.id}`))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .send(bytes);
    },
  );

  // ── Supervision committees and monthly evaluation ─────────────────────────────────────────────
  app.get(
    '/supervision-committees',
    {
      schema: {
        operationId: 'listSupervisionCommittees',
        summary: 'The supervision committees in scope with their members (no personal data beyond names)',
        tags,
        querystring: CommitteeQuery,
        response: { 200: CommitteeList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'resolutions.read');
      return { items: await new SupervisionRepository(db).committees(ctx.actor.tenantId, scope, request.query.nodeId) };
    },
  );

  app.post(
    '/supervision-committees',
    {
      schema: {
        operationId: 'createSupervisionCommittee',
        summary: 'Form the supervision committee of a compound (one per compound)',
        tags,
        body: CreateCommitteeBody,
        response: { 201: Created, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'resolutions.write');
      return reply.status(201).send(await runWrite(db, (tx) => createCommittee(tx, ctx, request.body)));
    },
  );

  app.post(
    '/supervision-committees/:id/members',
    {
      schema: {
        operationId: 'addSupervisionMember',
        summary: 'Add a member (五老乡贤, building leader or resident representative) to a committee',
        tags,
        params: IdParams,
        body: AddMemberBody,
        response: { 201: Created, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'resolutions.write');
      return reply.status(201).send(await runWrite(db, (tx) => addMember(tx, ctx, request.params.id, request.body)));
    },
  );

  app.post(
    '/resolution-evaluations/schedule',
    {
      schema: {
        operationId: 'scheduleResolutionEvaluations',
        summary: 'Generate the month’s evaluations of the resolutions under way in scope (idempotent; reminders through the outbox)',
        tags,
        body: ScheduleBody,
        response: { 200: ScheduleResult, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'resolutions.write');
      return runWrite(db, (tx) => scheduleEvaluations(tx, ctx, request.body.month));
    },
  );

  app.post(
    '/resolutions/:id/evaluations',
    {
      schema: {
        operationId: 'evaluateResolution',
        summary: 'The committee’s evaluation of a resolution for a month; a member who owns one of its tasks is refused',
        tags,
        params: IdParams,
        body: EvaluateBody,
        response: { 200: ResolutionDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      if (evaluatorPaths(ctx.actor).length === 0) requireAbility(ctx.actor, 'resolutions.evaluate');
      return runWrite(db, (tx) => evaluateResolution(tx, ctx, request.params.id, request.body));
    },
  );

  app.get(
    '/me/evaluations-due',
    {
      schema: {
        operationId: 'listMyDueEvaluations',
        summary:
          'The evaluations the caller owes as a member of a supervision committee: this month’s and earlier months’ still missing, with their own member id',
        tags,
        response: { 200: DueEvaluationList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = evaluatorPaths(ctx.actor);
      if (scope.length === 0) return { items: [] };
      const visible = sql`(${ResolutionRepository.visible(scope)} OR ${ResolutionRepository.visible(scope, true)})`;
      return { items: await new SupervisionRepository(db).dueFor(ctx.actor.tenantId, ctx.actor.accountId, visible) };
    },
  );

  app.get(
    '/resolution-evaluations/grid',
    {
      schema: {
        operationId: 'resolutionEvaluationGrid',
        summary: 'Resolutions × months: each scheduled evaluation, due, late, on time or made late',
        tags,
        querystring: MonthGridQuery,
        response: { 200: MonthGrid, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'resolutions.read');
      if (request.query.from > request.query.to) throw AppError.invalid([{ field: 'to', reason: 'is before from' }]);
      return new SupervisionRepository(db).grid(ctx.actor.tenantId, scope, request.query);
    },
  );

  app.get(
    '/resolution-evaluations/late',
    {
      schema: {
        operationId: 'listLateResolutionEvaluations',
        summary: 'Evaluations whose month ended without one',
        tags,
        querystring: CommitteeQuery,
        response: { 200: LateList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'resolutions.read');
      return { items: await new SupervisionRepository(db).late(ctx.actor.tenantId, scope, request.query.nodeId) };
    },
  );

  // ── Publication notices ───────────────────────────────────────────────────────────────────────
  app.post(
    '/resolution-publications',
    {
      schema: {
        operationId: 'publishResolutionNotice',
        summary: 'Publish a place’s notice of a month, open to objections for objectionDays (7 by default)',
        tags,
        body: PublishBody,
        response: { 201: Publication, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'resolutions.write');
      return reply.status(201).send(await runWrite(db, (tx) => publishNotice(tx, ctx, request.body)));
    },
  );

  app.get(
    '/resolution-publications',
    {
      schema: {
        operationId: 'listResolutionNotices',
        summary: 'Published notices in scope (staff), or of the places above the caller’s home (residents)',
        tags,
        querystring: PublicationQuery,
        response: { 200: PublicationList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const visible = noticeVisibility(ctx);
      const conditions = request.query.nodeId ? [sql`p.node_id = ${request.query.nodeId}::uuid`] : [];
      return { items: await new SupervisionRepository(db).publications(ctx.actor.tenantId, visible, conditions) };
    },
  );

  app.get(
    '/resolution-publications/:id/notice.pdf',
    {
      schema: {
        operationId: 'downloadResolutionNotice',
        summary: 'The printable A4 notice (PDF) for the notice board',
        tags,
        params: IdParams,
        response: { 200: { type: 'string', format: 'binary' }, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const repo = new SupervisionRepository(db);
      const notice = await repo.publication(ctx.actor.tenantId, request.params.id, noticeVisibility(ctx));
      if (!notice) throw AppError.notFound(resolutionsNouns.publication, request.params.id);
      const pdf = await publishedNoticePdf(repo, ctx.actor.tenantId, notice);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachmentHeader(`${notice.nodeName}${notice.month}公示.pdf`, `notice-${notice.month}.pdf`))
        .send(Buffer.from(pdf));
    },
  );

  app.post(
    '/resolution-publications/:id/objections',
    {
      schema: {
        operationId: 'objectToResolutionNotice',
        summary: 'A resident objects to a notice of their place within its objection period (refused after it)',
        tags,
        params: IdParams,
        body: ObjectBody,
        response: { 201: Created, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireFollower(ctx.actor);
      return reply.status(201).send(await runWrite(db, (tx) => objectToNotice(tx, ctx, request.params.id, request.body)));
    },
  );

  app.get(
    '/resolution-publications/:id/objections',
    {
      schema: {
        operationId: 'listResolutionNoticeObjections',
        summary: 'The objections to a notice (staff; no names of who objected)',
        tags,
        params: IdParams,
        response: { 200: ObjectionList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'resolutions.read');
      const repo = new SupervisionRepository(db);
      const notice = await repo.publication(ctx.actor.tenantId, request.params.id, ResolutionRepository.visible(scope));
      if (!notice) throw AppError.notFound(resolutionsNouns.publication, request.params.id);
      return { items: await repo.objections(ctx.actor.tenantId, notice.id) };
    },
  );

  // ── Residents ─────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/me/resolutions',
    {
      schema: {
        operationId: 'listMyResolutions',
        summary: 'The resolutions of the compound, community and subdistrict of the caller’s home (residents)',
        tags,
        querystring: ResolutionListQuery,
        response: { 200: ResolutionPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireFollower(ctx.actor);
      return cursorPage(request.query, ResolutionCursor, (filter, page) =>
        new ResolutionRepository(db).list(ctx.actor.tenantId, ResolutionRepository.visible(scope, true), filter, page),
      );
    },
  );

  app.get(
    '/me/resolutions/:id',
    {
      schema: {
        operationId: 'getMyResolution',
        summary: 'One resolution of the caller’s places with its tasks and progress (residents)',
        tags,
        params: IdParams,
        response: { 200: ResolutionDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireFollower(ctx.actor);
      return resolutionDetail(db, ctx.actor.tenantId, request.params.id, scope, true);
    },
  );

  app.post(
    '/me/resolutions/:id/survey',
    {
      schema: {
        operationId: 'answerResolutionSurvey',
        summary: 'The caller’s satisfaction with a resolution of their places (answering again replaces it)',
        tags,
        params: IdParams,
        body: SurveyBody,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireFollower(ctx.actor);
      await runWrite(db, (tx) => answerSurvey(tx, ctx, request.params.id, request.body.satisfaction));
      return reply.status(204).send(null);
    },
  );

  // ── Good ideas and figures ────────────────────────────────────────────────────────────────────
  app.post(
    '/resolution-ideas',
    {
      schema: {
        operationId: 'recordResolutionIdea',
        summary: 'Record a good opinion (好意见) or golden idea (金点子) for the report to the county',
        tags,
        body: IdeaBody,
        response: { 201: Created, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'resolutions.write');
      return reply.status(201).send(await runWrite(db, (tx) => recordIdea(tx, ctx, request.body)));
    },
  );

  app.get(
    '/resolution-ideas',
    {
      schema: {
        operationId: 'listResolutionIdeas',
        summary: 'Good opinions and golden ideas in scope',
        tags,
        querystring: CommitteeQuery,
        response: { 200: IdeaList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'resolutions.read');
      return { items: await new SupervisionRepository(db).ideas(ctx.actor.tenantId, scope, request.query.nodeId) };
    },
  );

  app.get(
    '/resolution-ideas/report.xlsx',
    {
      schema: {
        operationId: 'exportResolutionIdeaReport',
        summary:
          'The report of good ideas to the county (Excel); markReported=true dates the ideas not yet reported (needs resolutions.write)',
        tags,
        querystring: IdeaReportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'resolutions.read');
      const repo = new SupervisionRepository(db);
      const ideas = await repo.ideas(ctx.actor.tenantId, scope, request.query.nodeId);
      if (request.query.markReported) {
        const writable = requireAbility(ctx.actor, 'resolutions.write');
        const mine = await repo.ideas(ctx.actor.tenantId, writable, request.query.nodeId);
        await runWrite(db, (tx) =>
          new SupervisionRepository(tx).markReported(
            ctx.actor.tenantId,
            mine.filter((i) => !i.reportedOn).map((i) => i.id),
          ),
        );
      }
      const kinds = { good_opinion: '好意见', golden_idea: '金点子' } as const;
      const file = await toXlsx([
        {
          name: '意见建议',
          columns: [
            { header: '序号', key: 'n', width: 6 },
            { header: '类别', key: 'kindName', width: 10 },
            { header: '地点', key: 'nodeName', width: 20 },
            { header: '内容', key: 'text', width: 60 },
            { header: '相关决议', key: 'resolutionTitle', width: 30 },
            { header: '收集日期', key: 'createdOn', width: 12 },
            { header: '报送日期', key: 'reportedOn', width: 12 },
          ],
          rows: ideas.map((i, n) => ({ ...i, n: n + 1, kindName: kinds[i.kind], createdOn: i.createdAt.slice(0, 10) })),
        },
      ]);
      return sendXlsx(reply, file, '好意见金点子报送.xlsx', 'ideas-report.xlsx');
    },
  );

  app.get(
    '/resolution-figures',
    {
      schema: {
        operationId: 'resolutionFigures',
        summary: 'Figures of the resolutions decided in a period: completion, satisfaction, days to completion, evaluations on time',
        tags,
        querystring: FiguresQuery,
        response: { 200: Figures, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'resolutions.read');
      return resolutionFigures(db, { tenantId: ctx.actor.tenantId, paths: scope }, request.query);
    },
  );

  app.get(
    '/resolution-figures/quarterly',
    {
      schema: {
        operationId: 'resolutionQuarterlyFigures',
        summary: 'The figures per subdistrict and quarter of a year (每季度考核)',
        tags,
        querystring: QuarterlyQuery,
        response: { 200: QuarterlyFigures, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'resolutions.read');
      return { items: await quarterlyFigures(db, { tenantId: ctx.actor.tenantId, paths: scope }, request.query.year) };
    },
  );
}

/** Staff see the notices of places in their scope; residents those of the places above their home. */
function noticeVisibility(ctx: ReturnType<typeof requireContext>) {
  const staff = scopePaths(ctx.actor, 'resolutions.read');
  const follower = followerPaths(ctx.actor);
  if (staff.length === 0 && follower.length === 0) requireAbility(ctx.actor, 'resolutions.read');
  return sql`(${ResolutionRepository.visible(staff)} OR ${ResolutionRepository.visible(follower, true)})`;
}
