import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { resolutionsAbilities } from './abilities.ts';
import { seedResolutionsDemo } from './demo.ts';
import { resolutionsErrors } from './errors.ts';
import { publicNoticeRoutes } from './public.routes.ts';
import { resolutionsRoutes } from './routes.ts';

/**
 * Resolutions (决议): what deliberation adopted, carried out as tasks with owners, deadlines and
 * progress, supervised monthly by each compound's committee and published with an objection period.
 */
export const resolutionsModule: ModuleManifest = {
  name: 'resolutions',
  description: '决议落实：议事协商形成的决议、任务与进度，小区事务监督委员会“一事一月一评一公示”，居民异议、满意度与好意见金点子',
  routes: async (app, deps) => {
    // Each group is its own plugin: the signed-in routes' hook stays off the public page.
    await app.register(async (child) => resolutionsRoutes(child, deps));
    await app.register(async (child) => publicNoticeRoutes(child, deps));
  },
  abilities: resolutionsAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: resolutionsErrors,
  demo: seedResolutionsDemo,
  tables: [
    'supervision_committee',
    'supervision_member',
    'resolution',
    'resolution_task',
    'resolution_photo',
    'resolution_milestone',
    'resolution_evaluation',
    'resolution_publication',
    'resolution_objection',
    'resolution_survey',
    'resolution_idea',
  ],
  reads: ['demand', 'account', 'role_grant'],
  territoryRefs: {
    nodes: [
      {
        table: 'resolution',
        column: 'node_id',
        kinds: ['compound', 'community', 'subdistrict'],
        onMerge: 'repoint',
        label: { 'zh-CN': '决议', 'en-US': 'resolutions' },
      },
      {
        table: 'supervision_committee',
        column: 'node_id',
        kinds: ['compound'],
        onMerge: 'refuse',
        label: { 'zh-CN': '小区事务监督委员会', 'en-US': 'supervision committees' },
      },
      {
        table: 'resolution_publication',
        column: 'node_id',
        kinds: ['compound', 'community', 'subdistrict'],
        onMerge: 'refuse',
        label: { 'zh-CN': '决议公示', 'en-US': 'resolution notices' },
      },
      {
        table: 'resolution_idea',
        column: 'node_id',
        kinds: ['compound', 'community', 'subdistrict'],
        onMerge: 'repoint',
        label: { 'zh-CN': '好意见金点子', 'en-US': 'good ideas' },
      },
    ],
  },
};
