import { parseArgs } from 'node:util';
import { AppError, loadConfig } from '@linli/core';
import { openRuntime } from '../runtime.ts';
import { initTenant, type SetupRole } from '../setup/init-tenant.ts';

// `npm run tenant:init -- --code 370785 --name 高密市 --admin zhangsan [--security-admin lisi] [--auditor wangwu]
//   [--divisions streets.csv --divisions villages.csv]`
// Creates a county with its subdistricts and communities and its first accounts on the configured
// database (start it with LINLI_DEMO=false so no demo is loaded). Each account gets a one-time
// password, printed once here, that must be changed at first login.
const { values } = parseArgs({
  options: {
    code: { type: 'string' },
    name: { type: 'string' },
    admin: { type: 'string' },
    'security-admin': { type: 'string' },
    auditor: { type: 'string' },
    divisions: { type: 'string', multiple: true },
  },
});
if (!values.code || !values.name || !values.admin) {
  console.error(
    'usage: npm run tenant:init -- --code <6-digit county code> --name <county name> --admin <user name>\n' +
      '         [--security-admin <user name>] [--auditor <user name>] [--divisions <NBS township csv> --divisions <village csv>]',
  );
  process.exit(2);
}
const accounts: { username: string; role: SetupRole }[] = [{ username: values.admin, role: 'system_admin' }];
if (values['security-admin']) accounts.push({ username: values['security-admin'], role: 'security_admin' });
if (values.auditor) accounts.push({ username: values.auditor, role: 'audit_admin' });

const config = loadConfig();
// Migrates and loads the keys as the server does (in embedded mode the key file is generated on a
// fresh DATA_DIR): the audit records of the set-up are keyed like every other.
const { database, keyGenerated } = await openRuntime(config, () => undefined).catch((err: Error) => {
  console.error(`tenant:init cannot open the database: ${err.message}`);
  process.exit(1);
});
if (keyGenerated) console.log(`personal-data key generated in ${config.dataDir}/secret.key — back it up`);
let exitCode = 0;
try {
  const result = await initTenant(database.db, config.passwordPolicy, {
    code: values.code,
    name: values.name,
    accounts,
    divisionFiles: values.divisions,
  });
  console.log(
    `${result.tenantCreated ? 'created' : 'updated'} county ${values.name} (${values.code}): ${result.territoryNodes} territory nodes`,
  );
  console.log('accounts (one-time passwords, shown only now; each must be changed at first login):');
  for (const a of result.accounts) console.log(`  ${a.username.padEnd(16)} ${a.role.padEnd(16)} ${a.oneTimePassword}`);
  if (!values['security-admin']) {
    console.log('note: no security admin named; accounts and grants are managed by a security admin (--security-admin).');
  }
} catch (err) {
  if (err instanceof AppError) {
    const details = Array.isArray(err.details) ? err.details : err.details ? [err.details] : [];
    console.error(`tenant:init refused: ${err.message}`);
    for (const d of details) console.error(`  ${JSON.stringify(d)}`);
  } else {
    console.error(`tenant:init failed: ${(err as Error).message}`);
  }
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
