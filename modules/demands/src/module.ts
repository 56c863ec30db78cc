import { fileURLToPath } from 'node:url';
import { createFileStore, type ModuleManifest } from '@linli/core';
import { demandAbilities } from './abilities.ts';
import { attachmentCleanupJob } from './attachment-cleanup.ts';
import { attachmentRoutes } from './attachments.routes.ts';
import { deadlineJob } from './deadline-job/deadline-job.ts';
import { demandErrors } from './errors.ts';
import { demandRoutes } from './routes.ts';
import { deadlineSettingsRoutes } from './settings.routes.ts';

/** Route groups of the module, each in its own file; registered in this order under /api/v1. */
const routeGroups = [demandRoutes, attachmentRoutes, deadlineSettingsRoutes];

/**
 * Demands (诉求): resident demands in a closed loop — intake on every channel, tiered dispatch to
 * compound / community / subdistrict / county department, deadlines, a full timeline, evaluation
 * and callbacks. KPIs and the board, 12345 import, smart intake and Open311 are sibling modules.
 */
export const demandsModule: ModuleManifest = {
  name: 'demands',
  description: 'Resident demands in a closed loop: intake, tiered dispatch, deadlines, timeline, evaluation and callbacks',
  routes: async (app, deps) => {
    // Each group is its own plugin, so one group's hooks (e.g. sign-in required) stay inside it.
    for (const group of routeGroups) await app.register(async (child) => group(child, deps));
  },
  abilities: demandAbilities,
  errors: demandErrors,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  tables: [
    'demand',
    'demand_event',
    'demand_callback',
    'demand_category',
    'demand_deadline_rule',
    'demand_deadline_notice',
    'demand_attachment',
  ],
  reads: ['department', 'tenant_calendar_day', 'demand_kpi_month'],
  territoryRefs: {
    // A demand carries the paths of its place, its handling unit and its first receiver: scope checks run on them.
    paths: [
      { table: 'demand', column: 'node_path' },
      { table: 'demand', column: 'handling_path' },
      { table: 'demand', column: 'first_receiver_path' },
    ],
    nodes: [
      { table: 'demand', column: 'node_id', onMerge: 'repoint', label: { 'zh-CN': '诉求', 'en-US': 'demands' } },
      {
        table: 'demand',
        column: 'handling_node_id',
        onMerge: 'repoint',
        label: { 'zh-CN': '诉求（承办单位）', 'en-US': 'demands (handling unit)' },
      },
      {
        table: 'demand',
        column: 'first_receiver_node_id',
        onMerge: 'repoint',
        label: { 'zh-CN': '诉求（首接单位）', 'en-US': 'demands (first receiver)' },
      },
    ],
  },
  // Deadline reminders, overdue notices and automatic escalation; clean-up of uploads never attached.
  jobs: ({ db, config }) => [deadlineJob(db), attachmentCleanupJob(db, createFileStore(config))],
};
