import type { LocaleStrings } from '@linli/web-kit';
import type { partyZh } from './strings.zh-CN.ts';

// English strings of the party pages: the keys of strings.zh-CN.ts (a missing one is a compile error).
export const partyEn: LocaleStrings<typeof partyZh> = {
  menu: {
    party: 'Party organisations',
  },
  party: {
    title: 'Party organisations',
    tree: 'Organisation tree',
    coverage: 'Coverage',
    scope: 'Scope',
    branchCoverage: 'Compounds with a branch',
    groupCoverage: 'Buildings with a group',
    compoundsWithoutBranch: 'Compounds without a compound branch',
    buildingsWithoutGroup: 'Buildings without a building group',
    memberCount: 'Members',
    secretary: 'Secretary',
    node: 'Territory',
    kinds: {
      subdistrict_committee: 'Subdistrict committee',
      community_committee: 'Community committee',
      compound_branch: 'Compound branch',
      building_group: 'Building group',
      member_household: 'Member household',
    },
    communityName: 'Community',
    compoundName: 'Compound',
    fullCoverage: 'Full coverage',
    createOrg: 'New party organisation',
    parentOrg: 'Parent organisation',
    topLevel: 'None (a subdistrict committee is the top level)',
    nodeInsideParent: 'Must lie inside “{{name}}”',
    establishedOn: 'Established on',
    addMember: 'Add party member',
    member: 'Party member (resident)',
    members: 'Members',
    org: 'Organisation',
    joinedOn: 'Joined on',
    inService: 'In-service member',
    inServiceHint: 'Works in a unit and registers with the community where they live',
    statuses: { full: 'Full member', probationary: 'Probationary' },
  },
};
