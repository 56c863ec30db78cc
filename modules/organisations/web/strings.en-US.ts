import type { LocaleStrings } from '@linli/web-kit';
import type { organisationsZh } from './strings.zh-CN.ts';

// English strings of the organisations pages: the keys of strings.zh-CN.ts (a missing one is a compile error).
export const organisationsEn: LocaleStrings<typeof organisationsZh> = {
  menu: {
    organisations: 'Organisations',
  },
  organisations: {
    title: 'Organisations & dual registration',
    list: 'Organisations',
    create: 'New organisation',
    kind: 'Kind',
    node: 'Located at',
    compoundOnly: 'Owners’ and property management committees sit on a compound',
    stateOwned: 'State-owned',
    servedCompounds: 'Compounds served',
    servedHint: 'Add compounds one by one below',
    addServed: 'Add a compound served',
    creditCode: 'Unified social credit code',
    contactName: 'Contact',
    phone: 'Phone',
    dualRegistrations: 'Dual registration',
    dualCreate: 'Register',
    community: 'Community',
    dualWho: 'Registered by',
    dualOrganisation: 'Organisation',
    dualMember: 'In-service member',
    organisation: 'Organisation',
    partyMember: 'Party member',
    registeredOn: 'Registered on',
    services: 'Services offered',
    kinds: {
      property_company: 'Property company',
      owners_committee: 'Owners’ committee',
      property_management_committee: 'Property management committee',
      government_unit: 'Government unit',
      enterprise: 'Enterprise',
      school: 'School',
      hospital: 'Hospital',
      social_organisation: 'Social organisation',
      volunteer_team: 'Volunteer team',
      red_steward_team: 'Red steward team',
      community_enterprise: 'Community enterprise',
    },
  },
};
