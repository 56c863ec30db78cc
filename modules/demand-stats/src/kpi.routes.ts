import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  attachmentHeader,
  auditEntry,
  buildWorkbook,
  errorResponses,
  type ModuleDeps,
  type RequestContext,
  recordAudit,
  requireAbility,
  requireContext,
  XLSX_TYPE,
} from '@linli/core';
import type { Db } from '@linli/db';
import { territory } from '@linli/territory';
import type { FastifyInstance } from 'fastify';
import { demandStatsNouns } from './errors.ts';
import { KpiBreakdown, KpiBreakdownQuery, type Kpis, RankingQuery, Rankings } from './kpi.contract.ts';
import { type KpiGrouping, KpiRepository, type KpiScope } from './kpi.repository.ts';

const tags = ['demands'];
const errors = errorResponses(400, 403, 404);
/** Twenty years of months at most in a monthly breakdown. */
const MAX_MONTHLY_DAYS = 7320;

const groupTitles: Record<KpiGrouping, string> = {
  none: '范围',
  child: '下级区域',
  category: '分类',
  month: '月份',
  level: '办理层级',
  channel: '渠道',
};

/**
 * The KPI dashboard: the KPIs of a place over a period, broken down by child territory, category,
 * month, level or channel; handling units ranked; the breakdown as Excel. Scope: demand.read on
 * the place asked for (the aggregation is then the subtree, `node_path <@ place` in SQL).
 */
export async function kpiRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  async function scopeOf(
    ctx: RequestContext,
    query: { nodeId: string; from: string; to: string; categoryId?: string; groupBy?: KpiGrouping },
  ): Promise<KpiScope> {
    const { nodeId, from, to, categoryId } = query;
    if (from > to) throw AppError.invalid([{ field: 'to', reason: 'is before from' }]);
    if (query.groupBy === 'month' && Date.parse(to) - Date.parse(from) > MAX_MONTHLY_DAYS * 86_400_000) {
      throw AppError.invalid([{ field: 'to', reason: `a monthly breakdown covers at most ${MAX_MONTHLY_DAYS} days` }]);
    }
    const tenantId = ctx.actor.tenantId;
    const node = await territory.node(db, tenantId, nodeId);
    if (!node) throw AppError.notFound(demandStatsNouns.place, nodeId);
    requireAbility(ctx.actor, 'demand.read', node.path);
    if (categoryId && !(await new KpiRepository(db).findCategory(tenantId, categoryId))) {
      throw AppError.invalid([{ field: 'categoryId', reason: 'is not a demand category of this county' }]);
    }
    return { tenantId, root: node, from, to, categoryId };
  }

  app.get(
    '/demands/kpis',
    {
      schema: {
        operationId: 'getDemandKpis',
        tags,
        summary: 'KPIs of a subtree over a period (response, resolution, completion, on-time, satisfaction …), optionally by group',
        querystring: KpiBreakdownQuery,
        response: { 200: KpiBreakdown, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = await scopeOf(ctx, request.query);
      const result = await new KpiRepository(db).breakdown(scope, request.query.groupBy ?? 'none');
      return { ...result.kpis, kpis: result.kpis, groups: result.groups };
    },
  );

  app.get(
    '/demands/rankings',
    {
      schema: {
        operationId: 'getDemandRankings',
        tags,
        summary:
          'Handling units at a level ranked by on-time rate, then satisfaction rate, then sample (resolved demands), then name; units under minSample resolved demands follow unranked',
        querystring: RankingQuery,
        response: { 200: Rankings, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = await scopeOf(ctx, request.query);
      return new KpiRepository(db).rankings(scope, request.query.level ?? 'compound', request.query.minSample ?? 20);
    },
  );

  app.get(
    '/demands/kpis/export.xlsx',
    {
      schema: {
        operationId: 'exportDemandKpis',
        tags,
        summary: 'The KPI breakdown with the same filters as Excel (audited)',
        querystring: KpiBreakdownQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = await scopeOf(ctx, request.query);
      const groupBy = request.query.groupBy ?? 'none';
      const result = await db.transaction(async (tx: Db) => {
        const breakdown = await new KpiRepository(tx).breakdown(scope, groupBy);
        await recordAudit(
          tx,
          auditEntry(ctx, 'demand.kpi_export', { type: 'territory_node', id: scope.root.id }, { filter: request.query }),
        );
        return breakdown;
      });
      const lines = [...result.groups, { key: 'total', label: '合计', kpis: result.kpis }];
      const file = await buildWorkbook<(typeof lines)[number]>('诉求指标', kpiColumns(groupTitles[groupBy]), lines);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachmentHeader('诉求指标.xlsx', 'demand-kpis.xlsx'))
        .send(file);
    },
  );
}

/** Rates as percentages with one decimal, empty when the denominator is 0. */
const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

function kpiColumns(groupTitle: string) {
  type Line = { label: string; kpis: Kpis };
  const col = (header: string, key: string, value: (k: Kpis) => number | null, width = 12) => ({
    header,
    key,
    width,
    value: (l: Line) => value(l.kpis),
  });
  return [
    { header: groupTitle, key: 'label', width: 20, value: (l: Line) => l.label },
    col('诉求数', 'submitted', (k) => k.submitted),
    col('受理数', 'accepted', (k) => k.accepted),
    col('响应率(%)', 'responseRate', (k) => percent(k.responseRate)),
    col('解决率(%)', 'resolutionRate', (k) => percent(k.resolutionRate)),
    col('办结率(%)', 'completionRate', (k) => percent(k.completionRate)),
    col('按期办结率(%)', 'onTimeRate', (k) => percent(k.onTimeRate), 14),
    col('满意率(%)', 'satisfactionRate', (k) => percent(k.satisfactionRate)),
    col('平均办理时长(小时)', 'averageHandlingHours', (k) => k.averageHandlingHours, 18),
    col('小区办结占比(%)', 'atCompound', (k) => percent(k.resolvedByLevel.compound), 16),
    col('社区办结占比(%)', 'atCommunity', (k) => percent(k.resolvedByLevel.community), 16),
    col('街道办结占比(%)', 'atSubdistrict', (k) => percent(k.resolvedByLevel.subdistrict), 16),
    col('部门办结占比(%)', 'atDepartment', (k) => percent(k.resolvedByLevel.department), 16),
    col('回访率(%)', 'callbackCoverage', (k) => percent(k.callbackCoverage)),
  ];
}
