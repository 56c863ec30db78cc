// Run by the server on its first start in embedded mode (first-start.ts): creates and migrates the
// database under DATA_DIR, generates the personal-data key, loads the demo county and exits. The
// server opens the directory only afterwards, so it never holds the load's peak memory (the WASM heap
// of PGlite grows during the load and never shrinks). Progress goes to stdout as the server prints
// it, and to the parent process (IPC) for its loading page.
import { loadConfig } from '@linli/core';
import { bulkLoadSettings } from '@linli/db';
import { isDemoNeeded, loadDemo } from '@linli/demo';
import { modules } from '../modules.ts';
import { openRuntime, progressPrinter } from '../runtime.ts';

const config = loadConfig();
const print = progressPrinter('demo');
const send = (message: unknown) => process.send?.(message);
try {
  const { deps, database, keyGenerated, masterKey } = await openRuntime(config, console.log, bulkLoadSettings);
  try {
    if (keyGenerated) {
      console.log(
        `personal-data key generated in ${config.dataDir}/secret.key — back it up: without it stored phone and ID numbers cannot be read`,
      );
    }
    if (await isDemoNeeded(database)) {
      console.log('empty database: loading the demo county 高密市 (first start only)');
      const summary = await loadDemo(
        { database, cipher: deps.cipher, masterKey },
        {
          onProgress: (step, done, total) => {
            print(step, done, total);
            send({ type: 'progress', step, done, total });
          },
          modules,
        },
      );
      console.log(`demo loaded in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
    }
  } finally {
    await database.close();
  }
  process.exit(0);
} catch (err) {
  console.error(`Linli cannot start: ${(err as Error).message}`);
  process.exit(1);
}
