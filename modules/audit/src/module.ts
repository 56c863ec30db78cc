import { fileURLToPath } from 'node:url';
import { type App, auditCheckpointJob, type ModuleManifest } from '@linli/core';
import { auditAbilities } from './abilities.ts';
import { auditNamedTables } from './audit.repository.ts';
import { auditErrors } from './errors.ts';
import { auditRoutes } from './routes.ts';

export const auditModule: ModuleManifest = {
  name: 'audit',
  description: 'Read and verify the hash-chained audit trail (audit admin only).',
  routes: (app, deps) => auditRoutes(app as unknown as App, deps),
  abilities: auditAbilities,
  migrations: fileURLToPath(new URL('../migrations', import.meta.url)),
  errors: auditErrors,
  // The audit trail (audit_event, audit_head) is written by every module through core's recordAudit: a platform table.
  tables: [],
  // Each record is named at read time (a person's name masked).
  reads: auditNamedTables,
  jobs: ({ db, config }) => [auditCheckpointJob(db, config.auditCheckpoints.dir, config.auditCheckpoints.minutes)],
};
