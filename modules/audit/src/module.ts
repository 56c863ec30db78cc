import type { App, ModuleManifest } from '@linli/core';
import { auditRoutes } from './routes.ts';

export const auditModule: ModuleManifest = {
  name: 'audit',
  description: 'Read and verify the hash-chained audit trail (audit admin only).',
  routes: (app, deps) => auditRoutes(app as unknown as App, deps),
};
