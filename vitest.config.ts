import { defineConfig } from 'vitest/config';

// One id per test run, inherited by the workers: names this run's template databases.
process.env.LINLI_TEST_RUN ??= `${process.pid}_${Date.now().toString(36)}`;

const unitAndService = ['packages/**/*.test.ts', 'modules/**/*.test.ts', 'apps/server/**/*.test.ts', 'bench/**/*.test.ts'];

// Every database test runs twice: on embedded PGlite and on a real PostgreSQL server.
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
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
          env: { LINLI_TEST_DB: 'pglite' },
          globalSetup: ['packages/db/test/global-setup-pglite.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: unitAndService,
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
        },
      },
    ],
  },
});
