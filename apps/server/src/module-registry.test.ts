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
// Co-governance modules (ballots, deliberation, meetings, opinion map, resolutions): staff run them in
// their subtree, the county reads (and keeps the deliberation scope lists and escalated topics).
const RUN_ALL = ['ballots.read', 'ballots.write', 'meetings.read', 'meetings.write', 'resolutions.read', 'resolutions.write'];
const DELIBERATE = ['deliberation.read', 'deliberation.write'];
// The system admin keeps the county's configuration (the deliberation scope lists) and reads the
// co-governance records; like demands (demand.read and demand.configure, no handling), it runs none of them.
const CO_GOVERNANCE_READ = ['ballots.read', 'deliberation.read', 'meetings.read', 'opinionMap.read', 'resolutions.read'];
// Service clusters (组团): the county and its subdistricts plan and adopt them; communities read their plans.
const PLAN_CLUSTERS = ['serviceClusters.read', 'serviceClusters.write'];
// Owners' committees (业委会): street and community staff keep them, run re-elections and training; the county and compounds read.
const KEEP_OWNERS_COMMITTEES = ['ownersCommittees.read', 'ownersCommittees.write'];
// Property reform: the property profiles and companies, urban-management cases and renovation, the
// property-service evaluation rounds are kept by county, street and community staff.
const KEEP_PROPERTY = ['property.read', 'property.write'];
const KEEP_CASES = ['urbanCases.read', 'urbanCases.write'];
const RUN_EVALUATIONS = ['propertyEvaluation.read', 'propertyEvaluation.write'];
const centralGrants: Record<Role, string[]> = {
  system_admin: [
    ...READ_ALL,
    ...WRITE_ALL,
    'demand.read',
    'demand.configure',
    ...CO_GOVERNANCE_READ,
    'deliberation.scope',
    ...PLAN_CLUSTERS,
    ...KEEP_OWNERS_COMMITTEES,
    ...KEEP_PROPERTY,
    'urbanCases.read',
    ...RUN_EVALUATIONS,
  ],
  security_admin: ['territory.read', 'account.read', 'account.manage'],
  audit_admin: ['territory.read', 'account.read', 'audit.read'],
  county_staff: [
    ...READ_ALL,
    ...DEMAND_DESK,
    'demand.supervise',
    ...CO_GOVERNANCE_READ,
    'deliberation.write',
    'deliberation.scope',
    ...PLAN_CLUSTERS,
    'ownersCommittees.read',
    ...KEEP_PROPERTY,
    ...KEEP_CASES,
    ...RUN_EVALUATIONS,
  ],
  subdistrict_staff: [
    ...READ_ALL,
    ...WRITE_ALL,
    'people.pii',
    ...DEMAND_DESK,
    ...RUN_ALL,
    ...DELIBERATE,
    'opinionMap.read',
    'opinionMap.write',
    'resolutions.evaluate',
    ...PLAN_CLUSTERS,
    ...KEEP_OWNERS_COMMITTEES,
    ...KEEP_PROPERTY,
    ...KEEP_CASES,
    ...RUN_EVALUATIONS,
  ],
  community_staff: [
    ...READ_ALL,
    ...WRITE_ALL,
    'people.pii',
    ...DEMAND_DESK,
    ...RUN_ALL,
    ...DELIBERATE,
    'opinionMap.read',
    'opinionMap.write',
    'resolutions.evaluate',
    'serviceClusters.read',
    ...KEEP_OWNERS_COMMITTEES,
    ...KEEP_PROPERTY,
    ...KEEP_CASES,
    ...RUN_EVALUATIONS,
  ],
  compound_staff: [
    ...READ_ALL,
    'people.write',
    'people.pii',
    'demand.read',
    'demand.intake',
    'demand.handle',
    ...RUN_ALL,
    ...DELIBERATE,
    'opinionMap.read',
    'resolutions.evaluate',
    'ownersCommittees.read',
    'property.read',
    ...KEEP_CASES,
  ],
  grid_worker: [
    ...READ_ALL,
    'people.write',
    'people.pii',
    'demand.read',
    'demand.intake',
    'demand.handle',
    ...DELIBERATE,
    'meetings.read',
    'opinionMap.read',
    'resolutions.read',
    'property.read',
    ...KEEP_CASES,
    'propertyEvaluation.read',
  ],
  property_staff: ['territory.read', 'people.read', 'organisation.read', 'demand.handle', 'meetings.read', 'property.read'],
  // Owners' decisions (ballots) and owners' meetings are the owners' committee's own business.
  owners_committee_member: [
    'territory.read',
    'organisation.read',
    'party.read',
    'ballots.read',
    'ballots.write',
    'meetings.read',
    'meetings.write',
    'resolutions.read',
    'property.read',
  ],
  volunteer: ['territory.read'],
  // Residents hold no ability (permissions.test.ts): their resident grant lets them follow the
  // resolutions above their household, object to a notice and, on a supervision committee, evaluate.
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
