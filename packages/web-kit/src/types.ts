// The API's shapes for the pages, each taken from the module contract that declares it (TypeBox
// schemas; the contracts import only typebox and pure files, and only their types are imported
// here: no server code in the bundle). Fixed lists (kinds, levels, tags) come from the modules'
// vocabulary files. A module's own pages may import from its contract directly.
import type { Account, Grant, LoginResult, Me, RoleInfo, User } from '@linli/accounts/contract';
import type { AuditCheckpoint, AuditCheckpoints, AuditEvent, AuditVerify } from '@linli/audit/contract';
import type { ImportJob, ImportJobStatus, ImportRowError, Page as PageSchema } from '@linli/core/contract-types';
import type { GridDetail, GridSummary } from '@linli/grids/contract';
import type { DualRegistration, Organisation } from '@linli/organisations/contract';
import type { Coverage, PartyMember, PartyOrg } from '@linli/party/contract';
import type { Leader, Resident } from '@linli/people/contract';
import type {
  HouseholdImportResult,
  ImportCounts,
  MergeResult,
  NodeCounts,
  NodeDetail,
  Node as TerritoryNode,
} from '@linli/territory/contract';
import type { Static, TUnknown } from 'typebox';

// Each module declares its abilities in its pure file modules/<name>/src/abilities.ts (the web
// program includes them: apps/web/tsconfig.json); the union of their names is core's Ability.
export type { Ability, Role } from '@linli/core/permissions';
export type { OrganisationKind } from '@linli/organisations/vocabulary';
export type { PartyOrgKind } from '@linli/party/vocabulary';
export type { NodeKind } from '@linli/territory/vocabulary';
export type {
  Account,
  AuditCheckpoint,
  AuditCheckpoints,
  AuditEvent,
  AuditVerify,
  Coverage,
  DualRegistration,
  Grant,
  GridDetail,
  HouseholdImportResult,
  ImportCounts,
  ImportJob,
  ImportJobStatus,
  Leader,
  Me,
  MergeResult,
  NodeCounts,
  NodeDetail,
  Organisation,
  PartyMember,
  PartyOrg,
  Resident,
  RoleInfo,
  TerritoryNode,
  User,
};
export type Grid = GridSummary;
export type LoginResponse = LoginResult;
export type RowError = ImportRowError;

/** A page of a list (core's Page schema) with its items typed. */
export type Page<T> = Omit<Static<ReturnType<typeof PageSchema<TUnknown>>>, 'items'> & { items: T[] };
