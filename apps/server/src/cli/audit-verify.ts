import { auditKeys, loadConfig, readAuditCheckpoints, verifyAuditChain, writeAuditCheckpoints } from '@linli/core';
import { openRuntime } from '../runtime.ts';

// `npm run audit:verify [tenantId] [-- --checkpoint]`: recomputes the hash chain of every tenant (or
// one) — keyed with the audit key derived from the master key — checks it against every signed
// checkpoint in AUDIT_CHECKPOINT_DIR, and exits 1 when a record was changed, removed or inserted,
// when the chain no longer passes through a checkpointed head, or when a checkpoint file was
// changed. With --checkpoint, an intact chain's heads are then checkpointed (signed files).
const args = process.argv.slice(2);
const writeCheckpoint = args.includes('--checkpoint');
const tenantId = args.find((a) => !a.startsWith('--'));
const config = loadConfig();
const { database } = await openRuntime(config, () => undefined);
try {
  const started = performance.now();
  const dir = config.auditCheckpoints.dir;
  const { checkpoints, problems } = await readAuditCheckpoints(dir, { tenantId });
  const keys = auditKeys();
  console.log(`checkpoints: ${checkpoints.length} in ${dir}; signing key fingerprint ${keys.fingerprint}`);
  const result = await verifyAuditChain(database.db, {
    tenantId,
    checkpoints,
    onProgress: (t, checked) => process.stderr.write(`\rverifying ${t}: ${checked} records`),
  });
  process.stderr.write('\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const broken = result.breaks.length > 0 || problems.length > 0;
  if (!broken) {
    console.log(
      `audit trail intact: ${result.checked} records verified in ${seconds} s against ${checkpoints.length} signed checkpoint(s)`,
    );
  } else {
    console.log(`audit trail BROKEN: ${result.breaks.length + problems.length} problem(s) in ${result.checked} records`);
    for (const b of result.breaks) console.log(`  tenant ${b.tenantId} seq ${b.seq}: ${b.reason}`);
    for (const p of problems) console.log(`  checkpoint ${p.file}: ${p.reason}`);
    process.exitCode = 1;
  }
  if (writeCheckpoint) {
    if (broken) {
      console.log('no checkpoint written: a checkpoint of a broken chain would vouch for it');
    } else {
      const written = await writeAuditCheckpoints(database.db, dir, { tenantId, force: true });
      for (const c of written) console.log(`checkpoint written: tenant ${c.tenantId} seq ${c.seq} hash ${c.hash} → ${c.file}`);
      console.log(`public key ${keys.publicKeyBase64} (fingerprint ${keys.fingerprint})`);
    }
  }
} finally {
  await database.close();
}
