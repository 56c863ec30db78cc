// Response shapes of docs/api-contract.md (v1). Kept here until the modules export their contract.ts types.

// Each module declares its abilities in its pure file modules/<name>/src/abilities.ts (the web
// program includes them: apps/web/tsconfig.json); the union of their names is core's Ability.
import type { Ability } from '@linli/core/permissions';

export type { Ability, Role } from '@linli/core/permissions';

export type NodeKind = 'county' | 'subdistrict' | 'community' | 'compound' | 'building' | 'entrance' | 'household';
export const nodeKinds: NodeKind[] = ['county', 'subdistrict', 'community', 'compound', 'building', 'entrance', 'household'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  tenantId: string;
  tenantName: string;
}

export interface Grant {
  id: string;
  role: string;
  nodeId: string;
  nodeName: string;
  nodeKind?: NodeKind;
  path?: string;
}

export interface Me {
  user: User;
  grants: Grant[];
  abilities: Ability[];
  passwordExpired: boolean;
  csrfToken: string;
  idleTimeoutMinutes?: number;
}

export interface LoginResponse {
  user: User;
  csrfToken: string;
  passwordExpired?: boolean;
}

export interface TerritoryNode {
  id: string;
  parentId: string | null;
  kind: NodeKind;
  subkind?: string | null;
  name: string;
  code?: string | null;
  path: string;
  depth: number;
  lat?: number | null;
  lng?: number | null;
  attrs?: Record<string, unknown> | null;
  childCount: number;
  /** Roots come "with counts"; the shape is the same as on the detail. */
  counts?: NodeCounts;
  /** Some lists may include the household count of each child (used by the chart when present). */
  householdCount?: number;
}

export interface NodeCounts {
  subdistricts: number;
  communities: number;
  compounds: number;
  buildings: number;
  entrances: number;
  households: number;
  /** Absent where the caller does not read residents (docs/privacy-matrix.md). */
  residents?: number;
  /** Absent where the caller lacks people.sensitive. */
  partyMembers?: number;
}

export interface NodeDetail extends TerritoryNode {
  ancestors: { id: string; kind: NodeKind; name: string }[];
  counts: NodeCounts;
}

export interface ImportCounts {
  compounds: number;
  buildings: number;
  entrances: number;
  households: number;
  residents: number;
}

export interface RowError {
  row: number;
  column: string;
  reason: string;
  value?: unknown;
}

export interface HouseholdImportResult {
  jobId: string;
  rows: number;
  created: ImportCounts;
  updated: ImportCounts;
}

export interface ImportJob {
  status: ImportJobStatus;
  totalRows: number;
  processedRows: number;
  errors: RowError[] | number;
}

export interface Resident {
  id: string;
  householdId: string;
  householdPath: string[];
  name: string;
  relation: string | null;
  phone: string | null;
  // Sensitive: present only where the user holds people.sensitive (docs/privacy-matrix.md).
  gender?: string | null;
  birthDate?: string | null;
  idNumber?: string | null;
  tags?: string[];
  isPartyMember?: boolean;
  note?: string | null;
}

export interface PartyOrg {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  nodeId: string | null;
  nodeName: string | null;
  memberCount: number;
  childCount: number;
  secretaryName: string | null;
}

export interface Coverage {
  compounds: number;
  compoundsWithBranch: number;
  buildings: number;
  buildingsWithGroup: number;
  compoundsWithoutBranch: { id: string; name: string; communityName: string }[];
  buildingsWithoutGroup: { id: string; name: string; compoundName: string }[];
}

export interface Grid {
  id: string;
  name: string;
  level: string;
  communityId: string;
  communityName: string;
  buildingCount: number;
  memberCount: number;
}

export interface GridDetail extends Grid {
  parentId?: string | null;
  code?: string | null;
  buildings: { id: string; name: string; compoundName?: string | null }[];
  members: { id: string; role: string; name: string; accountId: string | null; residentId: string | null }[];
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  status: string;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  grants: Grant[];
}

export interface RoleInfo {
  role: string;
  zh: string;
  en: string;
  abilities: Ability[];
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  result: string;
  clientIp: string | null;
  details: unknown;
}

export interface AuditVerify {
  checked: number;
  breaks: { seq: number; reason: string }[];
  checkpoints: number;
  checkpointProblems: { file: string; reason: string }[];
}

export interface AuditCheckpoint {
  tenantId: string;
  seq: number;
  hash: string;
  keyedFrom: number;
  at: string;
  signature: string;
  signedText: string;
  file: string;
}

export interface AuditCheckpoints {
  publicKey: string;
  fingerprint: string;
  items: AuditCheckpoint[];
  problems: { file: string; reason: string }[];
}

export type ImportJobStatus = 'validating' | 'importing' | 'succeeded' | 'failed';

export interface MergeResult {
  node: TerritoryNode;
  moved: { children: number; residents: number; grants: number; partyOrgs: number; grids: number; organisations: number };
}

export interface Leader {
  id: string;
  nodeId: string;
  nodeName: string;
  nodeKind: string;
  role: 'building_leader' | 'entrance_leader';
  residentId: string;
  residentName: string;
  phone: string | null;
  since: string | null;
}

export interface PartyMember {
  id: string;
  residentId: string;
  name: string;
  orgId: string;
  orgName: string;
  joinedOn: string | null;
  status: 'full' | 'probationary';
  inService: boolean;
}

export const partyOrgKinds = [
  'subdistrict_committee',
  'community_committee',
  'compound_branch',
  'building_group',
  'member_household',
] as const;
export type PartyOrgKind = (typeof partyOrgKinds)[number];
/** The territory kind each party organisation sits on (modules/party/src/schema.ts). */
export const partyOrgNodeKind: Record<PartyOrgKind, NodeKind> = {
  subdistrict_committee: 'subdistrict',
  community_committee: 'community',
  compound_branch: 'compound',
  building_group: 'building',
  member_household: 'household',
};

export const gridLevels = ['grid', 'micro_grid'] as const;
export const gridMemberRoles = ['leader', 'grid_worker', 'building_leader', 'party_member', 'volunteer'] as const;

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
/** Kinds formed by a compound's owners: they sit on a compound (the server checks it too). */
export const compoundOrganisationKinds: OrganisationKind[] = ['owners_committee', 'property_management_committee'];

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  nodeId: string;
  nodeName: string;
  creditCode: string | null;
  stateOwned: boolean;
  contactName: string | null;
  phone: string | null;
  servedCompounds: { id: string; name: string; since: string | null }[];
}

export interface DualRegistration {
  id: string;
  communityId: string;
  communityName: string;
  organisationId: string | null;
  organisationName: string | null;
  residentId: string | null;
  residentName: string | null;
  registeredOn: string;
  services: string | null;
}

/** Tags the server's contract offers (modules/people/src/contract.ts); free tags are accepted too. */
export const residentTags = ['高龄', '独居', '残疾', '低保', '党员', '退役军人', '空巢', '留守儿童', '重点关注'];
