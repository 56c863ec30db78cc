import type { ReferenceKind } from '@linli/core';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';

/** An organisation named by id in a request (requireReferences): in scope where it is registered. */
export const organisationReference: ReferenceKind = {
  name: 'organisation',
  noun: 'Organisation',
  from: sql`organisation x JOIN ${territorySql.nodes('n')} ON n.tenant_id = x.tenant_id AND n.id = x.node_id`,
  path: sql`n.path`,
};
