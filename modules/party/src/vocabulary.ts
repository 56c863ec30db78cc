// The party module's fixed lists. Imports nothing: the contract, the tables and the web app read it.

export const partyOrgKinds = [
  'subdistrict_committee',
  'community_committee',
  'compound_branch',
  'building_group',
  'member_household',
] as const;
export type PartyOrgKind = (typeof partyOrgKinds)[number];

/** Each level of the party tree sits on one kind of territory node, and under the level above. */
export const nodeKindOf: Record<PartyOrgKind, 'subdistrict' | 'community' | 'compound' | 'building' | 'household'> = {
  subdistrict_committee: 'subdistrict',
  community_committee: 'community',
  compound_branch: 'compound',
  building_group: 'building',
  member_household: 'household',
};
