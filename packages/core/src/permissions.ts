import { AppError, platformErrors } from './app-error.ts';

const thisPlace = { 'zh-CN': '此地点', 'en-US': 'this place' };

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

/**
 * The ability names, one key per ability. Each module adds its own from its pure abilities file
 * (`modules/<m>/src/abilities.ts`) by declaration merging, so a misspelt ability does not compile:
 *
 * ```ts
 * declare module '@linli/core/permissions' {
 *   interface AbilityRegistry extends Record<(typeof gridAbilities.abilities)[number], true> {}
 * }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' declaration merging
export interface AbilityRegistry {}
export type Ability = keyof AbilityRegistry & string;

/** One text in both languages of the product. zh-CN is the default language of the UI. */
export interface LocalText {
  'zh-CN': string;
  'en-US': string;
}

/**
 * The abilities one module checks and who holds them by default. Declared in a pure file of the
 * module (`modules/<m>/src/abilities.ts`: no node imports, the web imports it too) and referenced by
 * the manifest; the server assembles the full role → abilities table from every manifest
 * (`configureAbilities`).
 *
 * ```ts
 * export const gridAbilities = {
 *   abilities: ['grid.read', 'grid.write'],
 *   grants: { community_staff: ['grid.read', 'grid.write'], grid_worker: ['grid.read'] },
 * } as const satisfies ModuleAbilities;
 * ```
 */
export interface ModuleAbilities<A extends string = string> {
  /** Every ability the module checks, named `<area>.<verb>` (e.g. `grid.read`); one module owns each. */
  abilities: readonly A[];
  /** Default grants: for each role, the abilities of this module it holds on its granted subtree. A role left out holds none. */
  grants: Partial<Record<Role, readonly A[]>>;
  /** How an ability is shown (role editor, 403 pages). */
  labels?: Partial<Record<A, LocalText>>;
}

/** Every ability of the loaded modules, in module order; filled by `configureAbilities`. */
export const abilities: Ability[] = [];

/** How each ability is shown (role picker, 403 pages), from the modules' declarations; filled by `configureAbilities`. */
export const abilityLabels: Partial<Record<string, LocalText>> = {};

/** What each role holds on its granted subtree: the union of the modules' default grants; filled by `configureAbilities`. */
export const roleAbilities: Record<Role, readonly Ability[]> = Object.fromEntries(roles.map((r) => [r, []])) as unknown as Record<
  Role,
  readonly Ability[]
>;

/**
 * Assembles the ability list and the role table from the modules' declarations (the server calls
 * it with its manifests, test set-ups with the modules of the workspace). Replaces what was there.
 * An ability declared by two modules, or a grant of an ability its module does not declare, is a
 * programming error and throws.
 */
export function configureAbilities(declarations: readonly ModuleAbilities[]): void {
  const owner = new Set<string>();
  const table = new Map<Role, string[]>(roles.map((r) => [r, []]));
  for (const d of declarations) {
    for (const a of d.abilities) {
      if (owner.has(a)) throw new Error(`ability ${a} is declared twice`);
      owner.add(a);
    }
    for (const [role, list] of Object.entries(d.grants) as [Role, readonly string[]][]) {
      if (!isRole(role)) throw new Error(`grant to unknown role ${role}`);
      for (const a of list) {
        if (!d.abilities.includes(a)) throw new Error(`role ${role} is granted ${a}, which its module does not declare`);
        const held = table.get(role) as string[];
        if (!held.includes(a)) held.push(a);
      }
    }
  }
  abilities.splice(0, abilities.length, ...([...owner] as Ability[]));
  for (const key of Object.keys(abilityLabels)) delete abilityLabels[key];
  for (const d of declarations) Object.assign(abilityLabels, d.labels ?? {});
  for (const role of roles) (roleAbilities as Record<Role, readonly string[]>)[role] = table.get(role) as string[];
}

function assertConfigured(): void {
  if (abilities.length === 0) {
    throw new Error('abilities are not configured: the server calls configureAbilities with the abilities of its module manifests');
  }
}

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
  assertConfigured();
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
  if (!can(actor, ability, path)) {
    throw path === undefined
      ? AppError.of(platformErrors.permission_required, { ability })
      : AppError.of(platformErrors.permission_required_at, { ability, place: thisPlace });
  }
  return scopePaths(actor, ability);
}

/** Abilities the actor has anywhere, sent to the web app so it hides what the user cannot do. */
export function abilitiesOf(actor: Actor): Ability[] {
  return abilities.filter((a) => can(actor, a));
}
