import type { ModuleManifest } from '@linli/core';
import { peopleRoutes } from './routes.ts';

/**
 * People (居民): residents in households with tags and encrypted, masked contact data; audited
 * unmasking; building and entrance leaders.
 */
export const peopleModule: ModuleManifest = {
  name: 'people',
  description: 'Residents in households (masked personal data, audited reveal) and building / entrance leaders',
  routes: peopleRoutes,
};
