// The grids module's fixed lists. Imports nothing: the contract, the tables and the web app read it.

export const gridLevels = ['grid', 'micro_grid'] as const;
export const gridMemberRoles = ['leader', 'grid_worker', 'building_leader', 'party_member', 'volunteer'] as const;
