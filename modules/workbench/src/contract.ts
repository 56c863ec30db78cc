/** Response schemas of the workbench API, shared with the web app (imports typebox only). */
import { type Static, Type } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: 'null when the base is 0' });
const DemandStatus = Type.String({ description: 'a demand status (submitted, accepted, …)' });

/** The work a card counts; each but `unread_notices` is a tab of the staff inbox with the same name. */
export const workKinds = ['to_accept', 'to_dispatch', 'in_progress', 'due_soon', 'overdue', 'to_callback', 'unread_notices'] as const;
export type WorkKind = (typeof workKinds)[number];

export const WorkCount = Type.Object({
  kind: Type.Enum(workKinds),
  count: Type.Integer({ minimum: 0 }),
  /** The count stopped at its cap: there are more (shown as "2000+"). */
  more: Type.Boolean(),
});
export type WorkCount = Static<typeof WorkCount>;

export const DueItem = Type.Object({
  id: Uuid,
  number: Type.String(),
  title: Type.String(),
  status: DemandStatus,
  categoryName: Type.String(),
  placeName: Type.String(),
  /** Which deadline falls today: the response deadline (before acceptance) or the resolution deadline. */
  deadline: Type.Enum(['response', 'resolution']),
  dueAt: DateTime,
});
export type DueItem = Static<typeof DueItem>;

/** The KPIs of the scope over one period (demands submitted in it). */
export const PeriodFigures = Type.Object({
  from: Day,
  to: Day,
  submitted: Type.Integer(),
  accepted: Type.Integer(),
  resolved: Type.Integer(),
  /** resolved ÷ accepted */
  resolutionRate: Rate,
  evaluated: Type.Integer(),
  satisfiedOrBasically: Type.Integer(),
  /** (satisfied + basically satisfied) ÷ evaluated */
  satisfactionRate: Rate,
});
export type PeriodFigures = Static<typeof PeriodFigures>;

export const Figures = Type.Object({
  /** This month up to today. */
  thisMonth: PeriodFigures,
  /** The whole previous month. */
  lastMonth: PeriodFigures,
});
export type Figures = Static<typeof Figures>;

/** The territory in the terms county reports use: branches built in compounds, groups in buildings, member households, demands solved. */
export const TerritoryFigures = Type.Object({
  compounds: Type.Integer(),
  /** Compounds with a compound party branch (小区党支部). */
  compoundBranches: Type.Integer(),
  buildings: Type.Integer(),
  /** Buildings with a building party group (楼栋党小组). */
  buildingGroups: Type.Integer(),
  /** Party-member households (党员中心户). */
  memberHouseholds: Type.Integer(),
  /** This year up to today: demands collected and solved. */
  year: Type.Object({ from: Day, to: Day, submitted: Type.Integer(), resolved: Type.Integer() }),
});
export type TerritoryFigures = Static<typeof TerritoryFigures>;

export const Place = Type.Object({ id: Uuid, kind: Type.String(), name: Type.String() });
export type Place = Static<typeof Place>;

/** One resolved public demand as the notice board shows it: no name, contact or door. */
export const BoardItem = Type.Object({
  number: Type.String(),
  category: Type.String(),
  place: Type.Array(Type.String()),
  title: Type.String(),
  result: Type.Union([Type.String(), Type.Null()]),
  submittedAt: DateTime,
  resolvedAt: DateTime,
  satisfaction: Type.Union([Type.String(), Type.Null()]),
});
export type BoardItem = Static<typeof BoardItem>;

/** Where a community's public notice board is (the web page /board/:tenantId/:communityId). */
export const BoardRef = Type.Object({ tenantId: Type.String(), communityId: Uuid, communityName: Type.String() });
export type BoardRef = Static<typeof BoardRef>;

/** A public demand of the compound still being handled: no name, contact or door. */
export const PublicOpenDemand = Type.Object({
  number: Type.String(),
  title: Type.String(),
  status: DemandStatus,
  categoryName: Type.String(),
  submittedAt: DateTime,
});
export type PublicOpenDemand = Static<typeof PublicOpenDemand>;

/** An owners' committee member's compound: its figures, its public demands being handled and the latest of its public board. */
export const CompoundView = Type.Object({
  compound: Place,
  figures: Figures,
  open: Type.Object({ total: Type.Integer(), items: Type.Array(PublicOpenDemand) }),
  board: Type.Array(BoardItem),
  boardRef: Type.Union([BoardRef, Type.Null()]),
});
export type CompoundView = Static<typeof CompoundView>;

export const Notice = Type.Object({
  id: Uuid,
  title: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  read: Type.Boolean(),
});
export type Notice = Static<typeof Notice>;

export const Workbench = Type.Object({
  /** The signed-in person's roles, most important first. */
  roles: Type.Array(Type.String()),
  /** The places of their grants (the scope of the figures). */
  places: Type.Array(Place),
  /** Cards: how much work waits, per inbox tab the person can act on, and their unread notices. */
  counts: Type.Array(WorkCount),
  /** Demands whose current deadline falls today (Asia/Shanghai), earliest first; `total` counts them all. */
  today: Type.Union([Type.Object({ day: Day, total: Type.Integer(), items: Type.Array(DueItem) }), Type.Null()]),
  /** KPIs of the scope, this month against last month; null without demand.read. */
  figures: Type.Union([Figures, Type.Null()]),
  /** County and subdistrict staff: the territory's party-building and demand figures. */
  territory: Type.Union([TerritoryFigures, Type.Null()]),
  /** Owners' committee members: their compounds. */
  compounds: Type.Array(CompoundView),
  /** The newest notices and how many are unread. */
  notices: Type.Object({ unread: Type.Integer(), latest: Type.Array(Notice) }),
});
export type Workbench = Static<typeof Workbench>;

/** One home of a resident: the full address, from the compound down to the room. */
export const HomeAddress = Type.Object({
  householdId: Uuid,
  community: Type.Union([Type.String(), Type.Null()]),
  compound: Type.Union([Type.String(), Type.Null()]),
  building: Type.Union([Type.String(), Type.Null()]),
  entrance: Type.Union([Type.String(), Type.Null()]),
  room: Type.String(),
  /** All the names from the subdistrict down, as one line. */
  full: Type.String(),
});
export type HomeAddress = Static<typeof HomeAddress>;

export const OpenDemand = Type.Object({
  id: Uuid,
  number: Type.String(),
  title: Type.String(),
  status: DemandStatus,
  categoryName: Type.String(),
  submittedAt: DateTime,
});
export type OpenDemand = Static<typeof OpenDemand>;

/** The resident's phone home. */
export const ResidentHome = Type.Object({
  homes: Type.Array(HomeAddress),
  openDemands: Type.Object({ total: Type.Integer(), items: Type.Array(OpenDemand) }),
  /** The public notice board of the first home's community: where it is and its latest entries. */
  board: Type.Union([Type.Object({ ref: BoardRef, items: Type.Array(BoardItem) }), Type.Null()]),
  unreadNotices: Type.Integer(),
});
export type ResidentHome = Static<typeof ResidentHome>;
