// The party module's fixed lists. Imports nothing: the contract, the tables and the web app read it.

export const partyOrgKinds = [
  'subdistrict_committee',
  'community_committee',
  'compound_branch',
  'building_group',
  'member_household',
] as const;
export type PartyOrgKind = (typeof partyOrgKinds)[number];
