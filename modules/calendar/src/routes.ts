import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses, type ModuleDeps, requireContext, runWrite } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { CalendarRepository } from './calendar.repository.ts';
import { calendarYear, replaceCalendarYear } from './commands/replace-calendar-year.ts';
import { CalendarYear, CalendarYearParams, ReplaceCalendarBody } from './contract.ts';

const tags = ['demands'];
const errors = errorResponses(400, 401, 403);

/**
 * The county's working-day calendar by year: the national holidays and adjusted working days with
 * the county's overrides. Read by every signed-in user, changed by demand.configure on the county.
 */
export async function calendarRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  // Sign-in first, so a caller without a session learns that before any validation error.
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/demand-calendar/:year',
    {
      schema: {
        operationId: 'getWorkingCalendar',
        tags,
        summary: 'Working-day calendar of a year: holidays, adjusted working days (调休) and the county’s overrides',
        params: CalendarYearParams,
        response: { 200: CalendarYear, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const overrides = await new CalendarRepository(db).overrides(ctx.actor.tenantId, request.params.year);
      return calendarYear(request.params.year, overrides);
    },
  );

  app.put(
    '/demand-calendar/:year',
    {
      schema: {
        operationId: 'replaceWorkingCalendar',
        tags,
        summary: 'Replace the county’s overrides of a year (demand.configure on the county; audited)',
        params: CalendarYearParams,
        body: ReplaceCalendarBody,
        response: { 200: CalendarYear, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return runWrite(db, (tx) => replaceCalendarYear(tx, ctx, request.params.year, request.body));
    },
  );
}
