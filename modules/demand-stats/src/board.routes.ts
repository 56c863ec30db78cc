import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, errorResponses, type ModuleDeps } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { Board, BoardParams, BoardQuery } from './board.contract.ts';
import { BoardRepository } from './board.repository.ts';
import { demandStatsNouns } from './errors.ts';

/** Start of the current calendar month in China (UTC+8), and of the next one. */
function thisMonth(now: Date): { from: Date; to: Date } {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const from = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - 8 * 3_600_000);
  const to = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - 8 * 3_600_000);
  return { from, to };
}

/**
 * The public notice board (公示栏) of a community: resolved demands, anonymised, with this month's
 * figures. Open without sign-in, like the board in the compound's entrance hall.
 */
export async function boardRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get(
    '/public/tenants/:tenantId/communities/:communityId/board',
    {
      schema: {
        operationId: 'getCommunityBoard',
        tags: ['demands'],
        summary: 'Public notice board of a community: its resolved demands without names, contacts or door numbers (no sign-in)',
        params: BoardParams,
        querystring: BoardQuery,
        response: { 200: Board, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const repo = new BoardRepository(db);
      const community = await repo.community(request.params.tenantId, request.params.communityId);
      if (!community) throw AppError.notFound(demandStatsNouns.community, request.params.communityId);
      const { from, to } = thisMonth(new Date());
      const [summary, entries] = await Promise.all([
        repo.summary(community, from, to),
        repo.entries(community, {
          limit: request.query.limit ?? 30,
          before: request.query.before ? new Date(request.query.before) : undefined,
        }),
      ]);
      reply.header('cache-control', 'public, max-age=60');
      return { community: { id: community.id, name: community.name }, summary, entries };
    },
  );
}
