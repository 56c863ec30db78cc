import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, type TSchema, Type } from 'typebox';

// The HTTP contract of service-clusters. Imports only typebox and pure files: the web takes its types from here.

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ManagementStatus = Type.Union([Type.Literal('well'), Type.Literal('poor'), Type.Literal('unmanaged'), Type.Literal('self')]);
export type ManagementStatus = Static<typeof ManagementStatus>;
export const ServiceMode = Type.Union([
  Type.Literal('market'),
  Type.Literal('self_managed'),
  Type.Literal('community_state_owned'),
  Type.Literal('state_owned_takeover'),
  Type.Literal('market_state_owned'),
]);
export type ServiceMode = Static<typeof ServiceMode>;

export const ScenarioStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('solving'),
  Type.Literal('solved'),
  Type.Literal('failed'),
  Type.Literal('adopted'),
  Type.Literal('superseded'),
]);
export type ScenarioStatus = Static<typeof ScenarioStatus>;
export const SolverStatus = Type.Union([Type.Literal('optimal'), Type.Literal('time_limit'), Type.Literal('infeasible')]);
export type SolverStatus = Static<typeof SolverStatus>;
export const ClusterMode = Type.Union([Type.Literal('single'), Type.Literal('one_to_one'), Type.Literal('one_to_many')]);

/** The county's cost parameters and the plan's bounds (money in yuan per month). */
export const ScenarioParameters = Type.Object({
  staffPer10kM2: Type.Number({ minimum: 0, maximum: 100, description: 'property staff per 10,000 m² of floor area' }),
  monthlyWage: Type.Number({ minimum: 0, maximum: 100_000, description: 'monthly wage of one staff member, yuan' }),
  otherCostPerM2Month: Type.Number({ minimum: 0, maximum: 100, description: 'other running costs per m² and month, yuan' }),
  sharedCostPerClusterMonth: Type.Number({ minimum: 0, maximum: 10_000_000, description: 'costs a cluster carries once, yuan per month' }),
  maxDistanceKm: Type.Number({ minimum: 0.05, maximum: 50, description: 'the farthest a member may be from its anchor' }),
  minHouseholds: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  maxHouseholds: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  maxCompoundsPerCluster: Type.Integer({ minimum: 1, maximum: 50 }),
  clusterCount: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 10_000,
      description: 'exactly this many clusters (the cluster projects the county can staff); absent: as many as pay best',
    }),
  ),
  timeLimitSeconds: Type.Integer({ minimum: 1, maximum: 120, description: 'how long the solver may search (default 20 s)' }),
  statuses: Type.Array(ManagementStatus, {
    maxItems: 4,
    description: 'only compounds of these management statuses (empty: all)',
  }),
});
export type ScenarioParameters = Static<typeof ScenarioParameters>;
export const PartialParameters = Type.Partial(ScenarioParameters);
export type PartialParameters = Static<typeof PartialParameters>;

/** A compound's economics as they were when the scenario was made (from the property profile). */
export const ScenarioCompound = Type.Object({
  compoundId: Uuid,
  name: Type.String(),
  communityId: Uuid,
  communityName: Type.String(),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  households: Type.Integer(),
  floorAreaM2: Type.Number(),
  feePerM2Month: Type.Number(),
  collectionRate: Type.Number(),
  status: Nullable(ManagementStatus),
  serviceMode: Nullable(ServiceMode),
  companyId: Nullable(Uuid),
  clusterId: Nullable(Type.String()),
});
export type ScenarioCompound = Static<typeof ScenarioCompound>;

export const ScenarioTotals = Type.Object({
  clusters: Type.Integer(),
  viable: Type.Integer({ description: 'clusters whose revenue covers their cost' }),
  subsidy: Type.Number({ description: 'yuan per month the county pays (兜底)' }),
  revenue: Type.Number(),
  cost: Type.Number(),
  distanceKm: Type.Number({ description: 'members’ distance to their anchors, summed' }),
  households: Type.Integer(),
  compounds: Type.Integer(),
});
export type ScenarioTotals = Static<typeof ScenarioTotals>;

