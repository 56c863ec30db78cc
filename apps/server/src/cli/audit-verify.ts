import { loadConfig, verifyAuditChain } from '@linli/core';
import { openRuntime } from '../runtime.ts';

// `npm run audit:verify [tenantId]`: recomputes the hash chain of every tenant (or one) and exits 1
// when a record was changed, removed or inserted.
const tenantId = process.argv[2];
const { database } = await openRuntime(loadConfig(), () => undefined);
try {
  const started = performance.now();
  const result = await verifyAuditChain(database.db, {
    tenantId,
    onProgress: (t, checked) => process.stderr.write(`\rverifying ${t}: ${checked} records`),
  });
  process.stderr.write('\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.breaks.length === 0) {
    console.log(`audit trail intact: ${result.checked} records verified in ${seconds} s`);
  } else {
    console.log(`audit trail BROKEN: ${result.breaks.length} problem(s) in ${result.checked} records`);
    for (const b of result.breaks) console.log(`  tenant ${b.tenantId} seq ${b.seq}: ${b.reason}`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
