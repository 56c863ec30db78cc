import { loadConfig } from '@linli/core';
import { resetDemo } from '@linli/demo';
import { modules } from '../modules.ts';
import { openRuntime, progressPrinter } from '../runtime.ts';

// `npm run demo:reset`: empties all tenant data and loads the demo county again. Stop the server first
// in embedded mode (the data directory serves one process).
const { deps, database } = await openRuntime(loadConfig());
try {
  const summary = await resetDemo({ database, cipher: deps.cipher }, { onProgress: progressPrinter('demo'), modules });
  console.log(`demo reloaded in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
} finally {
  await database.close();
}
