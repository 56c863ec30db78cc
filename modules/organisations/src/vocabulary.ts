// The organisations module's fixed lists. Imports nothing: the contract, the tables and the web app read it.

export const organisationKinds = [
  'property_company',
  'owners_committee',
  'property_management_committee',
  'government_unit',
  'enterprise',
  'school',
  'hospital',
  'social_organisation',
  'volunteer_team',
  'red_steward_team',
  'community_enterprise',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** The kinds that belong to a compound (the compound page lists them). */
export const compoundOrganisationKinds: readonly OrganisationKind[] = ['owners_committee', 'property_management_committee'];
