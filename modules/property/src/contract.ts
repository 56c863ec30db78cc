import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';
import { companyKinds, managementStatuses, receptionStatuses, serviceModes } from './vocabulary.ts';

// The HTTP contract of property. Imports only typebox and pure files: the web takes its types from here.
export * from './vocabulary.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateString = Type.String({ format: 'date' });
export const ManagementStatusSchema = Type.Enum([...managementStatuses], { description: '管得好 / 管不好 / 无人管 / 自己管' });
export const ServiceModeSchema = Type.Enum([...serviceModes]);
export const CompanyKindSchema = Type.Enum([...companyKinds]);
const Rate = Type.Number({ minimum: 0, maximum: 1 });

// ---- companies (物业服务企业)
export const CrossPosting = Type.Object({
  id: Uuid,
  personName: Type.String(),
  companyPost: Type.String(),
  partyPost: Type.String(),
  since: DateString,
});
export type CrossPosting = Static<typeof CrossPosting>;

export const PropertyCompany = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  name: Type.String(),
  kind: CompanyKindSchema,
  creditCode: Nullable(Type.String()),
  servicePhone: Nullable(Type.String()),
  partyOrgId: Nullable(Uuid),
  partyOrgName: Nullable(Type.String()),
  instructorName: Nullable(Type.String()),
  compounds: Type.Integer({ description: 'compounds whose profile names the company' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type PropertyCompany = Static<typeof PropertyCompany>;

export const CompanyFilter = {
  nodeId: Type.Optional(Uuid),
  kind: Type.Optional(CompanyKindSchema),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the name' })),
  sort: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('-name'), Type.Literal('createdAt'), Type.Literal('-createdAt')])),
};
export const CompanyListQuery = Type.Object({ ...PageQuery, ...CompanyFilter });
export type CompanyListQuery = Static<typeof CompanyListQuery>;
export const CompanyExportQuery = Type.Object(CompanyFilter);
export const CompanyPage = Page(PropertyCompany);

const CreditCode = Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '统一社会信用代码 (18 characters)' });
const Phone = Type.String({ pattern: '^[0-9+() -]{5,30}$', description: 'the company service number' });
export const SaveCompanyBody = Type.Object({
  communityId: Uuid,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: CompanyKindSchema,
  creditCode: Type.Optional(Nullable(CreditCode)),
  servicePhone: Type.Optional(Nullable(Phone)),
  partyOrgId: Type.Optional(Nullable(Uuid)),
  instructorName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
});
export type SaveCompanyBody = Static<typeof SaveCompanyBody>;

export const CrossPostingBody = Type.Object({
  personName: Type.String({ minLength: 1, maxLength: 50 }),
  companyPost: Type.String({ minLength: 1, maxLength: 100 }),
  partyPost: Type.String({ minLength: 1, maxLength: 100 }),
  since: DateString,
});
export type CrossPostingBody = Static<typeof CrossPostingBody>;

// ---- contracts (物业服务合同) and collection rates
export const Collection = Type.Object({ period: Type.String(), rate: Rate });
export const PropertyContract = Type.Object({
  id: Uuid,
  companyId: Uuid,
  companyName: Type.String(),
  compoundId: Uuid,
  compoundName: Type.String(),
  startsOn: DateString,
  endsOn: Nullable(DateString),
  services: Type.Array(Type.String()),
  feePerM2Month: Type.Number(),
  collections: Type.Array(Collection),
});
export type PropertyContract = Static<typeof PropertyContract>;
export const ContractListQuery = Type.Object({ companyId: Type.Optional(Uuid), compoundId: Type.Optional(Uuid) });
export const ContractList = Type.Object({ items: Type.Array(PropertyContract) });

export const CreateContractBody = Type.Object({
  companyId: Uuid,
  compoundId: Uuid,
  startsOn: DateString,
  endsOn: Type.Optional(Nullable(DateString)),
  services: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 30 })),
  feePerM2Month: Type.Number({ minimum: 0, maximum: 100 }),
  makeCurrent: Type.Optional(Type.Boolean({ description: 'make it the compound’s current contract (default true)' })),
});
export type CreateContractBody = Static<typeof CreateContractBody>;