export const ScenarioSummary = Type.Object({
  id: Uuid,
  nodeId: Uuid,
  nodeName: Type.String(),
  name: Type.String(),
  status: ScenarioStatus,
  solverStatus: Nullable(SolverStatus),
  gap: Nullable(Type.Number()),
  solveMs: Nullable(Type.Integer()),
  failure: Nullable(Type.String()),
  totals: Nullable(ScenarioTotals),
  compoundCount: Type.Integer({ description: 'compounds in the plan’s inputs' }),
  timeLimitSeconds: Type.Integer(),
  solveStartedAt: Nullable(Type.String({ format: 'date-time' })),
  solvedAt: Nullable(Type.String({ format: 'date-time' })),
  adoptedAt: Nullable(Type.String({ format: 'date-time' })),
  adoptedByName: Nullable(Type.String()),
  supersededBy: Nullable(Uuid),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ScenarioSummary = Static<typeof ScenarioSummary>;

export const ClusterMember = Type.Object({
  compoundId: Uuid,
  name: Type.String(),
  communityName: Type.String(),
  households: Type.Integer(),
  revenue: Type.Number(),
  cost: Type.Number(),
  distanceKm: Type.Number(),
  status: Nullable(ManagementStatus),
  locked: Type.Boolean(),
});
export type ClusterMember = Static<typeof ClusterMember>;

export const ScenarioCluster = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  name: Type.String(),
  anchorCompoundId: Uuid,
  anchorName: Type.String(),
  mode: ClusterMode,
  households: Type.Integer(),
  areaM2: Type.Number(),
  revenue: Type.Number(),
  cost: Type.Number(),
  margin: Type.Number(),
  subsidy: Type.Number(),
  maxDistanceKm: Type.Number(),
  companyId: Nullable(Uuid),
  serviceMode: Nullable(ServiceMode),
  members: Type.Array(ClusterMember),
});
export type ScenarioCluster = Static<typeof ScenarioCluster>;

export const ScenarioLock = Type.Object({ compoundId: Uuid, anchorCompoundId: Uuid });
export type ScenarioLock = Static<typeof ScenarioLock>;

export const ScenarioDetail = Type.Object({
  ...ScenarioSummary.properties,
  parameters: ScenarioParameters,
  compounds: Type.Array(
    Type.Object({
      ...ScenarioCompound.properties,
      included: Type.Boolean({ description: 'planned: has coordinates and one of the chosen statuses' }),
      revenue: Type.Number({ description: 'yuan per month: area × fee × collection rate' }),
      cost: Type.Number({ description: 'yuan per month, without the cluster’s shared cost' }),
    }),
  ),
  clusters: Type.Array(ScenarioCluster),
  locks: Type.Array(ScenarioLock),
  elapsedSeconds: Nullable(Type.Number({ description: 'while solving: seconds since the solve started' })),
});
export type ScenarioDetail = Static<typeof ScenarioDetail>;

export const ScenarioFilter = {
  nodeId: Type.Optional(Uuid),
  status: Type.Optional(ScenarioStatus),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the name' })),
  sort: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('-name'), Type.Literal('createdAt'), Type.Literal('-createdAt')])),
};
export const ScenarioListQuery = Type.Object({ ...PageQuery, ...ScenarioFilter });
export type ScenarioListQuery = Static<typeof ScenarioListQuery>;
export const ScenarioExportQuery = Type.Object(ScenarioFilter);
export const ScenarioPage = Page(ScenarioSummary);

export const CreateScenarioBody = Type.Object({
  nodeId: Uuid,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  parameters: Type.Optional(PartialParameters),
});
export type CreateScenarioBody = Static<typeof CreateScenarioBody>;

export const UpdateScenarioBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  parameters: Type.Optional(PartialParameters),
});
export type UpdateScenarioBody = Static<typeof UpdateScenarioBody>;

export const SetLocksBody = Type.Object({ locks: Type.Array(ScenarioLock, { maxItems: 2000 }) });
export type SetLocksBody = Static<typeof SetLocksBody>;

export const AdoptScenarioBody = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 500 })),
  clusters: Type.Optional(
    Type.Array(
      Type.Object({
        clusterId: Uuid,
        name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        companyId: Type.Optional(Nullable(Uuid)),
        serviceMode: Type.Optional(ServiceMode),
      }),
      { maxItems: 2000 },
    ),
  ),
});
export type AdoptScenarioBody = Static<typeof AdoptScenarioBody>;

export const CompareQuery = Type.Object({
  ids: Type.String({ pattern: '^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36}){1,3}$', description: 'two to four scenario ids, comma-separated' }),
});
export const ScenarioComparison = Type.Object({
  scenarios: Type.Array(
    Type.Object({
      ...ScenarioSummary.properties,
      parameters: ScenarioParameters,
      clusters: Type.Array(ScenarioCluster),
    }),
  ),
});
export type ScenarioComparison = Static<typeof ScenarioComparison>;

/** The county defaults of a new scenario (yuan; the seed's typical old-compound figures). */
export const defaultParameters: ScenarioParameters = {
  staffPer10kM2: 1.2,
  monthlyWage: 3200,
  otherCostPerM2Month: 0.25,
  sharedCostPerClusterMonth: 12_000,
  maxDistanceKm: 1.5,
  minHouseholds: 300,
  maxHouseholds: 5000,
  maxCompoundsPerCluster: 8,
  timeLimitSeconds: 20,
  statuses: [],
};
