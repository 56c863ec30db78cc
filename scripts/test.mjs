#!/usr/bin/env node
// `npm test`: lint, type-check, build the web app (the browser tests use it), then every Vitest
// project: unit and service tests on PGlite and on PostgreSQL, and the browser tests on PGlite.
// PostgreSQL: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const started = Date.now();
const steps = [];

function run(name, cmd, args, env = {}) {
  const t = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - t) / 1000).toFixed(1);
  steps.push(`${name} ${seconds} s`);
  if (res.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${res.status ?? res.signal}) after ${seconds} s`);
    process.exit(res.status ?? 1);
  }
}

run('lint', 'npx', ['biome', 'check', '.']);
run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
if (fs.existsSync('apps/web/tsconfig.json')) run('typecheck web', 'npx', ['tsc', '-p', 'apps/web/tsconfig.json', '--noEmit']);
run('build web', 'node', ['--import', 'tsx', 'apps/server/src/cli/build-web.ts', '--force']);
fs.mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
// The projects of `npm test`; e2e-postgres (the browser tests on PostgreSQL) runs on demand, see README.
const extra = process.argv.slice(2);
const projects = extra.some((a) => a.startsWith('--project')) ? [] : ['pglite', 'postgres', 'e2e-pglite'].flatMap((p) => ['--project', p]);
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...projects, ...extra],
  {
    stdio: 'inherit',
  },
);
let summary = '';
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : '');
} catch {
  summary = '0 passed, 1 failed';
}
console.log(`\nsteps: ${steps.join(' · ')} · vitest ${((Date.now() - started) / 1000).toFixed(0)} s total`);
console.log(`tests: ${summary}`);
process.exit(vitest.status ?? 1);
