import type { ReferenceKind } from '@linli/core';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';

/** A property company named by id in a request (requireReferences): in scope where its community is. */
export const propertyCompanyReference: ReferenceKind = {
  name: 'property_company',
  noun: 'Property company',
  from: sql`property_company x JOIN ${territorySql.nodes('n')} ON n.tenant_id = x.tenant_id AND n.id = x.community_id`,
  path: sql`n.path`,
};

/** A property contract named by id in a request: in scope where its compound is. */
export const propertyContractReference: ReferenceKind = {
  name: 'property_contract',
  noun: 'Property contract',
  from: sql`property_contract x JOIN ${territorySql.nodes('n')} ON n.tenant_id = x.tenant_id AND n.id = x.compound_id`,
  path: sql`n.path`,
};
