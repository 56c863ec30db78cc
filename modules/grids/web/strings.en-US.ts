import type { LocaleStrings } from '@linli/web-kit';
import type { gridsZh } from './strings.zh-CN.ts';

// English strings of the grids pages: the keys of strings.zh-CN.ts (a missing one is a compile error).
export const gridsEn: LocaleStrings<typeof gridsZh> = {
  menu: {
    grids: 'Grids',
  },
  grids: {
    title: 'Grids',
    name: 'Grid',
    level: 'Level',
    community: 'Community',
    buildingCount: 'Buildings',
    memberCount: 'Members',
    buildings: 'Buildings',
    members: 'Grid team',
    role: 'Role',
    levels: { grid: 'Grid', micro_grid: 'Micro-grid' },
    create: 'New grid',
    parent: 'Parent grid',
    pickBuildings: 'Buildings of the grid (tick a compound to take all its buildings)',
    pickCommunityFirst: 'Choose the community first',
    addMember: 'Add member',
    memberAccount: 'Staff account',
    memberAccountHint: 'The grid leader is a community cadre with a staff account',
    memberResident: 'Resident',
    memberResidentHint: 'A resident of this community (building leader, party member, volunteer)',
    removeMemberConfirm: 'Remove “{{name}}” from the grid team?',
    memberRoles: {
      leader: 'Grid leader',
      grid_worker: 'Grid worker',
      building_leader: 'Building leader',
      party_member: 'Party member',
      volunteer: 'Volunteer',
    },
  },
};
