import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@linli/core';
import { createDatabase, migrate, migrationStatus, redactUrl } from '@linli/db';

// `npm run migrate`: applies pending migrations (the server also does this at start-up).
//   --status   lists applied, pending and edited migrations and changes nothing
//   --dry-run  the same list, as what `npm run migrate` would apply; exit 1 if it would refuse
// Migrations need no personal-data key: the key is read only by the server and the data commands.
// The folders are those of the workspace (packages/db/migrations and modules/*/migrations), the same the
// server's manifests name (module-registry.test.ts), found without loading every module.
const { values } = parseArgs({ options: { status: { type: 'boolean' }, 'dry-run': { type: 'boolean' } } });
const config = loadConfig();
const database = await createDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
const name = (m: { version: number; name: string }) => `${String(m.version).padStart(4, '0')}_${m.name}`;
let exitCode = 0;
try {
  console.log(
    config.databaseUrl
      ? `database: PostgreSQL ${redactUrl(config.databaseUrl)}`
      : `database: embedded PGlite in ${path.join(config.dataDir, 'pgdata')}`,
  );
  if (values.status || values['dry-run']) {
    const status = await migrationStatus(database);
    console.log(`applied: ${status.applied.length}`);
    if (values.status) for (const m of status.applied) console.log(`  ✓ ${name(m)}  ${m.appliedAt.toISOString()}`);
    console.log(
      `pending: ${status.pending.length}${values['dry-run'] && status.pending.length ? ' (would be applied in this order)' : ''}`,
    );
    for (const m of status.pending) console.log(`  · ${name(m)}`);
    if (status.changed.length) {
      console.log(`edited after they were applied (start-up refuses them; add a new migration instead): ${status.changed.length}`);
      for (const m of status.changed) console.log(`  ✗ ${name(m)}`);
      exitCode = 1;
    }
    if (status.unknown.length) {
      console.log(`applied but missing from this release (the database is newer than this code): ${status.unknown.length}`);
      for (const m of status.unknown) console.log(`  ? ${name(m)}`);
    }
  } else {
    const applied = await migrate(database, (m) => console.log(`migration ${name(m)} applied`));
    if (applied.length === 0) console.log('migrations: up to date');
  }
} catch (err) {
  console.error((err as Error).message);
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
