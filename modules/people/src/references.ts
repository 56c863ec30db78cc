import type { ReferenceKind } from '@linli/core';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';

/** A resident named by id in a request (requireReferences): in scope where their household is. */
export const residentReference: ReferenceKind = {
  name: 'resident',
  noun: 'Resident',
  from: sql`resident x JOIN ${territorySql.nodes('n')} ON n.tenant_id = x.tenant_id AND n.id = x.household_id`,
  path: sql`n.path`,
};
