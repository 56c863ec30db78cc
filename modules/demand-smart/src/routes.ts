import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  auditEntry,
  buildWorkbook,
  type ExcelColumn,
  errorResponses,
  inScope,
  type ModuleDeps,
  type RequestContext,
  recordAudit,
  requireAbility,
  requireAnyAbility,
  requireContext,
  requireReferences,
  sendXlsx,
} from '@linli/core';
import type { Db } from '@linli/db';
import { IdParams } from '@linli/demands';
import { placeReference, territory } from '@linli/territory';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { closeTheme } from './commands/close-theme.ts';
import { createTheme } from './commands/create-theme.ts';
import { retrainClassifier } from './commands/retrain-classifier.ts';
import {
  ClassifierStatus,
  CloseThemeBody,
  CreateThemeBody,
  type HotspotItem,
  HotspotList,
  HotspotQuery,
  SimilarList,
  SimilarQuery,
  SuggestBody,
  Suggestions,
  Theme,
  ThemeList,
  ThemeQuery,
} from './contract.ts';
import { classifierStatus } from './current-classifier.ts';
import { demandSmartNouns } from './errors.ts';
import { listHotspots } from './hotspot-report.ts';
import { similarTo, suggestFor } from './suggest.ts';
import { publicTheme, ThemeRepository } from './theme.repository.ts';

const tags = ['demands'];
const errors = errorResponses(400, 403, 404, 409, 422);

/** The classifier's status is for whoever configures it or reads demands. */
function requireClassifierReader(ctx: RequestContext): void {
  requireAnyAbility(ctx.actor, ['demand.read', 'demand.configure']);
}

