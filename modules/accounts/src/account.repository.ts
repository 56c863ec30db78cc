import type { Grant } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';

export interface AccountRow {
  id: string;
  tenant_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  password_changed_at: Date;
  must_change_password: boolean;
  status: 'active' | 'disabled';
  failed_logins: number;
  locked_until: Date | null;
  last_login_at: Date | null;
}

/** All SQL about accounts and their role grants. */
export const accountRepository = {
  findByUsername(db: Db, username: string) {
    return one<AccountRow>(db, sql`SELECT * FROM account WHERE username = ${username}`);
  },

  findById(db: Db, id: string) {
    return one<AccountRow>(db, sql`SELECT * FROM account WHERE id = ${id}`);
  },

  /** Counts a failed login atomically; locks the account when the limit is reached. */
  recordFailure(db: Db, id: string, maxFailures: number, lockMinutes: number) {
    return one<{ failed_logins: number; locked_until: Date | null }>(
      db,
      sql`UPDATE account SET
            failed_logins = CASE WHEN failed_logins + 1 >= ${maxFailures} THEN 0 ELSE failed_logins + 1 END,
            locked_until = CASE WHEN failed_logins + 1 >= ${maxFailures} THEN now() + make_interval(mins => ${lockMinutes}) ELSE locked_until END,
            updated_at = now()
          WHERE id = ${id} RETURNING failed_logins, locked_until`,
    );
  },

  recordSuccess(db: Db, id: string) {
    return db.execute(
      sql`UPDATE account SET failed_logins = 0, locked_until = NULL, last_login_at = now(), updated_at = now() WHERE id = ${id}`,
    );
  },

  /** Accounts of the tenant that hold at least one grant inside `scope`, or none at all (new accounts). */
  async list(
    db: Db,
    params: { tenantId: string; scopeFilter: SQL; q?: string; role?: string; status?: string; after?: string; limit: number },
  ) {
    const conditions: SQL[] = [sql`a.tenant_id = ${params.tenantId}`];
    if (params.q) conditions.push(sql`(a.username ILIKE ${`%${params.q}%`} OR a.display_name ILIKE ${`%${params.q}%`})`);
    if (params.status) conditions.push(sql`a.status = ${params.status}`);
    if (params.role) {
      conditions.push(
        sql`EXISTS (SELECT 1 FROM role_grant r WHERE r.tenant_id = a.tenant_id AND r.account_id = a.id AND r.role = ${params.role})`,
      );
    }
    if (params.after) conditions.push(sql`a.username > ${params.after}`);
    conditions.push(sql`(NOT EXISTS (SELECT 1 FROM role_grant r WHERE r.tenant_id = a.tenant_id AND r.account_id = a.id)
      OR EXISTS (SELECT 1 FROM role_grant r JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
                 WHERE r.tenant_id = a.tenant_id AND r.account_id = a.id AND ${params.scopeFilter}))`);
    return rows<AccountRow & { grants: Grant[] }>(
      db,
      sql`SELECT a.id, a.tenant_id, a.username, a.display_name, a.status, a.locked_until, a.last_login_at, a.password_changed_at,
            a.must_change_password, a.failed_logins,
            COALESCE((SELECT json_agg(json_build_object('id', r.id, 'role', r.role, 'nodeId', r.node_id, 'nodeName', n.name,
                        'nodeKind', n.kind, 'path', n.path::text) ORDER BY n.depth)
                      FROM role_grant r JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
                      WHERE r.tenant_id = a.tenant_id AND r.account_id = a.id), '[]'::json) AS grants
          FROM account a WHERE ${sql.join(conditions, sql` AND `)}
          ORDER BY a.username LIMIT ${params.limit}`,
    );
  },
};
