import type { ModuleManifest } from '@linli/core';
import { smartIntakeRoutes } from './routes.ts';

/**
 * Smart intake: category and level suggestion while a demand is taken in, similar demands, hot spots
 * and monthly themes.
 */
export const demandSmartModule: ModuleManifest = {
  name: 'demand-smart',
  description: 'Smart intake: category and level suggestion, similar demands, hot spots and monthly themes',
  routes: smartIntakeRoutes,
};
