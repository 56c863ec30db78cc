import { type Db, one } from '@linli/db';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';

export interface SessionRow {
  token_hash: string;
  account_id: string;
  tenant_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  username: string;
  display_name: string;
  status: string;
  password_changed_at: Date;
  must_change_password: boolean;
  tenant_name: string;
  grants: { id: string; role: string; nodeId: string; path: string; nodeName: string; nodeKind: string }[];
}

export const sessionRepository = {
  create(
    db: Db,
    s: {
      tokenHash: string;
      accountId: string;
      tenantId: string;
      csrfToken: string;
      absoluteMinutes: number;
      clientIp: string | null;
      userAgent: string | null;
    },
  ) {
    return db.execute(sql`INSERT INTO session (token_hash, account_id, tenant_id, csrf_token, expires_at, client_ip, user_agent)
      VALUES (${s.tokenHash}, ${s.accountId}, ${s.tenantId}, ${s.csrfToken}, now() + make_interval(mins => ${s.absoluteMinutes}),
              ${s.clientIp}, ${s.userAgent})`);
  },

  find(db: Db, tokenHash: string) {
    return one<SessionRow>(
      db,
      // Session, account, tenant and the role grants with their node paths in one round trip:
      // this runs before every API request.
      sql`SELECT s.*, a.username, a.display_name, a.status, a.password_changed_at, a.must_change_password, t.name AS tenant_name,
            COALESCE((SELECT json_agg(json_build_object('id', g.id, 'role', g.role, 'nodeId', g.node_id, 'path', n.path::text,
                                                        'nodeName', n.name, 'nodeKind', n.kind) ORDER BY n.depth, g.role)
                      FROM role_grant g JOIN ${territorySql.nodes('n')} ON n.tenant_id = g.tenant_id AND n.id = g.node_id
                      WHERE g.tenant_id = s.tenant_id AND g.account_id = s.account_id), '[]'::json) AS grants
          FROM session s JOIN account a ON a.id = s.account_id JOIN tenant t ON t.tenant_id = s.tenant_id
          WHERE s.token_hash = ${tokenHash}`,
    );
  },

  /** Sliding idle window; the caller writes it at most once a minute per session to spare the database. */
  touch(db: Db, tokenHash: string) {
    return db.execute(sql`UPDATE session SET last_seen_at = now() WHERE token_hash = ${tokenHash}`);
  },

  revoke(db: Db, tokenHash: string) {
    return db.execute(sql`UPDATE session SET revoked_at = now() WHERE token_hash = ${tokenHash} AND revoked_at IS NULL`);
  },

  revokeAllOf(db: Db, accountId: string, exceptTokenHash?: string) {
    return db.execute(
      sql`UPDATE session SET revoked_at = now() WHERE account_id = ${accountId} AND revoked_at IS NULL
          AND token_hash <> ${exceptTokenHash ?? ''}`,
    );
  },
};
