import type { ModuleDeps } from '@linli/core';
import type { FastifyInstance } from 'fastify';

export async function urbanCasesRoutes(_fastify: FastifyInstance, _deps: ModuleDeps): Promise<void> {}
