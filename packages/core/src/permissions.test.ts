import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import { type Actor, abilitiesOf, can, requireAbility, roleAbilities, roles, scopePaths } from './permissions.ts';

const actor = (grants: Actor['grants']): Actor => ({ accountId: 'a', username: 'u', displayName: 'U', tenantId: '370785', grants });

describe('permissions', () => {
  const communityWorker = actor([{ id: 'g1', role: 'community_staff', nodeId: 'c1', path: 'county.sub1.comm1' }]);

  it('holds an ability inside the granted subtree only', () => {
    expect(can(communityWorker, 'people.pii', 'county.sub1.comm1')).toBe(true);
    expect(can(communityWorker, 'people.pii', 'county.sub1.comm1.compound9')).toBe(true);
    expect(can(communityWorker, 'people.pii', 'county.sub1.comm2')).toBe(false);
    expect(can(communityWorker, 'people.pii', 'county.sub1')).toBe(false);
    expect(can(communityWorker, 'people.pii', 'county.sub1.comm10')).toBe(false);
  });

  it('merges nested grants into the smallest list of scope paths', () => {
    const a = actor([
      { id: 'g1', role: 'community_staff', nodeId: 'c1', path: 'county.sub1.comm1' },
      { id: 'g2', role: 'subdistrict_staff', nodeId: 's1', path: 'county.sub1' },
      { id: 'g3', role: 'grid_worker', nodeId: 'c9', path: 'county.sub2.comm9' },
    ]);
    expect(scopePaths(a, 'people.read').sort()).toEqual(['county.sub1', 'county.sub2.comm9']);
    expect(scopePaths(a, 'territory.write')).toEqual(['county.sub1']);
  });

  it('separates duties: only the audit admin reads the audit trail, only the security admin manages accounts', () => {
    const holders = (ability: string) =>
      Object.entries(roleAbilities)
        .filter(([, list]) => list.includes(ability as never))
        .map(([r]) => r);
    expect(holders('audit.read')).toEqual(['audit_admin']);
    expect(holders('account.manage')).toEqual(['security_admin']);
    expect(roleAbilities.audit_admin).not.toContain('people.pii');
    expect(roleAbilities.security_admin).not.toContain('people.read');
  });

  it('grants resident data by duty (docs/privacy-matrix.md): nothing sensitive outside government staff and the system admin', () => {
    const holders = (ability: string) =>
      Object.entries(roleAbilities)
        .filter(([, list]) => list.includes(ability as never))
        .map(([r]) => r);
    const government = ['system_admin', 'county_staff', 'subdistrict_staff', 'community_staff', 'compound_staff', 'grid_worker'];
    expect(holders('people.sensitive')).toEqual(government);
    expect(holders('people.roster')).toEqual(government);
    expect(holders('people.read')).toEqual(roles.filter((r) => [...government, 'property_staff'].includes(r)));
    // Whoever writes or reveals residents' data also reads all of it (a writer never overwrites blind).
    for (const role of [...holders('people.write'), ...holders('people.pii')]) {
      expect(roleAbilities[role as keyof typeof roleAbilities], role).toEqual(
        expect.arrayContaining(['people.read', 'people.roster', 'people.sensitive']),
      );
    }
  });

  it('requireAbility throws a 403 AppError', () => {
    expect(() => requireAbility(communityWorker, 'audit.read')).toThrow(AppError);
    expect(requireAbility(communityWorker, 'people.read')).toEqual(['county.sub1.comm1']);
  });

  it('a resident holds no staff ability', () => {
    expect(abilitiesOf(actor([{ id: 'g', role: 'resident', nodeId: 'h', path: 'a.b.c.d.e.f.g' }]))).toEqual([]);
  });
});