export const CollectionBody = Type.Object({
  period: Type.String({ pattern: '^[0-9]{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$', description: '2025, 2025-H1, 2025-Q3 or 2025-07' }),
  rate: Rate,
});
export type CollectionBody = Static<typeof CollectionBody>;

// ---- compound profiles (小区物业档案)
export const StatusChange = Type.Object({
  id: Uuid,
  source: Type.Enum(['computed', 'override', 'override_cleared', 'profile', 'cluster']),
  statusFrom: Nullable(ManagementStatusSchema),
  statusTo: ManagementStatusSchema,
  serviceMode: Nullable(ServiceModeSchema),
  companyId: Nullable(Uuid),
  clusterId: Nullable(Uuid),
  criteriaVersion: Nullable(Type.Integer()),
  reason: Nullable(Type.String()),
  changedBy: Nullable(Type.String()),
  changedAt: Type.String({ format: 'date-time' }),
});
export type StatusChange = Static<typeof StatusChange>;

export const CompoundProfile = Type.Object({
  compoundId: Uuid,
  compoundName: Type.String(),
  communityId: Uuid,
  communityName: Type.String(),
  subdistrictName: Type.String(),
  households: Type.Integer(),
  floorAreaM2: Type.Number(),
  companyId: Nullable(Uuid),
  companyName: Nullable(Type.String()),
  companyKind: Nullable(CompanyKindSchema),
  contractId: Nullable(Uuid),
  feePerM2Month: Nullable(Type.Number()),
  collectionRate: Nullable(Type.Number()),
  satisfaction: Nullable(Type.Number()),
  computedStatus: ManagementStatusSchema,
  overrideStatus: Nullable(ManagementStatusSchema),
  overrideReason: Nullable(Type.String()),
  status: ManagementStatusSchema,
  serviceMode: Nullable(ServiceModeSchema),
  clusterId: Nullable(Uuid),
  clusterName: Nullable(Type.String()),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type CompoundProfile = Static<typeof CompoundProfile>;
export const CompoundProfileDetail = Type.Intersect([CompoundProfile, Type.Object({ history: Type.Array(StatusChange) })]);
export type CompoundProfileDetail = Static<typeof CompoundProfileDetail>;

export const ProfileFilter = {
  nodeId: Type.Optional(Uuid),
  status: Type.Optional(ManagementStatusSchema),
  serviceMode: Type.Optional(ServiceModeSchema),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the compound name' })),
  sort: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('-name'), Type.Literal('updatedAt'), Type.Literal('-updatedAt')])),
};
export const ProfileListQuery = Type.Object({ ...PageQuery, ...ProfileFilter });
export type ProfileListQuery = Static<typeof ProfileListQuery>;
export const ProfileExportQuery = Type.Object(ProfileFilter);
export const ProfilePage = Page(CompoundProfile);
export const CompoundParams = Type.Object({ compoundId: Uuid });

export const SaveProfileBody = Type.Object({
  floorAreaM2: Type.Optional(Type.Number({ minimum: 0, maximum: 1e8 })),
  contractId: Type.Optional(Nullable(Uuid)),
  satisfaction: Type.Optional(Nullable(Rate)),
  serviceMode: Type.Optional(Nullable(ServiceModeSchema)),
});
export type SaveProfileBody = Static<typeof SaveProfileBody>;

export const OverrideBody = Type.Object({
  status: Nullable(ManagementStatusSchema),
  reason: Type.String({ minLength: 1, maxLength: 500, description: 'why (required, also to clear an override)' }),
});
export type OverrideBody = Static<typeof OverrideBody>;

