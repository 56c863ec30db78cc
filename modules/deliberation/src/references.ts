import type { ReferenceKind } from '@linli/core';
import { sql } from 'drizzle-orm';

/** A topic named by id in a request (requireReferences): in scope where its place is. */
export const topicReference: ReferenceKind = {
  name: 'deliberation_topic',
  noun: 'Topic',
  from: sql`deliberation_topic x`,
  path: sql`x.node_path`,
};

/** A demand named by id (a demand escalated to deliberation): in scope where its place is. */
export const demandReference: ReferenceKind = {
  name: 'deliberation_demand',
  noun: 'Demand',
  from: sql`demand x`,
  path: sql`x.node_path`,
};

/** A demand category (county-wide), for the demand a government matter becomes. */
export const demandCategoryReference: ReferenceKind = {
  name: 'deliberation_demand_category',
  noun: 'Demand category',
  from: sql`demand_category x`,
  path: null,
  county: true,
};
