import { AppError, loadConfig } from '@linli/core';
import { installationKeys, restoreBackup } from '../operations/backup.ts';

// `npm run restore -- FILE`: restores a backup made by `npm run backup` into an empty DATA_DIR
// (embedded) or an empty database (DATABASE_URL), then compares row counts and audit heads with
// the backup. Run `npm run audit:verify` afterwards to recompute the audit trail.
const archive = process.argv[2];
if (!archive) {
  console.error('usage: npm run restore -- <backup file>');
  process.exit(2);
}
const config = loadConfig();
let exitCode = 0;
try {
  const result = await restoreBackup({ archive, config, keys: installationKeys(config), onProgress: (s) => console.log(`restore: ${s}`) });
  console.log(`restored the backup of ${result.manifest.createdAt} (${result.manifest.driver})`);
  for (const k of result.keysWritten) console.log(`  ${k} key written from the archive`);
  if (result.countMismatches.length) {
    exitCode = 1;
    for (const c of result.countMismatches) console.log(`  MISMATCH ${c.table}: ${c.actual} rows, backup had ${c.expected}`);
  } else {
    console.log(`  row counts of ${Object.keys(result.manifest.counts).length} tables match the backup`);
  }
  if (!result.auditHeadsMatch) {
    exitCode = 1;
    console.log('  MISMATCH: the audit chain heads differ from the backup');
  } else {
    console.log('  audit chain heads match the backup; run `npm run audit:verify` to recompute the chain');
  }
} catch (err) {
  if (err instanceof AppError) {
    console.error(err.message);
  } else {
    console.error(`restore failed: ${(err as Error).message}`);
  }
  exitCode = 1;
}
process.exit(exitCode);
