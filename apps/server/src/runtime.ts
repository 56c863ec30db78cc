import path from 'node:path';
import { type AppConfig, AuditKeys, configureAuditKeys, loadMasterKey, type ModuleDeps, PersonalDataCipher } from '@linli/core';
import { createDatabase, type Database, type DatabaseOptions, migrate, redactUrl } from '@linli/db';
import { configureModules, migrationFolders } from './module-registry.ts';

/** Opens the configured database (PGlite under DATA_DIR, or DATABASE_URL), migrates it, loads the key. */
export async function openRuntime(
  config: AppConfig,
  log: (line: string) => void = console.log,
  /** Embedded mode: PostgreSQL settings of this session (the first-start demo load uses bulkLoadSettings). */
  settings?: DatabaseOptions['settings'],
): Promise<{ deps: ModuleDeps; database: Database; keyGenerated: boolean; masterKey: Buffer }> {
  const database = await createDatabase({ url: config.databaseUrl, dataDir: config.dataDir, settings });
  log(
    config.databaseUrl
      ? `database: PostgreSQL ${redactUrl(config.databaseUrl)}`
      : `database: embedded PGlite in ${path.join(config.dataDir, 'pgdata')}`,
  );
  try {
    const applied = await migrate(database, {
      folders: migrationFolders(),
      onApplied: (m) => log(`migration ${String(m.version).padStart(4, '0')}_${m.name} applied`),
    });
    configureModules();
    if (applied.length === 0) log('migrations: up to date');
    const { key, generated } = loadMasterKey({
      envKey: process.env.LINLI_ENCRYPTION_KEY,
      keyFile: config.databaseUrl
        ? process.env.LINLI_ENCRYPTION_KEY_FILE
        : (process.env.LINLI_ENCRYPTION_KEY_FILE ?? path.join(config.dataDir, 'secret.key')),
      generate: !config.databaseUrl,
    });
    // The audit chain key and checkpoint signing key come from the same master key, outside the database.
    configureAuditKeys(new AuditKeys(key));
    const deps: ModuleDeps = { database, db: database.db, cipher: new PersonalDataCipher(key), config };
    return { deps, database, keyGenerated: generated, masterKey: key };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/**
 * A one-line progress bar on a terminal, plain lines elsewhere (CI logs): there, each step's start
 * and end once, however many parts of a step report reaching their end.
 */
export function progressPrinter(
  label: string,
  out: { isTTY?: boolean; write: (text: string) => unknown } = process.stdout,
): (step: string, done: number, total: number) => void {
  let last = '';
  const printed = new Set<string>();
  return (step, done, total) => {
    const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
    const line = `${label}: ${step} ${pct}%`;
    if (line === last) return;
    last = line;
    if (out.isTTY) {
      const width = 24;
      const filled = Math.round((pct / 100) * width);
      out.write(`\r${label}: [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${step}`.padEnd(100));
      if (done >= total) out.write('\n');
    } else if ((done === 0 || done >= total) && !printed.has(line)) {
      printed.add(line);
      out.write(`${line}\n`);
    }
  };
}