// ---- criteria (per county, versioned)
export const Criteria = Type.Object({
  version: Type.Integer(),
  wellMinCollectionRate: Rate,
  wellMinSatisfaction: Rate,
  wellMinEvaluationScore: Nullable(
    Type.Number({ minimum: 0, maximum: 100, description: 'minimum evaluation score for 管得好; null: not used' }),
  ),
  note: Nullable(Type.String()),
  createdAt: Nullable(Type.String()),
});
export type Criteria = Static<typeof Criteria>;
export const CriteriaBody = Type.Object({
  wellMinCollectionRate: Rate,
  wellMinSatisfaction: Rate,
  wellMinEvaluationScore: Type.Optional(
    Nullable(
      Type.Number({ minimum: 0, maximum: 100, description: 'minimum combined evaluation score (out of 100) for 管得好; null: not used' }),
    ),
  ),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type CriteriaBody = Static<typeof CriteriaBody>;

// ---- contract renewal decisions (续聘 / 整改 / 解聘), based on evaluation scores
export const renewalDecisions = ['renew', 'rectify', 'terminate'] as const;
export const EvaluationScore = Type.Object({
  roundId: Uuid,
  period: Type.String({ description: 'the evaluation round’s quarter, e.g. 2026-Q3' }),
  score: Type.Number({ description: 'the compound’s combined score out of 100' }),
  companyId: Nullable(Uuid),
});
export type EvaluationScore = Static<typeof EvaluationScore>;
export const RenewalDecision = Type.Object({
  id: Uuid,
  contractId: Uuid,
  decision: Type.Enum(renewalDecisions),
  reason: Type.String(),
  basis: Type.Array(EvaluationScore, { description: 'the compound’s evaluation scores shown when deciding' }),
  decidedByName: Nullable(Type.String({ description: 'who decided (their name when they decided)' })),
  decidedAt: Type.String({ format: 'date-time' }),
});
export type RenewalDecision = Static<typeof RenewalDecision>;
export const RenewalDecisions = Type.Object({
  contract: PropertyContract,
  /** What a new decision would be based on: the compound's scores now, newest first. */
  scores: Type.Array(EvaluationScore),
  decisions: Type.Array(RenewalDecision),
});
export type RenewalDecisions = Static<typeof RenewalDecisions>;
export const RenewalDecisionBody = Type.Object({
  decision: Type.Enum(renewalDecisions, { description: 'renew 续聘, rectify 整改, terminate 解聘' }),
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
});
export type RenewalDecisionBody = Static<typeof RenewalDecisionBody>;

// ---- ledger (台账) and KPIs
const StatusCounts = Type.Object({ well: Type.Integer(), poor: Type.Integer(), unmanaged: Type.Integer(), self: Type.Integer() });
export const LedgerRow = Type.Object({
  nodeId: Uuid,
  nodeName: Type.String(),
  compounds: Type.Integer(),
  households: Type.Integer(),
  byStatus: StatusCounts,
  byMode: Type.Record(Type.String(), Type.Integer()),
  companies: Type.Integer(),
  averageFee: Nullable(Type.Number()),
  collectionRate: Nullable(Type.Number()),
});
export type LedgerRow = Static<typeof LedgerRow>;
export const LedgerQuery = Type.Object({
  nodeId: Type.Optional(Uuid),
  by: Type.Optional(Type.Union([Type.Literal('subdistrict'), Type.Literal('community')], { default: 'subdistrict' })),
});
export type LedgerQuery = Static<typeof LedgerQuery>;
export const Ledger = Type.Object({ rows: Type.Array(LedgerRow) });

export const KpiQuery = Type.Object({ nodeId: Type.Optional(Uuid), from: DateString, to: DateString });
export type KpiQuery = Static<typeof KpiQuery>;
export const PropertyKpis = Type.Object({
  compounds: Type.Integer(),
  compoundsByStatus: StatusCounts,
  compoundsByMode: Type.Record(Type.String(), Type.Integer()),
  clusters: Type.Integer(),
  companiesByKind: Type.Object({
    state_owned: Type.Integer(),
    market: Type.Integer(),
    community_service: Type.Integer(),
    self_managed: Type.Integer(),
  }),
  communityServiceCompanies: Type.Integer(),
  ownersCommittees: Type.Integer(),
  propertyManagementCommittees: Type.Integer(),
  committeesPartyShareMet: Type.Integer(),
  renovatedCompounds: Type.Integer(),
  illegalStructuresRemoved: Type.Integer(),
  illegalStructureAreaM2: Type.Number(),
  rubbishTonnes: Type.Number(),
  parkingSpaces: Type.Integer(),
  chargers: Type.Integer(),
  jointMeetings: Type.Object(
    { county: Type.Integer(), subdistrict: Type.Integer(), community: Type.Integer() },
    { description: 'joint meetings (联席会议) held in the range, by level' },
  ),
  microGrids: Type.Integer({ description: 'micro-grids under the node (now)' }),
  microGridMembers: Type.Integer(),
  redStewardTeams: Type.Integer({ description: '红管家 teams registered at places under the node (now)' }),
  compoundBranches: Type.Integer({ description: 'compounds with a compound party branch in the party records (now)' }),
  companiesWithPartyOrg: Type.Integer({
    description: 'registered property companies (not self-managed) naming their party organisation (now)',
  }),
  instructors: Type.Integer({ description: 'party-building instructors (党建指导员) serving today at places under the node' }),
  stations: Type.Array(Type.Object({ kind: Type.String(), name: Type.String(), count: Type.Integer() }), {
    description: 'deliberation stations in service by kind (the county’s kinds: 小区党群服务站, 议事亭, 邻里空间 …), now',
  }),
});
export type PropertyKpis = Static<typeof PropertyKpis>;

// ---- a resident's own compound (the phone)
export const MyCompound = Type.Object({
  compoundId: Uuid,
  compoundName: Type.String(),
  communityName: Type.String(),
  status: ManagementStatusSchema,
  serviceMode: Nullable(ServiceModeSchema),
  company: Nullable(Type.Object({ name: Type.String(), kind: CompanyKindSchema, servicePhone: Nullable(Type.String()) })),
  contract: Nullable(
    Type.Object({
      startsOn: DateString,
      endsOn: Nullable(DateString),
      services: Type.Array(Type.String()),
      feePerM2Month: Type.Number(),
      collectionRate: Nullable(Type.Number({ description: 'the latest period’s rate' })),
      collectionPeriod: Nullable(Type.String()),
    }),
  ),
  committee: Nullable(
    Type.Object({
      name: Type.String(),
      kind: Type.String(),
      termStart: Type.String(),
      termEnd: Type.String(),
      members: Type.Array(Type.Object({ id: Uuid, name: Type.String({ description: 'masked (王**)' }), position: Type.String() })),
    }),
  ),
  receptionDays: Type.Array(Type.Object({ heldOn: DateString, hours: Type.String(), place: Type.String(), hostName: Type.String() }), {
    description: 'the next scheduled property manager reception days (at most 3)',
  }),
});
export type MyCompound = Static<typeof MyCompound>;
export const MyCompounds = Type.Object({
  compounds: Type.Array(MyCompound, { description: 'one per compound the resident’s households are in (none without a profile)' }),
});
export type MyCompounds = Static<typeof MyCompounds>;

// ---- five-level linkage of a compound (五级联动)
const LinkedOrg = Type.Object({ name: Type.String(), leader: Nullable(Type.String({ description: 'masked (王**)' })) });
export const CompoundLinkage = Type.Object({
  compoundId: Uuid,
  compoundName: Type.String(),
  communityOrg: Nullable(LinkedOrg),
  compoundBranch: Nullable(LinkedOrg),
  committee: Nullable(
    Type.Object({
      name: Type.String(),
      kind: Type.String(),
      chair: Nullable(Type.String({ description: 'masked' })),
      members: Type.Integer(),
    }),
  ),
  microGrids: Type.Array(
    Type.Object({ name: Type.String(), leader: Nullable(Type.String({ description: 'masked' })), members: Type.Integer() }),
  ),
  memberHouseholds: Type.Integer({ description: 'party member households (党员中心户) in the compound' }),
  households: Type.Integer(),
});
export type CompoundLinkage = Static<typeof CompoundLinkage>;

// ---- 物业经理接待日 (reception days)
export const ReceptionStatus = Type.Union(receptionStatuses.map((s) => Type.Literal(s)));
export type ReceptionStatus = (typeof receptionStatuses)[number];
export const ReceptionQuestion = Type.Object({
  id: Uuid,
  householdId: Nullable(Uuid),
  householdName: Nullable(Type.String({ description: 'building, entrance and number of the household (no resident name)' })),
  question: Type.String(),
  answer: Nullable(Type.String()),
  demandId: Nullable(Uuid),
  demandNumber: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ReceptionQuestion = Static<typeof ReceptionQuestion>;
export const ReceptionDay = Type.Object({
  id: Uuid,
  compoundId: Uuid,
  compoundName: Type.String(),
  communityName: Type.String(),
  companyId: Uuid,
  companyName: Type.String(),
  heldOn: DateString,
  hours: Type.String(),
  place: Type.String(),
  hostName: Type.String(),
  status: ReceptionStatus,
  summary: Nullable(Type.String()),
  questions: Type.Integer(),
  demands: Type.Integer({ description: 'questions that became demands' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ReceptionDay = Static<typeof ReceptionDay>;
export const ReceptionDayDetail = Type.Intersect([ReceptionDay, Type.Object({ questionList: Type.Array(ReceptionQuestion) })]);
export type ReceptionDayDetail = Static<typeof ReceptionDayDetail>;
export const ReceptionFilter = {
  nodeId: Type.Optional(Uuid),
  status: Type.Optional(ReceptionStatus),
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
  sort: Type.Optional(Type.Union([Type.Literal('heldOn'), Type.Literal('-heldOn')])),
};
export const ReceptionListQuery = Type.Object({ ...PageQuery, ...ReceptionFilter });
export type ReceptionListQuery = Static<typeof ReceptionListQuery>;
export const ReceptionExportQuery = Type.Object(ReceptionFilter);
export const ReceptionPage = Page(ReceptionDay);
export const ReceptionCursor = Type.Tuple([DateString, Uuid]);
export const ScheduleReceptionBody = Type.Object({
  compoundId: Uuid,
  heldOn: DateString,
  hours: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'e.g. 09:00-11:30' }),
  place: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  hostName: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', description: 'the property manager receiving residents' }),
});
export type ScheduleReceptionBody = Static<typeof ScheduleReceptionBody>;
export const ReceptionQuestionBody = Type.Object({
  householdId: Type.Optional(Nullable(Uuid)),
  question: Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' }),
  answer: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type ReceptionQuestionBody = Static<typeof ReceptionQuestionBody>;
export const QuestionToDemandBody = Type.Object({
  categoryId: Uuid,
  type: Type.Optional(Type.Union([Type.Literal('help'), Type.Literal('complaint'), Type.Literal('suggestion'), Type.Literal('report')])),
});
export type QuestionToDemandBody = Static<typeof QuestionToDemandBody>;
export const EndReceptionBody = Type.Object({
  status: Type.Union([Type.Literal('held'), Type.Literal('cancelled')]),
  summary: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type EndReceptionBody = Static<typeof EndReceptionBody>;

// ---- 党建指导员 (party-building instructors)
export const Instructor = Type.Object({
  id: Uuid,
  name: Type.String(),
  unit: Nullable(Type.String()),
  nodeId: Uuid,
  nodeName: Type.String(),
  nodeKind: Type.String(),
  communityName: Type.String(),
  companyId: Nullable(Uuid),
  companyName: Nullable(Type.String()),
  appointedOn: DateString,
  endedOn: Nullable(DateString),
});
export type Instructor = Static<typeof Instructor>;
export const InstructorFilter = {
  nodeId: Type.Optional(Uuid),
  companyId: Type.Optional(Uuid),
  active: Type.Optional(Type.Boolean({ description: 'only instructors serving now (true) or ended (false)' })),
  sort: Type.Optional(Type.Union([Type.Literal('appointedOn'), Type.Literal('-appointedOn')])),
};
export const InstructorListQuery = Type.Object({ ...PageQuery, ...InstructorFilter });
export const InstructorExportQuery = Type.Object(InstructorFilter);
export const InstructorPage = Page(Instructor);
export const InstructorCursor = Type.Tuple([DateString, Uuid]);
export const AppointInstructorBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' }),
  unit: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  nodeId: Uuid,
  companyId: Type.Optional(Nullable(Uuid)),
  appointedOn: DateString,
});
export type AppointInstructorBody = Static<typeof AppointInstructorBody>;
export const EndInstructorBody = Type.Object({ endedOn: DateString });
export type EndInstructorBody = Static<typeof EndInstructorBody>;
