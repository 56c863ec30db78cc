import type { LocaleStrings } from '@linli/web-kit';
import type { peopleZh } from './strings.zh-CN.ts';

// English strings of the people pages: the keys of strings.zh-CN.ts (a missing one is a compile error).
export const peopleEn: LocaleStrings<typeof peopleZh> = {
  menu: {
    residents: 'Residents',
  },
  people: {
    name: 'Name',
    gender: 'Gender',
    birthDate: 'Birth date',
    relation: 'Relation to head',
    phone: 'Phone',
    idNumber: 'ID number',
    tags: 'Tags',
    household: 'Household',
    isPartyMember: 'Party member',
    reveal: 'Reveal',
    revealTitle: 'Full personal data',
    revealAudited: 'This view has been recorded in the audit trail.',
    tag: 'Tag',
    query: 'Name / phone / ID',
    genders: { male: 'Male', female: 'Female' },
    create: 'New resident',
    edit: 'Edit resident',
    note: 'Note',
    pickHousehold: 'Choose the household (subdistrict → community → compound → building → entrance → household)',
    householdHint: 'Open the territory tree level by level down to the household.',
    pickResident: 'Search by name, phone or ID number',
    currentMasked: 'Current:',
    keepUnchanged: 'Leave empty to keep',
    piiHint: 'Phone and ID numbers are stored encrypted; lists show them masked.',
  },
  leaders: {
    title: 'Building / entrance leaders',
    assign: 'Assign a leader',
    remove: 'Remove',
    removeConfirm: 'Remove {{name}} as {{role}} of {{node}}?',
    none: 'No building or entrance leaders yet',
    node: 'Building / entrance',
    role: 'Role',
    since: 'Since',
    entranceHint: 'Choose an entrance for an entrance leader; leave it empty for the building leader',
    roles: { building_leader: 'Building leader', entrance_leader: 'Entrance leader' },
  },
};
