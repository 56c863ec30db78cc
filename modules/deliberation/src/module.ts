import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@linli/core';
import { deliberationAbilities } from './abilities.ts';
import { seedDeliberationDemo } from './demo.ts';
import { deliberationErrors } from './errors.ts';
import { scopeRoutes } from './scope.routes.ts';
import { stationErrors } from './station-errors.ts';
import { stationRouteGroups, stationTables, stationTerritoryRefs } from './station-manifest.ts';
import { seedStationDemo } from './stations-demo.ts';
import { topicRoutes } from './topic.routes.ts';
import { visitErrors } from './visit-errors.ts';
import { visitReads, visitRouteGroups, visitTables, visitTerritoryRefs } from './visit-manifest.ts';
import { seedVisitDemo } from './visits-demo.ts';

/** Route groups of the module, each in its own file; registered in this order under /api/v1. */
const routeGroups = [topicRoutes, scopeRoutes, ...stationRouteGroups, ...visitRouteGroups];

/**
 * Deliberation (议事协商): stations where councils meet, the scope lists (正负面清单), and the topic pool
 * (议题库) with its three banks — topics from every source, screened, supported, escalated and
 * carried through to a decision and its implementation, with a timeline and KPIs; and the grids'
 * quarterly home visits (入户走访), whose households raise topics.
 */
export const deliberationModule: ModuleManifest = {
  name: 'deliberation',
  description: 'Deliberation: stations, scope lists and the topic pool with screening, support, escalation, timeline and KPIs',
  routes: async (app, deps) => {
    // Each group is its own plugin, so one group's hooks stay inside it.
    for (const group of routeGroups) await app.register(async (child) => group(child, deps));
  },
  abilities: deliberationAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: { ...deliberationErrors, ...stationErrors, ...visitErrors },
  // Stations first: the demo's topics may meet at them; the home visits of the anchor community last.
  demo: async (ctx) => {
    await seedStationDemo(ctx);
    await seedDeliberationDemo(ctx);
    await seedVisitDemo(ctx);
  },
  tables: [
    ...stationTables,
    ...visitTables,
    'deliberation_scope_kind',
    'deliberation_station_scope',
    'deliberation_scope_change',
    'deliberation_setting',
    'deliberation_topic',
    'deliberation_topic_source',
    'deliberation_topic_support',
    'deliberation_topic_adviser',
    'deliberation_topic_event',
  ],
  reads: ['demand', 'demand_category', ...visitReads],
  territoryRefs: {
    // A topic carries the path of its place: scope checks run on it.
    paths: [{ table: 'deliberation_topic', column: 'node_path' }, ...stationTerritoryRefs.paths],
    nodes: [
      ...stationTerritoryRefs.nodes,
      ...visitTerritoryRefs.nodes,
      {
        table: 'deliberation_topic',
        column: 'node_id',
        kinds: ['compound', 'community', 'subdistrict'],
        onMerge: 'repoint',
        label: { 'zh-CN': '议题', 'en-US': 'deliberation topics' },
      },
      {
        table: 'deliberation_topic_support',
        column: 'household_id',
        kinds: ['household'],
        onMerge: 'refuse',
        label: { 'zh-CN': '议题支持', 'en-US': 'topic supports' },
      },
    ],
  },
};
