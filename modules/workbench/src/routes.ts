import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, errorResponses, type ModuleDeps, requireContext } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { ResidentHome, Workbench } from './contract.ts';
import { readResidentHome, readWorkbench } from './workbench.ts';

const tags = ['workbench'];

/**
 * The home pages: GET /workbench for anyone who signs in to the staff app (what it shows follows
 * their abilities; an account with no grant gets 403), GET /workbench/home for a resident's phone.
 */
export async function workbenchRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get(
    '/workbench',
    {
      schema: {
        operationId: 'getWorkbench',
        tags,
        summary:
          'The signed-in person’s workbench: counts of waiting work (inbox tabs, unread notices), today’s deadlines, the scope’s figures this month against last month, territory figures for county and subdistrict staff, the compound of an owners’ committee member',
        response: { 200: Workbench, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      if (ctx.actor.grants.length === 0) throw AppError.forbidden('The workbench needs a role on some place');
      return readWorkbench(db, ctx.actor);
    },
  );

  app.get(
    '/workbench/home',
    {
      schema: {
        operationId: 'getResidentHome',
        tags,
        summary: 'The resident’s phone home: the full address of each home, their open demands and their community’s notice board',
        response: { 200: ResidentHome, ...errorResponses(401) },
      },
    },
    async (request) => readResidentHome(db, requireContext(request).actor),
  );
}
