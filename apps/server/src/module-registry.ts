import { configureAbilities, type JobDeps, type ModuleError, type ModuleManifest, platformErrors } from '@linli/core';
import type { IntervalJob } from '@linli/core/scheduler';
import { migrationsDir } from '@linli/db';
import { modules as serverModules } from './modules.ts';

/**
 * What the server reads from its manifests (apps/server/src/modules.ts) besides the routes: the
 * migrations folders, the ability table, the error texts and the jobs. The db package never imports
 * a module; the server hands it the folders. Tools that run without the server (tests, benches,
 * `migrate(database)` with no folders) find the same folders in the workspace
 * (`workspaceMigrationFolders`), and module-registry.test.ts checks that both agree.
 */

/** packages/db/migrations (the platform baseline and migrations spanning modules), then every manifest's folder. */
export function migrationFolders(modules: readonly ModuleManifest[] = serverModules): string[] {
  return [migrationsDir, ...modules.flatMap((m) => (m.migrations ? [m.migrations] : []))];
}

/**
 * Makes the manifests' declarations the ones in force: the role → abilities table assembled from
 * every module's abilities (core/permissions.ts keeps the mechanism). Checks that no error code is
 * declared twice. Called by the server before it answers (buildApp) and by the commands that run
 * without it (openRuntime).
 */
export function configureModules(modules: readonly ModuleManifest[] = serverModules): void {
  configureAbilities(modules.flatMap((m) => (m.abilities ? [m.abilities] : [])));
  errorCatalogue(modules);
}

/** Every declared error (the platform's and the modules'), by code, with the module that declares it. */
export function errorCatalogue(modules: readonly ModuleManifest[] = serverModules): Map<string, ModuleError & { module: string }> {
  const catalogue = new Map<string, ModuleError & { module: string }>();
  for (const m of [{ name: 'platform', errors: platformErrors }, ...modules]) {
    for (const error of Object.values(m.errors ?? {})) {
      const other = catalogue.get(error.code);
      if (other) throw new Error(`error code ${error.code} is declared by ${other.module} and ${m.name}`);
      catalogue.set(error.code, { ...error, module: m.name });
    }
  }
  return catalogue;
}

/** Every manifest's jobs, in module order. A job name used twice is a programming error. */
export function moduleJobs(deps: JobDeps, modules: readonly ModuleManifest[] = serverModules): IntervalJob[] {
  const jobs = modules.flatMap((m) => m.jobs?.(deps) ?? []);
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`job ${job.name} is declared twice`);
    names.add(job.name);
  }
  return jobs;
}
