import type { ReferenceKind } from '@linli/core';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';

/** A grid named by id in a request (requireReferences): in scope where its community is. */
export const gridReference: ReferenceKind = {
  name: 'grid',
  noun: 'Grid',
  from: sql`grid x JOIN ${territorySql.nodes('n')} ON n.tenant_id = x.tenant_id AND n.id = x.community_id`,
  path: sql`n.path`,
};
