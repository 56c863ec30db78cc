import { inScope, type ReferenceKind } from '@linli/core';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';

/**
 * An account named by id in a request (requireReferences): in a scope when one of its role grants
 * is, or when it holds none yet (as the accounts list shows them: a new account belongs to no place).
 */
export const accountReference: ReferenceKind = {
  name: 'account',
  noun: 'Account',
  from: sql`account x`,
  path: null,
  scopeCondition: (scope: string[]) =>
    sql`(EXISTS (SELECT 1 FROM role_grant g JOIN ${territorySql.nodes('n')} ON n.tenant_id = g.tenant_id AND n.id = g.node_id
                 WHERE g.tenant_id = x.tenant_id AND g.account_id = x.id AND ${inScope(sql`n.path`, scope)})
         OR NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.tenant_id = x.tenant_id AND g.account_id = x.id))`,
};
