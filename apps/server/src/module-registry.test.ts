import { abilities, type Role, roleAbilities, roles } from '@linli/core';
import { loadConfig } from '@linli/core/config';
import { workspaceMigrationFolders } from '@linli/db';
import { describe, expect, it } from 'vitest';
import { configureModules, errorCatalogue, migrationFolders, moduleJobs } from './module-registry.ts';
import { modules } from './modules.ts';

const sorted = (list: readonly string[]) => [...list].sort();
const tableNow = () => Object.fromEntries(roles.map((r) => [r, sorted(roleAbilities[r])])) as Record<Role, string[]>;

/**
 * The role grants of the release that listed them centrally in core/permissions.ts. The modules
 * now declare their own; together they must grant exactly this (docs/privacy-matrix.md).
 */
const READ_ALL = ['territory.read', 'people.read', 'people.roster', 'people.sensitive', 'party.read', 'grid.read', 'organisation.read'];
const WRITE_ALL = ['territory.write', 'territory.import', 'people.write', 'party.write', 'grid.write', 'organisation.write'];
const DEMAND_DESK = ['demand.read', 'demand.intake', 'demand.handle', 'demand.dispatch'];
const centralGrants: Record<Role, string[]> = {
  system_admin: [...READ_ALL, ...WRITE_ALL, 'demand.read', 'demand.configure'],
  security_admin: ['territory.read', 'account.read', 'account.manage'],
  audit_admin: ['territory.read', 'account.read', 'audit.read'],
  county_staff: [...READ_ALL, ...DEMAND_DESK, 'demand.supervise'],
  subdistrict_staff: [...READ_ALL, ...WRITE_ALL, 'people.pii', ...DEMAND_DESK],
  community_staff: [...READ_ALL, ...WRITE_ALL, 'people.pii', ...DEMAND_DESK],
  compound_staff: [...READ_ALL, 'people.write', 'people.pii', 'demand.read', 'demand.intake', 'demand.handle'],
  grid_worker: [...READ_ALL, 'people.write', 'people.pii', 'demand.read', 'demand.intake', 'demand.handle'],
  property_staff: ['territory.read', 'people.read', 'organisation.read', 'demand.handle'],
  owners_committee_member: ['territory.read', 'organisation.read', 'party.read'],
  volunteer: ['territory.read'],
  resident: [],
};

describe('the server reads its module manifests', () => {
  it('migrates the folders of its manifests and packages/db/migrations, the same the workspace holds', () => {
    // Tools and test set-ups that migrate without the server find the folders in the workspace.
    expect(sorted(migrationFolders())).toEqual(sorted(workspaceMigrationFolders()));
  });

  it('assembles from the manifests the role grants the test set-up assembles from the abilities files', () => {
    const fromSetup = tableNow();
    const listFromSetup = sorted(abilities);
    configureModules(modules);
    expect(tableNow()).toEqual(fromSetup);
    expect(sorted(abilities)).toEqual(listFromSetup);
  });

  it('grants every role exactly what the central list granted before the modules declared their own', () => {
    configureModules(modules);
    expect(tableNow()).toEqual(Object.fromEntries(roles.map((r) => [r, sorted(centralGrants[r])])));
  });

  it('declares every error code once, named after its module area', () => {
    const catalogue = errorCatalogue(modules);
    for (const [code, error] of catalogue) {
      expect(code).toMatch(/^[a-z0-9_]+\.[a-z0-9_]+$/);
      expect(error['zh-CN'].length, code).toBeGreaterThan(0);
      expect(error['en-US'].length, code).toBeGreaterThan(0);
    }
  });

  it('runs the jobs the manifests declare, each name once', () => {
    // Building a job runs nothing: the handles are not touched until the scheduler runs it.
    const log = { info: () => undefined, error: () => undefined, warn: () => undefined } as never;
    const deps = { database: {} as never, db: {} as never, cipher: {} as never, config: loadConfig({}), log };
    const names = moduleJobs(deps, modules).map((j) => j.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'demands.deadlines',
        'demands.attachment-cleanup',
        'notifications.dispatch',
        'notifications.retention',
        'audit-checkpoint',
      ]),
    );
    expect(new Set(names).size).toBe(names.length);
  });
});
