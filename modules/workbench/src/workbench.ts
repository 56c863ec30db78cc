import { type Ability, type Actor, type Grant, type Role, roles, scopePaths } from '@linli/core';
import type { Db } from '@linli/db';
import { BoardRepository, KpiRepository } from '@linli/demand-stats';
import { DemandRepository } from '@linli/demands';
import { notifications } from '@linli/notifications';
import { CoverageRepository } from '@linli/party';
import { territory } from '@linli/territory';
import type {
  BoardItem,
  BoardRef,
  CompoundView,
  Figures,
  HomeAddress,
  PeriodFigures,
  Place,
  ResidentHome,
  TerritoryFigures,
  Workbench,
  WorkCount,
  WorkKind,
} from './contract.ts';

/**
 * The workbench of a signed-in person, read through the other modules' interfaces only: the inbox
 * counts and today's deadlines from demands (the same visibility as the inbox), the KPIs and the
 * public board from demand statistics, party coverage from party, unread messages from
 * notifications. Every read is scoped in its SQL by the person's grants; nothing here names a
 * reporter or shows a contact.
 */

/** Counts stop here, like the inbox total ("2000+"). */
export const COUNT_CAP = 2000;
const TODAY_LIMIT = 8;
const BOARD_LIMIT = 5;
const NOTICE_LIMIT = 5;
const DAY = 86_400_000;

/** Which card each ability earns: the inbox tab the person acts on. */
const cardAbilities: Record<Exclude<WorkKind, 'unread_notices'>, readonly Ability[]> = {
  to_accept: ['demand.intake'],
  to_dispatch: ['demand.dispatch'],
  // Handlers without the dispatch desk (property staff) work through what was dispatched to them.
  in_progress: [],
  due_soon: ['demand.read', 'demand.handle'],
  overdue: ['demand.read', 'demand.handle'],
  to_callback: ['demand.intake'],
};

// ---- dates (Asia/Shanghai) --------------------------------------------------------------------

