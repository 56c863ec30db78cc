import type { ModuleDeps } from '@linli/core';
import type { FastifyInstance } from 'fastify';

export async function trainingRoutes(_app: FastifyInstance, _deps: ModuleDeps): Promise<void> {}
