// Response shapes of docs/api-contract.md (v1). Kept here until the modules export their contract.ts types.

export type Ability =
  | 'territory.read'
  | 'territory.write'
  | 'territory.import'
  | 'people.read'
  | 'people.write'
  | 'people.pii'
  | 'party.read'
  | 'party.write'
  | 'grid.read'
  | 'grid.write'
  | 'organisation.read'
  | 'organisation.write'
  | 'account.read'
  | 'account.manage'
  | 'audit.read';

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
  residents: number;
  partyMembers: number;
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
  status: string;
  totalRows: number;
  processedRows: number;
  errors: RowError[] | number;
}

export interface Resident {
  id: string;
  householdId: string;
  householdPath: string[];
  name: string;
  gender: string | null;
  birthDate: string | null;
  relation: string | null;
  phone: string | null;
  idNumber: string | null;
  tags: string[];
  isPartyMember: boolean;
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
  buildings: { id: string; name: string }[];
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
}