/** The day (YYYY-MM-DD) in Asia/Shanghai at `now`. */
export function shanghaiDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`);

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** This month up to today, the whole previous month, and the year up to today. */
export function periodsOf(now: Date) {
  const today = shanghaiDay(now);
  const month = today.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return {
    today,
    thisMonth: { from: `${month}-01`, to: today },
    lastMonth: { from: `${previous}-01`, to: lastDayOf(previous) },
    year: { from: `${y}-01-01`, to: today },
  };
}

// ---- figures ------------------------------------------------------------------------------------

const rate = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);

/** The figures of several disjoint subtrees over one period: counts added up, rates from the sums. */
async function periodFigures(
  db: Db,
  tenantId: string,
  roots: { id: string; path: string }[],
  period: { from: string; to: string },
  now: Date,
): Promise<PeriodFigures> {
  const repo = new KpiRepository(db);
  const parts = await Promise.all(roots.map((root) => repo.forSubtree(tenantId, root, period.from, period.to, now)));
  const sum = (pick: (k: (typeof parts)[number]) => number) => parts.reduce((acc, k) => acc + pick(k), 0);
  const accepted = sum((k) => k.accepted);
  const resolved = sum((k) => k.resolved);
  const evaluated = sum((k) => k.evaluated);
  const satisfied = sum((k) => k.satisfiedOrBasically);
  return {
    ...period,
    submitted: sum((k) => k.submitted),
    accepted,
    resolved,
    resolutionRate: rate(resolved, accepted),
    evaluated,
    satisfiedOrBasically: satisfied,
    satisfactionRate: rate(satisfied, evaluated),
  };
}

async function figuresOf(db: Db, tenantId: string, roots: { id: string; path: string }[], now: Date): Promise<Figures> {
  const p = periodsOf(now);
  const [thisMonth, lastMonth] = await Promise.all([
    periodFigures(db, tenantId, roots, p.thisMonth, now),
    periodFigures(db, tenantId, roots, p.lastMonth, now),
  ]);
  return { thisMonth, lastMonth };
}

/** The grants (node id and path) whose paths make up `scope`: the roots of a subtree aggregation. */
function rootsOf(actor: Actor, scope: string[]): { id: string; path: string }[] {
  return scope.flatMap((path) => {
    const grant = actor.grants.find((g) => g.path === path);
    return grant ? [{ id: grant.nodeId, path }] : [];
  });
}

/** Scope paths of the grants of these roles (covered paths dropped). */
function pathsOfRoles(actor: Actor, wanted: readonly Role[]): string[] {
  const paths = actor.grants.filter((g) => wanted.includes(g.role)).map((g) => g.path);
  return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && p.startsWith(`${q}.`)));
}

async function territoryFigures(db: Db, actor: Actor, now: Date): Promise<TerritoryFigures | null> {
  const areas = pathsOfRoles(actor, ['county_staff', 'subdistrict_staff']);
  // Party coverage needs party.read there (county and subdistrict staff hold it); the scope is the intersection.
  const partyScope = scopePaths(actor, 'party.read').filter((p) => areas.some((a) => p === a || p.startsWith(`${a}.`)));
  const roots = rootsOf(actor, areas);
  if (roots.length === 0 || partyScope.length === 0) return null;
  const year = periodsOf(now).year;
  const [coverage, demands] = await Promise.all([
    new CoverageRepository(db).counts(actor.tenantId, partyScope),
    periodFigures(db, actor.tenantId, roots, year, now),
  ]);
  return {
    compounds: coverage.compounds,
    compoundBranches: coverage.compoundsWithBranch,
    buildings: coverage.buildings,
    buildingGroups: coverage.buildingsWithGroup,
    memberHouseholds: coverage.memberHouseholds,
    year: { ...year, submitted: demands.submitted, resolved: demands.resolved },
  };
}

// ---- board ----------------------------------------------------------------------------------------

async function boardItems(db: Db, tenantId: string, path: string, limit: number): Promise<BoardItem[]> {
  const entries = await new BoardRepository(db).entries({ tenantId, path }, { limit });
  return entries.map((e) => ({
    number: e.number,
    category: e.category,
    place: e.place,
    title: e.title,
    result: e.result,
    submittedAt: e.submittedAt,
    resolvedAt: e.resolvedAt,
    satisfaction: e.satisfaction,
  }));
}

async function boardRefOf(db: Db, tenantId: string, path: string): Promise<BoardRef | null> {
  const community = await territory.ancestorOfKind(db, tenantId, path, 'community');
  return community ? { tenantId, communityId: community.id, communityName: community.name } : null;
}

/** An owners' committee member's compound (the granted node, or the compound above it). */
async function compoundView(db: Db, actor: Actor, grant: Grant, now: Date): Promise<CompoundView | null> {
  const compound = await territory.ancestorOfKind(db, actor.tenantId, grant.path, 'compound');
  if (!compound) return null;
  const root = { id: compound.id, path: compound.path };
  const [figures, open, board, boardRef] = await Promise.all([
    figuresOf(db, actor.tenantId, [root], now),
    new DemandRepository(db).openPublicIn(actor.tenantId, compound.path, BOARD_LIMIT),
    boardItems(db, actor.tenantId, compound.path, BOARD_LIMIT),
    boardRefOf(db, actor.tenantId, compound.path),
  ]);
  return { compound: { id: compound.id, kind: compound.kind, name: compound.name }, figures, open, board, boardRef };
}

// ---- the workbench -----------------------------------------------------------------------------

function holds(actor: Actor, ability: Ability): boolean {
  return scopePaths(actor, ability).length > 0;
}

/** Which cards the person gets, from their abilities. */
export function cardsOf(actor: Actor): WorkKind[] {
  const kinds: WorkKind[] = [];
  for (const [kind, needs] of Object.entries(cardAbilities) as [Exclude<WorkKind, 'unread_notices'>, readonly Ability[]][]) {
    if (kind === 'in_progress') {
      if (holds(actor, 'demand.handle') && !holds(actor, 'demand.dispatch')) kinds.push(kind);
    } else if (needs.some((a) => holds(actor, a))) kinds.push(kind);
  }
  kinds.push('unread_notices');
  return kinds;
}

async function noticesOf(db: Db, actor: Actor) {
  const [unread, latest] = await Promise.all([
    notifications.unreadCount(db, actor.tenantId, actor.accountId),
    notifications.latest(db, actor.tenantId, actor.accountId, NOTICE_LIMIT),
  ]);
  return {
    unread,
    latest: latest.map((n) => ({ id: n.id, title: n.title, link: n.link, createdAt: n.createdAt, read: n.readAt !== null })),
  };
}

export async function readWorkbench(db: Db, actor: Actor, now = new Date()): Promise<Workbench> {
  const tenantId = actor.tenantId;
  const roleOrder = (r: Role) => roles.indexOf(r);
  const myRoles = [...new Set(actor.grants.map((g) => g.role))].sort((a, b) => roleOrder(a) - roleOrder(b));
  const places: Place[] = actor.grants
    .filter((g, i, all) => all.findIndex((o) => o.nodeId === g.nodeId) === i)
    .map((g) => ({ id: g.nodeId, kind: g.nodeKind ?? '', name: g.nodeName ?? '' }));

  const demandsRepo = new DemandRepository(db);
  const seesDemands = holds(actor, 'demand.read') || holds(actor, 'demand.handle');
  const notices = await noticesOf(db, actor);
  const counts: WorkCount[] = await Promise.all(
    cardsOf(actor).map(async (kind): Promise<WorkCount> => {
      if (kind === 'unread_notices') return { kind, count: notices.unread, more: false };
      const n = await demandsRepo.count(tenantId, actor, { tab: kind }, 'inbox', COUNT_CAP);
      return n === undefined ? { kind, count: COUNT_CAP, more: true } : { kind, count: n, more: false };
    }),
  );

  const today = periodsOf(now).today;
  const due = seesDemands
    ? await demandsRepo.dueBetween(actor, { from: startOf(today), to: new Date(startOf(today).getTime() + DAY) }, TODAY_LIMIT)
    : null;

  // The figures of the scope: where the person reads demands, else where they handle them (property staff).
  const readScope = scopePaths(actor, 'demand.read');
  const kpiRoots = rootsOf(actor, readScope.length > 0 ? readScope : scopePaths(actor, 'demand.handle'));
  const figures = kpiRoots.length > 0 ? await figuresOf(db, tenantId, kpiRoots, now) : null;

  const committeeGrants = actor.grants.filter((g) => g.role === 'owners_committee_member');
  const compounds = (await Promise.all(committeeGrants.map((g) => compoundView(db, actor, g, now)))).filter(
    (c): c is CompoundView => c !== null,
  );
  const unique = compounds.filter((c, i) => compounds.findIndex((o) => o.compound.id === c.compound.id) === i);

  return {
    roles: myRoles,
    places,
    counts,
    today: due ? { day: today, total: due.total, items: due.items } : null,
    figures,
    territory: await territoryFigures(db, actor, now),
    compounds: unique,
    notices,
  };
}

// ---- the resident's phone home ----------------------------------------------------------------

/** The resident's homes (household grants) with their full address, open demands and the community's board. */
export async function readResidentHome(db: Db, actor: Actor): Promise<ResidentHome> {
  const tenantId = actor.tenantId;
  const households = actor.grants.filter(
    (g, i, all) => (g.role === 'resident' || g.nodeKind === 'household') && all.findIndex((o) => o.nodeId === g.nodeId) === i,
  );
  const homes: HomeAddress[] = await Promise.all(
    households.map(async (g): Promise<HomeAddress> => {
      // The person's own address: the names on the path of their own grant.
      const nodes = await territory.pathNodes(db, tenantId, g.path);
      const nameOf = (kind: string) => nodes.find((n) => n.kind === kind)?.name ?? null;
      const self = nodes.at(-1);
      return {
        householdId: g.nodeId,
        community: nameOf('community'),
        compound: nameOf('compound'),
        building: nameOf('building'),
        entrance: nameOf('entrance'),
        room: self?.name ?? g.nodeName ?? '',
        full: nodes
          .filter((n) => n.kind !== 'county')
          .map((n) => n.name)
          .join(' '),
      };
    }),
  );
  const first = households[0];
  const [openDemands, unreadNotices, board] = await Promise.all([
    new DemandRepository(db).openOfReporter(tenantId, actor.accountId, 5),
    notifications.unreadCount(db, tenantId, actor.accountId),
    (async () => {
      if (!first) return null;
      const ref = await boardRefOf(db, tenantId, first.path);
      if (!ref) return null;
      const community = await territory.node(db, tenantId, ref.communityId);
      return community ? { ref, items: await boardItems(db, tenantId, community.path, 3) } : null;
    })(),
  ]);
  return { homes, openDemands, board, unreadNotices };
}
