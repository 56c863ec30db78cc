import { fileURLToPath } from 'node:url';
import type { App, ModuleManifest } from '@linli/core';
import { accountAbilities } from './abilities.ts';
import { installAuthentication } from './authenticate.ts';
import { accountErrors } from './errors.ts';
import { accountRoutes } from './routes.ts';

export const accountsModule: ModuleManifest = {
  name: 'accounts',
  description: 'Sign-in, sessions, accounts and role grants on territory subtrees.',
  setup: (app, deps) => installAuthentication(app, deps.db, deps.config),
  routes: (app, deps) => accountRoutes(app as unknown as App, deps),
  abilities: accountAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: accountErrors,
  tables: ['account', 'role_grant', 'session'],
  reads: [],
  territoryRefs: {
    nodes: [
      {
        table: 'role_grant',
        column: 'node_id',
        onMerge: 'repoint',
        uniqueWith: ['account_id', 'role'],
        label: { 'zh-CN': '角色授权', 'en-US': 'role grants' },
      },
    ],
  },
};
