import type { App, ModuleManifest } from '@linli/core';
import { installAuthentication } from './authenticate.ts';
import { accountRoutes } from './routes.ts';

export const accountsModule: ModuleManifest = {
  name: 'accounts',
  description: 'Sign-in, sessions, accounts and role grants on territory subtrees.',
  setup: (app, deps) => installAuthentication(app, deps.db, deps.config),
  routes: (app, deps) => accountRoutes(app as unknown as App, deps),
};
