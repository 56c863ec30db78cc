import { AppError } from './app-error.ts';

/**
 * Roles are granted on a territory subtree. Abilities are what a role may do there; every query of
 * a module asks for the scope of one ability (the ltree paths of the grants that carry it) and puts
 * that scope into its SQL. Separation of duties (等保 三级): the system admin runs the territory and
 * data, the security admin manages accounts and grants, the audit admin alone reads the audit trail.
 */
export const roles = [
  'system_admin',
  'security_admin',
  'audit_admin',
  'county_staff',
  'subdistrict_staff',
  'community_staff',
  'compound_staff',
  'grid_worker',
  'property_staff',
  'owners_committee_member',
  'volunteer',
  'resident',
] as const;
export type Role = (typeof roles)[number];

export const abilities = [
  'territory.read',
  'territory.write',
  'territory.import',
  'people.read',
  'people.roster',
  'people.sensitive',
  'people.write',
  'people.pii',
  'party.read',
  'party.write',
  'grid.read',
  'grid.write',
  'organisation.read',
  'organisation.write',
  'account.read',
  'account.manage',
  'audit.read',
  'demand.read',
  'demand.intake',
  'demand.handle',
  'demand.dispatch',
  'demand.supervise',
  'demand.configure',
] as const;
export type Ability = (typeof abilities)[number];

// Residents, by need (docs/privacy-matrix.md): people.read is each household's contact person (name,
// relation, household, masked phone); people.roster adds every member of the household;
// people.sensitive adds gender, birth date, masked ID number, tags (独居, 残疾, 低保 …), party
// membership and the note; people.pii reveals the unmasked phone and ID number (audited).
// Government staff and the system admin (who imports and corrects the same fields) hold all but pii.
const READ_ALL: Ability[] = [
  'territory.read',
  'people.read',
  'people.roster',
  'people.sensitive',
  'party.read',
  'grid.read',
  'organisation.read',
];
const WRITE_ALL: Ability[] = ['territory.write', 'territory.import', 'people.write', 'party.write', 'grid.write', 'organisation.write'];
// Demands: staff of a unit take in, handle and dispatch in their subtree; the county supervises.
// Property staff only handle what is dispatched to their compound. Residents hold no ability: they
// submit, evaluate and reopen their own demands as the reporter (checked by the demands module).
const DEMAND_DESK: Ability[] = ['demand.read', 'demand.intake', 'demand.handle', 'demand.dispatch'];

export const roleAbilities: Record<Role, readonly Ability[]> = {
  system_admin: [...READ_ALL, ...WRITE_ALL, 'demand.read', 'demand.configure'],
  security_admin: ['territory.read', 'account.read', 'account.manage'],
  audit_admin: ['territory.read', 'account.read', 'audit.read'],
  county_staff: [...READ_ALL, ...DEMAND_DESK, 'demand.supervise'],
  subdistrict_staff: [...READ_ALL, ...WRITE_ALL, 'people.pii', ...DEMAND_DESK],
  community_staff: [...READ_ALL, ...WRITE_ALL, 'people.pii', ...DEMAND_DESK],
  compound_staff: [...READ_ALL, 'people.write', 'people.pii', 'demand.read', 'demand.intake', 'demand.handle'],
  grid_worker: [...READ_ALL, 'people.write', 'people.pii', 'demand.read', 'demand.intake', 'demand.handle'],
  // Property service needs the households of its compounds and each household's contact, nothing sensitive.
  property_staff: ['territory.read', 'people.read', 'organisation.read', 'demand.handle'],
  // The committee sees the party organisations it works with, but no resident data (nor the member roll).
  owners_committee_member: ['territory.read', 'organisation.read', 'party.read'],
  volunteer: ['territory.read'],
  resident: [],
};

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  system_admin: { zh: '系统管理员', en: 'System admin' },
  security_admin: { zh: '安全管理员', en: 'Security admin' },
  audit_admin: { zh: '审计管理员', en: 'Audit admin' },
  county_staff: { zh: '县（市、区）工作人员', en: 'County staff' },
  subdistrict_staff: { zh: '街道（镇）工作人员', en: 'Subdistrict staff' },
  community_staff: { zh: '社区工作者', en: 'Community worker' },
  compound_staff: { zh: '小区工作人员', en: 'Compound staff' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  property_staff: { zh: '物业人员', en: 'Property-company staff' },
  owners_committee_member: { zh: '业委会成员', en: "Owners' committee member" },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
  resident: { zh: '居民', en: 'Resident' },
};

export interface Grant {
  id: string;
  role: Role;
  nodeId: string;
  /** ltree path of the granted node. */
  path: string;
  nodeName?: string;
  nodeKind?: string;
}

export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  tenantId: string;
  grants: Grant[];
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Paths (subtrees) in which the actor holds the ability; empty when nowhere. */
export function scopePaths(actor: Actor, ability: Ability): string[] {
  const paths = actor.grants.filter((g) => roleAbilities[g.role].includes(ability)).map((g) => g.path);
  // Drop paths already covered by a shorter one, so SQL gets the smallest list.
  return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && p.startsWith(`${q}.`)));
}

export function can(actor: Actor, ability: Ability, path?: string): boolean {
  const scope = scopePaths(actor, ability);
  if (path === undefined) return scope.length > 0;
  return scope.some((p) => path === p || path.startsWith(`${p}.`));
}

/** Throws 403 unless the actor holds the ability somewhere (or at `path`, when given). */
export function requireAbility(actor: Actor, ability: Ability, path?: string): string[] {
  if (!can(actor, ability, path)) throw AppError.forbidden(`Permission ${ability} is required${path ? ' for this place' : ''}`);
  return scopePaths(actor, ability);
}

/** Abilities the actor has anywhere, sent to the web app so it hides what the user cannot do. */
export function abilitiesOf(actor: Actor): Ability[] {
  return abilities.filter((a) => can(actor, a));
}
