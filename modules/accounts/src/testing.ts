import { hashPassword, newId, type Role } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';

export const TEST_PASSWORD = 'Test@2026pass';
let cachedHash: string | undefined;

/** Test factory: an account with role grants, password TEST_PASSWORD unless given. */
export async function createAccount(
  db: Db,
  input: {
    tenantId: string;
    username: string;
    password?: string;
    displayName?: string;
    grants?: { role: Role; nodeId: string }[];
    mustChangePassword?: boolean;
  },
): Promise<{ id: string; username: string; password: string }> {
  const password = input.password ?? TEST_PASSWORD;
  if (password === TEST_PASSWORD && !cachedHash) cachedHash = await hashPassword(TEST_PASSWORD);
  const hash = password === TEST_PASSWORD && cachedHash ? cachedHash : await hashPassword(password);
  const id = newId();
  await db.execute(sql`INSERT INTO account (id, tenant_id, username, display_name, password_hash, must_change_password)
    VALUES (${id}, ${input.tenantId}, ${input.username}, ${input.displayName ?? input.username}, ${hash}, ${input.mustChangePassword ?? false})`);
  for (const g of input.grants ?? []) {
    await db.execute(
      sql`INSERT INTO role_grant (tenant_id, id, account_id, role, node_id) VALUES (${input.tenantId}, ${newId()}, ${id}, ${g.role}, ${g.nodeId})`,
    );
  }
  return { id, username: input.username, password };
}
