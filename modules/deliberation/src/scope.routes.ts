import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  auditEntry,
  errorResponses,
  type ModuleDeps,
  recordAudit,
  requireAbility,
  requireContext,
  requireReferences,
  runWrite,
} from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { saveScopeKind } from './commands/save-scope-kind.ts';
import { setStationScope } from './commands/set-station-scope.ts';
import { DeliberationSettings, SaveScopeKindBody, ScopeChanges, ScopeKinds, ScopeKindsQuery, StationScopeBody } from './contract.ts';
import { ScopeRepository } from './scope.repository.ts';
import { stationReference } from './station.repository.ts';

const tags = ['deliberation'];
const errors = errorResponses(400, 403, 404, 409);

/** The scope lists (正负面清单) of the county and their station overrides, with history; the pool's settings. */
export async function scopeRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/deliberation/scope-kinds',
    {
      schema: {
        operationId: 'listDeliberationScopeKinds',
        summary: "The scope lists as they apply: the county's, or a station's with its overrides",
        tags,
        querystring: ScopeKindsQuery,
        response: { 200: ScopeKinds, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      if (request.query.stationId) await requireReferences(db, ctx.actor, scope, request.query, { stationId: stationReference });
      const scopes = new ScopeRepository(db);
      const items = await scopes.list(ctx.actor.tenantId, request.query.stationId);
      if (items.length > 0) return { items };
      // A county that never wrote its lists reads the defaults (written on its first change).
      await runWrite(db, (tx) => new ScopeRepository(tx).ensureDefaults(ctx.actor.tenantId));
      return { items: await scopes.list(ctx.actor.tenantId, request.query.stationId) };
    },
  );

  app.post(
    '/deliberation/scope-kinds',
    {
      schema: {
        operationId: 'saveDeliberationScopeKind',
        summary: 'Add or change a kind of the county scope lists (history kept)',
        tags,
        body: SaveScopeKindBody,
        response: { 200: ScopeKinds, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.scope');
      return { items: await runWrite(db, (tx) => saveScopeKind(tx, ctx, request.body)) };
    },
  );

  app.post(
    '/deliberation/station-scope',
    {
      schema: {
        operationId: 'setDeliberationStationScope',
        summary: "A station's own list for a kind, or back to the county's (list null); history kept",
        tags,
        body: StationScopeBody,
        response: { 200: ScopeKinds, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      return { items: await runWrite(db, (tx) => setStationScope(tx, ctx, request.body)) };
    },
  );

  app.get(
    '/deliberation/scope-changes',
    {
      schema: {
        operationId: 'listDeliberationScopeChanges',
        summary: 'Who changed the scope lists, when and what (the county list, or one station)',
        tags,
        querystring: ScopeKindsQuery,
        response: { 200: ScopeChanges, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      if (request.query.stationId) await requireReferences(db, ctx.actor, scope, request.query, { stationId: stationReference });
      return { items: await new ScopeRepository(db).changes(ctx.actor.tenantId, request.query.stationId) };
    },
  );

  app.get(
    '/deliberation/settings',
    {
      schema: {
        operationId: 'getDeliberationSettings',
        summary: 'Supports that put a topic forward, and working days to a decision per bank',
        tags,
        response: { 200: DeliberationSettings, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.read');
      return new ScopeRepository(db).settings(ctx.actor.tenantId);
    },
  );

  app.patch(
    '/deliberation/settings',
    {
      schema: {
        operationId: 'saveDeliberationSettings',
        summary: "Change the county's topic-pool settings (audited)",
        tags,
        body: DeliberationSettings,
        response: { 200: DeliberationSettings, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.scope');
      if (!scope.some((p) => !p.includes('.'))) throw AppError.forbidden('Permission deliberation.scope over the county is required');
      return runWrite(db, async (tx) => {
        const scopes = new ScopeRepository(tx);
        const before = await scopes.settings(ctx.actor.tenantId);
        await scopes.saveSettings(ctx.actor.tenantId, request.body, ctx.actor.accountId);
        await recordAudit(
          tx,
          auditEntry(ctx, 'deliberation.settings.save', { type: 'deliberation_setting', id: null }, { before, after: request.body }),
        );
        return scopes.settings(ctx.actor.tenantId);
      });
    },
  );
}
