import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, can, inScope, type ModuleDeps, type RequestContext, requireAbility, requireContext } from '@linli/core';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../contract.ts';
import { DemandRepository } from '../demand.repository.ts';
import { closeTheme } from './commands/close-theme.ts';
import { createTheme } from './commands/create-theme.ts';
import { retrainClassifier } from './commands/retrain-classifier.ts';
import {
  ClassifierStatus,
  CloseThemeBody,
  CreateThemeBody,
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
import { listHotspots } from './hotspot-report.ts';
import { similarTo, suggestFor } from './suggest.ts';
import { publicTheme, ThemeRepository } from './theme.repository.ts';

const tags = ['demands'];
const errors = {
  400: { $ref: 'ErrorBody#' },
  403: { $ref: 'ErrorBody#' },
  404: { $ref: 'ErrorBody#' },
  409: { $ref: 'ErrorBody#' },
  422: { $ref: 'ErrorBody#' },
};

/** The classifier's status is for whoever configures it or reads demands. */
function requireClassifierReader(ctx: RequestContext): void {
  if (!can(ctx.actor, 'demand.read') && !can(ctx.actor, 'demand.configure')) throw AppError.forbidden('Permission demand.read is required');
}

/** Smart intake: suggestions while writing a demand, similar demands, the classifier, hot spots and monthly themes. */
export async function smartIntakeRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.post(
    '/demands/suggest',
    {
      schema: {
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
        tags,
        summary: 'Monthly themes (每月一题) in the caller’s scope',
        querystring: ThemeQuery,
        response: { 200: ThemeList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const { actor } = ctx;
      const scope = requireAbility(actor, 'demand.read');
      const { nodeId, month, status } = request.query;
      let rootPath: string | undefined;
      if (nodeId) {
        const node = await new DemandRepository(db).findNode(actor.tenantId, nodeId);
        if (!node) throw AppError.notFound('Place', nodeId);
        rootPath = node.path;
      }
      const items = await new ThemeRepository(db).list(actor.tenantId, inScope(sql`t.node_path`, scope), { rootPath, month, status });
      return { items: items.map(publicTheme) };
    },
  );

  app.post(
    '/demand-themes',
    {
      schema: {
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
