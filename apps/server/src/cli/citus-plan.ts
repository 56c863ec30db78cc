import { loadConfig } from '@linli/core';
import { citusPlan, createDatabase, tenantKeyViolations } from '@linli/db';

// `npm run citus:plan`: prints the statements that distribute this schema on a Citus cluster
// (reference tables, then every tenant-owned table by tenant_id, colocated), read from the migrated
// database named by DATABASE_URL. See docs/deploy.md, "Many counties on Citus".
const config = loadConfig();
const database = await createDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
let exitCode = 0;
try {
  const violations = await database.withConnection((conn) => tenantKeyViolations(conn));
  if (violations.length) {
    console.error(`the schema breaks the tenant key rule; fix these first:\n  ${violations.join('\n  ')}`);
    exitCode = 1;
  } else {
    console.log('-- Linli: distribute by county (tenant_id). Run on the coordinator after `npm run migrate`.');
    console.log('BEGIN;');
    for (const line of await database.withConnection((conn) => citusPlan(conn))) console.log(line);
    console.log('COMMIT;');
  }
} finally {
  await database.close();
}
process.exit(exitCode);
