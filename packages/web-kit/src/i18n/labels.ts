import i18n from 'i18next';

// Labels for values that come from the server (roles, kinds, statuses): the translation when there
// is one, else the raw value, so a new role or status still shows something readable.
function label(prefix: string, value: string | null | undefined, fallback?: string): string {
  if (!value) return '';
  const key = `${prefix}.${value}`;
  return i18n.exists(key) ? (i18n.t as (k: string) => string)(key) : (fallback ?? value);
}

export const roleLabel = (role: string, fallback?: string) => label('roles', role, fallback);
export const kindLabel = (kind: string) => label('kinds', kind);
export const partyKindLabel = (kind: string) => label('party.kinds', kind);
export const accountStatusLabel = (status: string) => label('accounts.statuses', status);
export const auditResultLabel = (result: string) => label('audit.results', result);
export const gridLevelLabel = (level: string) => label('grids.levels', level);
export const genderLabel = (gender: string | null) => label('people.genders', gender);
export const organisationKindLabel = (kind: string) => label('organisations.kinds', kind);
export const leaderRoleLabel = (role: string) => label('leaders.roles', role);
export const gridMemberRoleLabel = (role: string) => label('grids.memberRoles', role);
export const importStatusLabel = (status: string) => label('import.statuses', status);
