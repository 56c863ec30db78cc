import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses, type ModuleDeps, requireContext, runWrite } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { deadlineSettings, updateDeadlineSettings } from './commands/update-deadline-settings.ts';
import { DeadlineSettings, UpdateDeadlineSettingsBody } from './contract.ts';

const tags = ['demands'];
const errors = errorResponses(400, 401, 403);

/**
 * Deadline settings of the county (automatic escalation, reopening window). Read by every
 * signed-in user, changed by demand.configure.
 */
export async function deadlineSettingsRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  // Sign-in first, so a caller without a session learns that before any validation error.
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/demand-settings',
    {
      schema: {
        operationId: 'getDemandSettings',
        tags,
        summary: 'Deadline settings of the county (automatic escalation, reopening window)',
        response: { 200: DeadlineSettings, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return deadlineSettings(db, ctx.actor.tenantId);
    },
  );

  app.patch(
    '/demand-settings',
    {
      schema: {
        operationId: 'updateDemandSettings',
        tags,
        summary: 'Change the deadline settings (demand.configure on the county; audited)',
        body: UpdateDeadlineSettingsBody,
        response: { 200: DeadlineSettings, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return runWrite(db, (tx) => updateDeadlineSettings(tx, ctx, request.body));
    },
  );
}
