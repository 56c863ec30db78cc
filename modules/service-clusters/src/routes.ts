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
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { adoptScenario } from './commands/adopt-scenario.ts';
import { createScenario } from './commands/create-scenario.ts';
import { setScenarioLocks } from './commands/set-scenario-locks.ts';
import { startSolve } from './commands/start-solve.ts';
import { updateScenario } from './commands/update-scenario.ts';
import {
  AdoptScenarioBody,
  CompareQuery,
  CreateScenarioBody,
  ScenarioComparison,
  ScenarioDetail,
  ScenarioExportQuery,
  ScenarioListQuery,
  ScenarioPage,
  SetLocksBody,
  UpdateScenarioBody,
} from './contract.ts';
import { serviceClustersNouns } from './errors.ts';
import { cursorFor, ScenarioRepository } from './scenario.repository.ts';
import { scenarioDetail } from './scenario-view.ts';
import { launchSolve } from './solve-runner.ts';

const tags = ['service-clusters'];
const errors = errorResponses(400, 403, 404, 409, 422);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const base = '/service-clusters/scenarios';

const statusText: Record<string, string> = {
  draft: '草稿',
  solving: '求解中',
  solved: '已求解',
  failed: '求解失败',
  adopted: '已采纳',
  superseded: '已被替代',
};
const modeText: Record<string, string> = { single: '单独', one_to_one: '一托一', one_to_many: '一托多' };

