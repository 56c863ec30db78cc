import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { __camel__Abilities } from './abilities.ts';
import { seed__Pascal__Demo } from './demo.ts';
import { __camel__Errors } from './errors.ts';
import { __camel__Routes } from './routes.ts';

/** __Pascal__: (one line — what the module is for). */
export const __camel__Module: ModuleManifest = {
  name: '__name__',
  description: '(one line: what the module is for)',
  routes: __camel__Routes,
  abilities: __camel__Abilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: __camel__Errors,
  demo: seed__Pascal__Demo,
  tables: ['__snake___item'],
  reads: [],
  territoryRefs: {
    nodes: [
      {
        table: '__snake___item',
        column: 'community_id',
        kinds: ['community'],
        onMerge: 'repoint',
        label: { 'zh-CN': '__name__记录', 'en-US': '__name__ items' },
      },
    ],
  },
};
