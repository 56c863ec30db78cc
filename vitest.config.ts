import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

// One id per test run, inherited by the workers: names this run's template databases.
process.env.LINLI_TEST_RUN ??= `${process.pid}_${Date.now().toString(36)}`;

const unitAndService = ['packages/**/*.test.ts', 'modules/**/*.test.ts', 'apps/server/**/*.test.ts', 'bench/**/*.test.ts'];

// A test file that never opens a database (imports no testing helper and no database) gives the same
// answer on both drivers: it runs once, in the pglite project.
const opensDatabase = /testing|test\/helpers|@linli\/db|createDatabase|LINLI_TEST_DB/;
const withoutDatabase = ['packages', 'modules', 'apps/server', 'bench']
  .flatMap((dir) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => `${dir}/${f}`))
  .filter((file) => file.endsWith('.test.ts') && !file.includes('node_modules'))
  .filter((file) => !opensDatabase.test(fs.readFileSync(file, 'utf8')));

// Every database test runs twice: on embedded PGlite and on a real PostgreSQL server.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    // Test files share their worker's module cache (each still opens its own database): loading the
    // server's module graph and PGlite's WebAssembly once per worker instead of once per file.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The audit keys of the test master key, in every test process (the server sets them at start-up).
    // And the role → abilities table of the modules' declarations (the server assembles it from its manifests).
    setupFiles: ['packages/core/test/audit-keys-setup.ts', 'apps/server/test/abilities-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: unitAndService,
          // Several server processes on one database: only a database server can be shared.
          exclude: ['apps/server/src/multi-process.test.ts'],
          env: { LINLI_TEST_DB: 'pglite' },
          globalSetup: ['packages/db/test/global-setup-pglite.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: unitAndService,
          exclude: withoutDatabase,
          env: { LINLI_TEST_DB: 'postgres' },
          globalSetup: ['packages/db/test/global-setup-postgres.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-pglite',
          include: ['e2e/**/*.test.ts'],
          env: { LINLI_TEST_DB: 'pglite' },
          globalSetup: ['packages/db/test/global-setup-pglite.ts'],
          testTimeout: 120_000,
          // A page answers when the server and the browser get round to it: on a busy machine a list
          // can take seconds to load. A poll waits as a user would (vitest's default gives up after 1 s).
          expect: { poll: { timeout: 30_000, interval: 100 } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-postgres',
          include: ['e2e/**/*.test.ts'],
          env: { LINLI_TEST_DB: 'postgres' },
          globalSetup: ['packages/db/test/global-setup-postgres.ts'],
          testTimeout: 120_000,
          expect: { poll: { timeout: 30_000, interval: 100 } },
        },
      },
    ],
  },
});
