import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses, type ModuleDeps, requireContext } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { DepartmentList } from './contract.ts';
import { DepartmentRepository } from './department.repository.ts';

const tags = ['demands'];
const errors = errorResponses(400, 403, 404, 409, 422);

export async function departmentRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/departments',
    {
      schema: {
        operationId: 'listDepartments',
        tags,
        summary: 'County departments (handling units at the department level)',
        response: { 200: DepartmentList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return { items: await new DepartmentRepository(db).list(ctx.actor.tenantId) };
    },
  );
}
