import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import { AppError, checkPasswordPolicy, hashPassword, newId, type PasswordPolicy, recordAudit } from '@linli/core';
import type { Db } from '@linli/db';
import { one } from '@linli/db';
import { territory } from '@linli/territory';
import { importDivisions } from '@linli/territory/commands/import-divisions';
import { shippedDivisionFiles } from '@linli/territory/shipped-divisions';
import { sql } from 'drizzle-orm';

/**
 * Sets up a real county on an empty (or shared) database: the tenant, its subdistricts and
 * communities from the national division codes, and its first accounts, each with a one-time
 * password that must be changed at first login. Run by the county's IT person from the command line
 * (`npm run tenant:init`), audited as the system. Everything is checked first and written in one
 * transaction: a taken user name or a county without division rows changes nothing.
 */
export type SetupRole = 'system_admin' | 'security_admin' | 'audit_admin';

export interface InitTenantInput {
  /** The county's 6-digit GB/T 2260 code, the tenant id. */
  code: string;
  name: string;
  accounts: { username: string; role: SetupRole; displayName?: string }[];
  /** Division files (NBS township file first, then village file); the shipped ones by default. */
  divisionFiles?: string[];
}

export interface InitTenantResult {
  tenantCreated: boolean;
  territoryNodes: number;
  accounts: { username: string; role: SetupRole; oneTimePassword: string }[];
}

const roleNames: Record<SetupRole, string> = { system_admin: '系统管理员', security_admin: '安全管理员', audit_admin: '审计管理员' };

export async function initTenant(db: Db, policy: PasswordPolicy, input: InitTenantInput): Promise<InitTenantResult> {
  if (!/^\d{6}$/.test(input.code)) throw AppError.invalid([{ field: 'code', reason: 'must be the 6-digit county code (GB/T 2260)' }]);
  const name = input.name.trim();
  if (!name) throw AppError.invalid([{ field: 'name', reason: 'is empty' }]);
  if (!input.accounts.length) throw AppError.invalid([{ field: 'admin', reason: 'name at least one administrator' }]);
  const seen = new Set<string>();
  for (const a of input.accounts) {
    if (!/^[A-Za-z0-9_.@-]{3,64}$/.test(a.username)) {
      throw AppError.invalid([{ field: 'username', reason: '3 to 64 letters, digits or _ . @ -', value: a.username }]);
    }
    if (seen.has(a.username)) throw AppError.invalid([{ field: 'username', reason: 'named twice', value: a.username }]);
    seen.add(a.username);
  }
  const csvTexts = (input.divisionFiles ?? shippedDivisionFiles).map((file) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw AppError.invalid([{ field: 'divisions', reason: `cannot read ${file}: ${(err as Error).message}` }]);
    }
  });
  const accounts = await Promise.all(
    input.accounts.map(async (a) => {
      const oneTimePassword = generatePassword(policy);
      checkPasswordPolicy(oneTimePassword, policy, a.username);
      return { ...a, oneTimePassword, hash: await hashPassword(oneTimePassword), id: newId() };
    }),
  );

  return db.transaction(async (tx) => {
    const existing = await one<{ name: string }>(tx, sql`SELECT name FROM tenant WHERE tenant_id = ${input.code}`);
    if (existing && existing.name !== name) {
      throw AppError.conflict(`County ${input.code} exists as ${existing.name}`, { field: 'name' });
    }
    if (!existing) await tx.execute(sql`INSERT INTO tenant (tenant_id, name) VALUES (${input.code}, ${name})`);
    // Only the rows of this county are read from each file; re-running updates and never duplicates.
    for (const csvText of csvTexts) await importDivisions(tx, { tenantId: input.code, csvText });
    const county = await territory.countyRoot(tx, input.code);
    if (!county) throw AppError.invalid([{ field: 'divisions', reason: `no division rows of county ${input.code}` }]);
    for (const a of accounts) {
      const taken = await one<{ id: string }>(tx, sql`SELECT id FROM account WHERE username = ${a.username}`);
      if (taken) throw AppError.conflict(`The user name ${a.username} is taken`, { field: 'username' });
      await tx.execute(sql`INSERT INTO account (id, tenant_id, username, display_name, password_hash, must_change_password)
        VALUES (${a.id}, ${input.code}, ${a.username}, ${a.displayName ?? a.username}, ${a.hash}, true)`);
      await tx.execute(sql`INSERT INTO role_grant (tenant_id, id, account_id, role, node_id)
        VALUES (${input.code}, ${newId()}, ${a.id}, ${a.role}, ${county.id})`);
    }
    const nodes = await territory.nodeCount(tx, input.code);
    await recordAudit(tx, [
      ...(existing
        ? []
        : [
            {
              tenantId: input.code,
              actorName: 'system',
              action: 'tenant.init',
              targetType: 'tenant',
              targetId: input.code,
              details: { name },
            },
          ]),
      ...accounts.map((a) => ({
        tenantId: input.code,
        actorName: 'system',
        action: 'account.create',
        targetType: 'account',
        targetId: a.id,
        details: { username: a.username, role: a.role, roleName: roleNames[a.role], mustChangePassword: true },
      })),
    ]);
    return {
      tenantCreated: !existing,
      territoryNodes: nodes,
      accounts: accounts.map((a) => ({ username: a.username, role: a.role, oneTimePassword: a.oneTimePassword })),
    };
  });
}

/**
 * A one-time password: 16 characters from four classes, drawn with a cryptographic generator,
 * without look-alike characters (0/O, 1/l/I) because it is read off a screen and typed once.
 */
export function generatePassword(policy: PasswordPolicy): string {
  const classes = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!#%+-=?@'];
  const length = Math.max(16, policy.minLength);
  const chars = classes.map((c) => c[randomInt(c.length)] as string);
  const all = classes.join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