/** Thin routes: the caller's context and ability, then one repository read or one command in a transaction. */
export async function serviceClustersRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  /** The scenario in the caller's read scope, as the detail page shows it; 404 when unknown or outside. */
  const detailOf = async (tenantId: string, scope: string[], id: string) => {
    const scenarios = new ScenarioRepository(db);
    await scenarios.failStale(tenantId);
    const found = await scenarios.findById(tenantId, id, scope);
    if (!found) throw AppError.notFound(serviceClustersNouns.scenario, id);
    return scenarioDetail(db, tenantId, found);
  };

  app.get(
    base,
    {
      schema: {
        operationId: 'listClusterScenarios',
        summary: 'Cluster scenarios in scope, filtered and sorted',
        tags,
        querystring: ScenarioListQuery,
        response: { 200: ScenarioPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'serviceClusters.read');
      const scenarios = new ScenarioRepository(db);
      await scenarios.failStale(ctx.actor.tenantId);
      return cursorPage(request.query, cursorFor(request.query.sort), (filter, page) =>
        scenarios.list(ctx.actor.tenantId, scope, filter, page),
      );
    },
  );

  app.get(
    `${base}/export.xlsx`,
    {
      schema: {
        operationId: 'exportClusterScenarios',
        summary: 'The cluster scenarios with the same filters as Excel',
        tags,
        querystring: ScenarioExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'serviceClusters.read');
      const { items } = await new ScenarioRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '组团方案',
          columns: [
            { header: '方案', key: 'name', width: 30 },
            { header: '范围', key: 'nodeName', width: 20 },
            { header: '状态', key: 'status', width: 12 },
            { header: '求解结果', key: 'solverStatus', width: 12 },
            { header: '差距', key: 'gap', width: 10 },
            { header: '小区数', key: 'compoundCount', width: 10 },
            { header: '组团数', key: 'clusters', width: 10 },
            { header: '自负盈亏组团', key: 'viable', width: 14 },
            { header: '月补贴（元）', key: 'subsidy', width: 14 },
            { header: '创建时间', key: 'createdAt', width: 22 },
          ],
          rows: items.map((s) => ({
            ...s,
            status: statusText[s.status] ?? s.status,
            clusters: s.totals?.clusters ?? null,
            viable: s.totals?.viable ?? null,
            subsidy: s.totals?.subsidy ?? null,
          })),
        },
      ]);
      return sendXlsx(reply, file, '组团方案.xlsx', 'cluster-scenarios.xlsx');
    },
  );

  app.get(
    `${base}/compare`,
    {
      schema: {
        operationId: 'compareClusterScenarios',
        summary: 'Two to four cluster scenarios side by side: totals and clusters',
        tags,
        querystring: CompareQuery,
        response: { 200: ScenarioComparison, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'serviceClusters.read');
      const ids = [...new Set(request.query.ids.toLowerCase().split(','))];
      const scenarios = [];
      for (const id of ids) {
        const { compounds: _, locks: __, elapsedSeconds: ___, ...s } = await detailOf(ctx.actor.tenantId, scope, id);
        scenarios.push(s);
      }
      return { scenarios };
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        operationId: 'getClusterScenario',
        summary: 'One cluster scenario: parameters, compounds, clusters with members and figures, locks',
        tags,
        params: IdParams,
        response: { 200: ScenarioDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'serviceClusters.read');
      return detailOf(ctx.actor.tenantId, scope, request.params.id);
    },
  );

  app.get(
    `${base}/:id/clusters.xlsx`,
    {
      schema: {
        operationId: 'exportClusterScenarioClusters',
        summary: 'The clusters of a scenario and their members as Excel',
        tags,
        params: IdParams,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'serviceClusters.read');
      const s = await detailOf(ctx.actor.tenantId, scope, request.params.id);
      const file = await toXlsx([
        {
          name: '组团',
          columns: [
            { header: '组团', key: 'name', width: 24 },
            { header: '牵头小区', key: 'anchorName', width: 20 },
            { header: '模式', key: 'mode', width: 10 },
            { header: '小区数', key: 'count', width: 8 },
            { header: '户数', key: 'households', width: 10 },
            { header: '月收入（元）', key: 'revenue', width: 14 },
            { header: '月成本（元）', key: 'cost', width: 14 },
            { header: '月盈亏（元）', key: 'margin', width: 14 },
            { header: '月补贴（元）', key: 'subsidy', width: 14 },
            { header: '最远距离（千米）', key: 'maxDistanceKm', width: 16 },
          ],
          rows: s.clusters.map((c) => ({ ...c, mode: modeText[c.mode] ?? c.mode, count: c.members.length })),
        },
        {
          name: '小区',
          columns: [
            { header: '组团', key: 'cluster', width: 24 },
            { header: '小区', key: 'name', width: 20 },
            { header: '社区', key: 'communityName', width: 20 },
            { header: '户数', key: 'households', width: 10 },
            { header: '月收入（元）', key: 'revenue', width: 14 },
            { header: '月成本（元）', key: 'cost', width: 14 },
            { header: '距牵头小区（千米）', key: 'distanceKm', width: 18 },
            { header: '手工锁定', key: 'locked', width: 10 },
          ],
          rows: s.clusters.flatMap((c) => c.members.map((m) => ({ ...m, cluster: c.name, locked: m.locked ? '是' : '' }))),
        },
      ]);
      return sendXlsx(reply, file, `${s.name}.xlsx`, 'cluster-scenario.xlsx');
    },
  );

  app.post(
    base,
    {
      schema: {
        operationId: 'createClusterScenario',
        summary: 'Make a cluster scenario of a place from its compounds’ property figures (audited)',
        tags,
        body: CreateScenarioBody,
        response: { 201: ScenarioDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'serviceClusters.write');
      const { id } = await runWrite(db, (tx) => createScenario(tx, ctx, request.body));
      return reply.status(201).send(await detailOf(ctx.actor.tenantId, scope, id));
    },
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        operationId: 'updateClusterScenario',
        summary: 'Rename a cluster scenario or change its parameters (audited)',
        tags,
        params: IdParams,
        body: UpdateScenarioBody,
        response: { 200: ScenarioDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'serviceClusters.write');
      await runWrite(db, (tx) => updateScenario(tx, ctx, request.params.id, request.body));
      return detailOf(ctx.actor.tenantId, scope, request.params.id);
    },
  );

  app.put(
    `${base}/:id/locks`,
    {
      schema: {
        operationId: 'setClusterScenarioLocks',
        summary: 'Lock compounds to clusters by hand, kept when re-solving (audited)',
        tags,
        params: IdParams,
        body: SetLocksBody,
        response: { 200: ScenarioDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'serviceClusters.write');
      await runWrite(db, (tx) => setScenarioLocks(tx, ctx, request.params.id, request.body));
      return detailOf(ctx.actor.tenantId, scope, request.params.id);
    },
  );

  app.post(
    `${base}/:id/solve`,
    {
      schema: {
        operationId: 'solveClusterScenario',
        summary: 'Start solving a cluster scenario off the request; it shows solving, then solved or failed (audited)',
        tags,
        params: IdParams,
        response: { 202: ScenarioDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'serviceClusters.write');
      const solve = await runWrite(db, (tx) => startSolve(tx, ctx, request.params.id));
      launchSolve(db, ctx.actor.tenantId, solve, (error) => request.log.error({ err: error }, 'cluster planning failed'));
      return reply.status(202).send(await detailOf(ctx.actor.tenantId, scope, request.params.id));
    },
  );

  app.post(
    `${base}/:id/adopt`,
    {
      schema: {
        operationId: 'adoptClusterScenario',
        summary: 'Adopt a solved cluster scenario: records each compound’s cluster, company and service mode (audited)',
        tags,
        params: IdParams,
        body: AdoptScenarioBody,
        response: { 200: ScenarioDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'serviceClusters.write');
      await runWrite(db, (tx) => adoptScenario(tx, ctx, request.params.id, request.body));
      return detailOf(ctx.actor.tenantId, scope, request.params.id);
    },
  );
}
