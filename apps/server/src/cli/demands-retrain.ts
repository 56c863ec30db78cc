import { loadConfig } from '@linli/core';
import { rows } from '@linli/db';
import { retrainClassifier } from '@linli/demand-smart';
import { sql } from 'drizzle-orm';
import { openRuntime } from '../runtime.ts';

// `npm run demands:retrain [tenantId …]`: retrains the demand category and level classifier of the
// given tenants (all when none is given) on their handled demands — or the built-in corpus when a
// tenant has fewer than 200 — and prints the held-out accuracy. Audited as `cli:demands:retrain`.
// A running server picks up the new model on its next suggestion (it compares the model id).
const wanted = process.argv.slice(2);
const { database } = await openRuntime(loadConfig(), () => undefined);
try {
  const tenants = (await rows<{ tenant_id: string }>(database.db, sql`SELECT tenant_id FROM tenant ORDER BY tenant_id`)).map(
    (t) => t.tenant_id,
  );
  const unknown = wanted.filter((t) => !tenants.includes(t));
  if (unknown.length > 0) {
    console.error(`unknown tenant(s): ${unknown.join(', ')} (known: ${tenants.join(', ') || 'none'})`);
    process.exitCode = 1;
  } else {
    for (const tenantId of wanted.length > 0 ? wanted : tenants) {
      const started = performance.now();
      const s = await retrainClassifier(database.db, { system: 'cli:demands:retrain', tenantId });
      const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
      console.log(
        `${tenantId}: ${s.source} model on ${s.sampleSize} demands (${s.tenantSamples} handled in the county, ${s.minTenantSamples} needed), ` +
          `vocabulary ${s.vocabularySize}; held-out category ${pct(s.category.accuracy)} (top 3 ${pct(s.category.top3Accuracy)}, ` +
          `majority ${pct(s.category.majorityBaseline)}), level ${pct(s.level.accuracy)} (majority ${pct(s.level.majorityBaseline)}) ` +
          `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  }
} finally {
  await database.close();
}