/** Smart intake: suggestions while writing a demand, similar demands, the classifier, hot spots and monthly themes. */
export async function smartIntakeRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.post(
    '/demands/suggest',
    {
      schema: {
        operationId: 'suggestDemandCategory',
        tags,
        summary: 'Category and level suggestions (top 3 with confidence) and similar open demands nearby, while a demand is written',
        body: SuggestBody,
        response: { 200: Suggestions, ...errors },
      },
    },
    async (request) => suggestFor(db, requireContext(request), request.body),
  );

  app.get(
    '/demands/:id/similar',
    {
      schema: {
        operationId: 'listSimilarDemands',
        tags,
        summary: 'Demands at the same place with similar text within a window, to link or merge (staff)',
        params: IdParams,
        querystring: SimilarQuery,
        response: { 200: SimilarList, ...errors },
      },
    },
    async (request) => ({ items: await similarTo(db, requireContext(request), request.params.id, request.query) }),
  );

  app.get(
    '/demand-classifier',
    {
      schema: {
        operationId: 'getDemandClassifier',
        tags,
        summary: 'The county’s category and level classifier: source, size and held-out accuracy',
        response: { 200: ClassifierStatus, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireClassifierReader(ctx);
      return classifierStatus(db, ctx.actor.tenantId);
    },
  );

  app.post(
    '/demand-classifier/retrain',
    {
      schema: {
        operationId: 'retrainDemandClassifier',
        tags,
        summary: 'Retrain on the county’s handled demands, or the built-in corpus when it has too few (demand.configure; audited)',
        response: { 200: ClassifierStatus, ...errors },
      },
    },
    async (request) => {
      return retrainClassifier(db, { ctx: requireContext(request) });
    },
  );

  app.get(
    '/demands/hotspots',
    {
      schema: {
        operationId: 'listDemandHotspots',
        tags,
        summary: 'Rising and repeated demands per place and category in a month, ranked (candidates for 每月一题)',
        querystring: HotspotQuery,
        response: { 200: HotspotList, ...errors },
      },
    },
    async (request) => listHotspots(db, requireContext(request), request.query),
  );

  app.get(
    '/demand-themes',
    {
      schema: {
        operationId: 'listDemandThemes',
        tags,
        summary: 'Monthly themes (每月一题) in the caller’s scope',
        querystring: ThemeQuery,
        response: { 200: ThemeList, ...errors },
      },
    },
    async (request) => ({ items: await themesFor(db, requireContext(request), request.query) }),
  );

  app.get(
    '/demands/hotspots/export.xlsx',
    {
      schema: {
        operationId: 'exportDemandHotspots',
        tags,
        summary: 'The hot spots of a place and month as Excel (audited)',
        querystring: HotspotQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const list = await listHotspots(db, ctx, request.query);
      await recordAudit(
        db,
        auditEntry(ctx, 'demand.hotspot_export', { type: 'territory_node', id: list.nodeId }, { filter: request.query }),
      );
      const file = await buildWorkbook<HotspotItem>('诉求热点', hotspotColumns, list.items);
      return sendXlsx(reply, file, `诉求热点-${list.month}.xlsx`, `demand-hotspots-${list.month}.xlsx`);
    },
  );

  app.get(
    '/demand-themes/export.xlsx',
    {
      schema: {
        operationId: 'exportDemandThemes',
        tags,
        summary: 'Monthly themes (每月一题) in the caller’s scope as Excel (audited)',
        querystring: ThemeQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const items = await themesFor(db, ctx, request.query);
      await recordAudit(db, auditEntry(ctx, 'demand.theme_export', { type: 'demand_theme', id: null }, { filter: request.query }));
      const file = await buildWorkbook<Theme>('每月一题', themeColumns, items);
      return sendXlsx(reply, file, '每月一题.xlsx', 'demand-themes.xlsx');
    },
  );

  app.post(
    '/demand-themes',
    {
      schema: {
        operationId: 'createDemandTheme',
        tags,
        summary: 'Make a monthly theme of a hot spot: one per place, month and category (demand.dispatch on the place; audited)',
        body: CreateThemeBody,
        response: { 201: Theme, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      return reply.status(201).send(await db.transaction((tx) => createTheme(tx, ctx, request.body)));
    },
  );

  app.patch(
    '/demand-themes/:id',
    {
      schema: {
        operationId: 'updateDemandTheme',
        tags,
        summary: 'Close a monthly theme with its outcome (audited)',
        params: IdParams,
        body: CloseThemeBody,
        response: { 200: Theme, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return db.transaction((tx) => closeTheme(tx, ctx, request.params.id, request.body));
    },
  );
}

/** Monthly themes in the caller's scope (demand.read), optionally under a place, for a month or a status. */
async function themesFor(db: Db, ctx: RequestContext, query: ThemeQuery): Promise<Theme[]> {
  const { actor } = ctx;
  const scope = requireAbility(actor, 'demand.read');
  const { nodeId, month, status } = query;
  let rootPath: string | undefined;
  if (nodeId) {
    // A place in the scope or above it (the list is cut to the scope); another community's answers like an unknown one.
    await requireReferences(db, actor, scope, query, { nodeId: { kind: placeReference, orAboveScope: true } });
    const node = await territory.node(db, actor.tenantId, nodeId);
    if (!node) throw AppError.notFound(demandSmartNouns.place, nodeId);
    rootPath = node.path;
  }
  const items = await new ThemeRepository(db).list(actor.tenantId, inScope(sql`t.node_path`, scope), { rootPath, month, status });
  return items.map(publicTheme);
}

const kindLabels: Record<string, string> = { rising: '上升', repeated: '反复' };
const hotspotColumns: ExcelColumn<HotspotItem>[] = [
  { header: '月份', key: 'month', width: 10, value: (h) => h.month },
  { header: '地点', key: 'place', width: 24, value: (h) => h.nodeName },
  { header: '类别', key: 'category', width: 16, value: (h) => h.categoryName },
  { header: '本月件数', key: 'count', value: (h) => h.count },
  { header: '前三月月均', key: 'baseline', value: (h) => Math.round(h.baseline * 10) / 10 },
  { header: '连续月数', key: 'streak', value: (h) => h.streak },
  { header: '类型', key: 'kinds', value: (h) => h.kinds.map((k) => kindLabels[k] ?? k).join('、') },
  { header: '得分', key: 'score', value: (h) => Math.round(h.score * 100) / 100 },
  { header: '原因', key: 'reason', width: 40, value: (h) => h.reason },
  { header: '建议题目', key: 'theme', width: 30, value: (h) => h.theme },
  { header: '已设为每月一题', key: 'themed', value: (h) => (h.themeId ? '是' : '否') },
];
const themeColumns: ExcelColumn<Theme>[] = [
  { header: '月份', key: 'month', width: 10, value: (t) => t.month },
  { header: '地点', key: 'place', width: 24, value: (t) => t.nodeName },
  { header: '类别', key: 'category', width: 16, value: (t) => t.categoryName },
  { header: '题目', key: 'title', width: 30, value: (t) => t.title },
  { header: '说明', key: 'note', width: 30, value: (t) => t.note },
  { header: '状态', key: 'status', value: (t) => (t.status === 'closed' ? '已结题' : '进行中') },
  { header: '成效', key: 'outcome', width: 40, value: (t) => t.outcome },
  { header: '设立人', key: 'createdBy', value: (t) => t.createdBy },
  { header: '设立时间', key: 'createdAt', width: 20, value: (t) => new Date(t.createdAt) },
  { header: '结题时间', key: 'closedAt', width: 20, value: (t) => (t.closedAt ? new Date(t.closedAt) : null) },
];
