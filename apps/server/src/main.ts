import { loadConfig, writeAuditCheckpoints } from '@linli/core';
import { startJobs } from '@linli/core/scheduler';
import { maintainTables } from '@linli/db';
import {
  DEMO_PASSWORD,
  type DemoAccount,
  demoAccounts,
  isCountyLoaded,
  isDemoLoaded,
  isDemoNeeded,
  loadDemo,
  loadMoreCounties,
  moreDemoCounties,
} from '@linli/demo';
import { buildApp } from './app.ts';
import { isFreshDataDir, loadDemoInChild } from './first-start.ts';
import { moduleJobs } from './module-registry.ts';
import { modules } from './modules.ts';
import { openRuntime, progressPrinter } from './runtime.ts';

const started = performance.now();
const config = loadConfig();
// First start in embedded mode: a child process creates the database and loads the demo, then exits,
// so this process opens a database that never held the load's peak memory.
let loadingPage: { close: () => Promise<void> } | undefined;
if (process.env.LINLI_DEMO !== 'false' && isFreshDataDir(config)) {
  loadingPage = await loadDemoInChild(config).catch((err: Error) => {
    console.error(`Linli cannot start: ${err.message}`);
    process.exit(1);
  });
}
const { deps, database, keyGenerated } = await openRuntime(config).catch((err: Error) => {
  // Start-up problems (data directory in use, database unreachable, changed migration, bad key)
  // are configuration errors: say what is wrong, without a stack trace.
  console.error(`Linli cannot start: ${err.message}`);
  process.exit(1);
});

if (keyGenerated) {
  console.log(
    `personal-data key generated in ${config.dataDir}/secret.key — back it up: without it stored phone and ID numbers cannot be read`,
  );
}
if (process.env.LINLI_DEMO !== 'false' && (await isDemoNeeded(database))) {
  console.log('empty database: loading the demo county 高密市 (first start only)');
  const summary = await loadDemo({ database, cipher: deps.cipher }, { onProgress: progressPrinter('demo'), modules });
  console.log(`demo loaded in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
}

// A signed checkpoint of every audit chain head that moved since the last one, outside the database:
// at start (so an upgraded installation is checkpointed before anything else is written), then
// every AUDIT_CHECKPOINT_MINUTES by the job below.
await writeAuditCheckpoints(database.db, config.auditCheckpoints.dir).catch((err: Error) =>
  console.error(`audit checkpoint not written to ${config.auditCheckpoints.dir}: ${err.message}`),
);

const app = await buildApp({ deps, logger: { level: config.logLevel } });
// Background jobs: those the manifests declare (deadlines, the outbox dispatcher, the audit checkpoint …), and the
// table maintenance of embedded PGlite. Built before listening, so a wrong job setting (e.g. of a
// notification channel) stops start-up; LINLI_JOBS=false does not start them.
const declaredJobs = (() => {
  try {
    return moduleJobs({ ...deps, log: app.log }, modules);
  } catch (err) {
    console.error(`Linli cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
})();
await loadingPage?.close();
await app.listen({ port: config.port, host: config.host });
const jobs =
  process.env.LINLI_JOBS === 'false'
    ? undefined
    : startJobs(
        [
          ...declaredJobs,
          // Embedded PGlite has no autovacuum: ANALYZE and VACUUM by its rules (PostgreSQL does its own).
          ...(database.driver === 'pglite' ? [{ name: 'table-maintenance', intervalMs: 60_000, run: () => maintainTables(database) }] : []),
        ],
        app.log,
      );

// Statistics first of all after a demo load or an import done while the server was down.
if (database.driver === 'pglite' && process.env.LINLI_JOBS !== 'false') {
  maintainTables(database).catch((err: unknown) => app.log.error({ err }, 'table maintenance failed'));
}

const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
const url = `http://${shown}:${config.port}`;
const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
console.log(`\nLinli 邻里 is running at ${url}  (API docs ${url}/api/docs)`);
console.log(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s, memory ${rss} MiB`);
if (database.driver === 'pglite') console.log('embedded mode: one process per DATA_DIR; use DATABASE_URL (PostgreSQL) to run several');
const printAccounts = (list: readonly DemoAccount[]) => {
  for (const a of list) console.log(`  ${a.username.padEnd(12)} ${a.role.padEnd(24)} ${a.scope}  ${a.description}`);
};
let stopping = false;
if (await isDemoLoaded(database)) {
  console.log(`\ndemo accounts (password ${DEMO_PASSWORD}):`);
  printAccounts(demoAccounts);
  for (const county of moreDemoCounties) if (await isCountyLoaded(database, county)) printAccounts(county.accounts);
  // The other demo counties load beside the running server, one transaction each: 高密市 works meanwhile.
  if (process.env.LINLI_DEMO !== 'false') {
    void loadMoreCounties(
      { database, cipher: deps.cipher },
      { modules, onProgress: progressPrinter('demo', { write: (text) => process.stdout.write(text) }) },
    ).then(
      (loaded) => {
        for (const c of loaded) {
          console.log(`demo county ${c.name} loaded in ${(c.elapsedMs / 1000).toFixed(1)} s; its accounts (password ${DEMO_PASSWORD}):`);
          printAccounts(moreDemoCounties.find((m) => m.name === c.name)?.accounts ?? []);
        }
      },
      (err: Error) => {
        if (!stopping) app.log.error({ err }, 'loading the other demo counties failed');
      },
    );
  }
} else if (!(await isDemoNeeded(database))) {
  console.log('sign in with the accounts made by `npm run tenant:init`');
} else {
  console.log('empty database: create a county and its first administrator with `npm run tenant:init` (see docs/deploy.md)');
}

async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info(`${signal}: shutting down`);
  await jobs?.stop();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
