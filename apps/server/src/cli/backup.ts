import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@linli/core';
import { createDatabase } from '@linli/db';
import { createBackup, installationKeys } from '../operations/backup.ts';

// `npm run backup [-- --out FILE] [--include-keys]`: the database, the uploaded files and a check
// of the keys, in one archive (default DATA_DIR/backups/linli-<time>.tar). Embedded mode: stop the
// server first (the data directory serves one process). PostgreSQL: runs beside the server
// (pg_dump takes one consistent snapshot); needs the PostgreSQL client tools.
// Keys stay out of the archive unless --include-keys: keep them apart from the backups.
const { values } = parseArgs({ options: { out: { type: 'string' }, 'include-keys': { type: 'boolean' } } });
const config = loadConfig();
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const outFile = path.resolve(values.out ?? path.join(config.dataDir, 'backups', `linli-${stamp}.tar`));
let exitCode = 0;
try {
  const database = await createDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    const manifest = await createBackup({
      database,
      config,
      outFile,
      keys: installationKeys(config),
      includeKeys: values['include-keys'],
      onProgress: (step) => console.log(`backup: ${step}`),
    });
    const rowsTotal = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
    console.log(`backup written to ${outFile}`);
    console.log(`  ${Object.keys(manifest.counts).length} tables, ${rowsTotal} rows, ${manifest.files} uploaded files`);
    for (const h of manifest.auditHeads) console.log(`  audit trail of ${h.tenantId}: ${h.seq} records, head ${h.hash.slice(0, 16)}…`);
    for (const k of manifest.keys) {
      if (k.source === 'missing') {
        console.log(`  WARNING: no ${k.name} key found — stored personal data cannot be read after a restore without it`);
        exitCode = 1;
      } else {
        console.log(
          `  ${k.name} key (${k.source}, fingerprint ${k.fingerprint}) ${k.included ? 'INCLUDED in this archive: keep it safe' : 'not included: back it up separately'}`,
        );
      }
    }
  } finally {
    await database.close();
  }
} catch (err) {
  console.error(`backup failed: ${(err as Error).message}`);
  exitCode = 1;
}
process.exit(exitCode);
