// Shapes of the demands API (modules/demands/src/contract.ts), kept here like types.ts: the web build
// does not import server modules — except the demands vocabulary (statuses, actions, channels …),
// a file that imports nothing, declared once for the server's schemas and these pages. Endpoints
// of sibling modules (suggest, KPI groups, rankings) are offered when the module list holds them.
import type { Channel, DemandAction, DemandStatus, DemandType, HandlingLevel, Satisfaction, Urgency } from '@linli/demands/vocabulary';
import { ApiError, api } from '@linli/web-kit/client';
import { hasModule } from '@linli/web-kit/installed';

export {
  type Channel,
  type DemandAction,
  type DemandStatus,
  type DemandType,
  demandActions,
  demandChannels,
  demandStatuses,
  demandTypes,
  type HandlingLevel,
  handlingLevels,
  type InboxTab,
  inboxTabs,
  openStatuses,
  type Satisfaction,
  satisfactions,
  type Urgency,
  urgencies,
} from '@linli/demands/vocabulary';

export interface UnitRef {
  kind: 'node' | 'department';
  id: string;
  name: string;
}

export interface Demand {
  id: string;
  number: string;
  title: string;
  channel: Channel;
  type: DemandType;
  categoryId: string;
  categoryName: string;
  urgency: Urgency;
  status: DemandStatus;
  level: HandlingLevel;
  nodeId: string;
  locationPath: string[];
  address: string | null;
  handlingUnit: UnitRef | null;
  firstReceiver: UnitRef | null;
  reporterKind: 'resident' | 'caller' | 'anonymous';
  reporterName: string | null;
  reporterPhone: string | null;
  /** 仅工作人员可见: the reporter keeps it off the notice board and Open311. */
  staffOnly: boolean;
  externalId: string | null;
  submittedAt: string;
  responseDueAt: string;
  resolveDueAt: string;
  respondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  satisfaction: Satisfaction | null;
  supervised: boolean;
  extensionRequestedUntil: string | null;
  deadlineState: 'on_time' | 'due_soon' | 'overdue' | null;
  version: number;
}

export interface TimelineEntry {
  seq: number;
  at: string;
  actorName: string | null;
  action: string;
  fromStatus: DemandStatus | null;
  toStatus: DemandStatus;
  note: string | null;
  data: Record<string, unknown>;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  stage?: string;
}

export interface DemandDetail extends Demand {
  description: string;
  lat: number | null;
  lng: number | null;
  result: string | null;
  rejectReason: string | null;
  extensionReason: string | null;
  mergedIntoId: string | null;
  reopenCount: number;
  escalationCount: number;
  timeline: TimelineEntry[];
  allowedActions: DemandAction[];
  /** Present once the attachments endpoint exists on the server. */
  attachments?: Attachment[];
}

export interface Category {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  defaultLevel: HandlingLevel;
  defaultDepartmentId: string | null;
  children: Category[];
}

export interface Department {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export type Rate = number | null;
export interface Kpis {
  nodeId: string;
  from: string;
  to: string;
  submitted: number;
  accepted: number;
  responseDue: number;
  respondedOnTime: number;
  responseRate: Rate;
  resolved: number;
  resolutionRate: Rate;
  closed: number;
  completionRate: Rate;
  resolvedOnTime: number;
  onTimeRate: Rate;
  evaluated: number;
  satisfiedOrBasically: number;
  satisfactionRate: Rate;
  averageHandlingHours: number | null;
  resolvedByLevel: Record<HandlingLevel, Rate>;
  callbackCovered: number;
  callbackCoverage: Rate;
}

export const kpiGroupings = ['child', 'category', 'month', 'level', 'channel'] as const;
export type KpiGrouping = (typeof kpiGroupings)[number];
export interface KpiGroup {
  key: string;
  label: string;
  kpis: Kpis;
}
export interface KpiReport {
  kpis: Kpis;
  groups: KpiGroup[];
}

export interface Ranking {
  unitId: string;
  unitName: string;
  level: string;
  sample: number;
  kpis: Kpis;
  /** null below the minimum sample. */
  rank: number | null;
}

export interface Suggestion {
  categories: { categoryId: string; code: string; name: string; confidence: number }[];
  levels: { level: HandlingLevel; confidence: number }[];
  similar: SimilarDemand[];
}
export interface SimilarDemand {
  id: string;
  number: string;
  title: string;
  status: DemandStatus;
  submittedAt: string;
  score: number;
  /** node: same compound or place; radius: coordinates nearby; text: wording only. */
  matchedBy?: 'node' | 'radius' | 'text';
  distanceMeters?: number;
  /** The caller reported it (a resident may open their own). */
  mine?: boolean;
  /** Staff list only: merge (both open, same place, nearly the same text) or link (a person decides). */
  suggestion?: 'merge' | 'link';
  categoryName?: string;
}

/** Parts of the demands pages that sibling modules provide. */
export interface DemandFeatures {
  kpiGroups: boolean;
  rankings: boolean;
  kpiExport: boolean;
  suggest: boolean;
  similar: boolean;
  attachments: boolean;
}

/**
 * What this build offers: the KPI breakdowns, rankings and export come with the statistics module,
 * suggestions and similar demands with smart intake (apps/web/src/modules.ts lists the modules).
 */
export function demandFeatures(): Promise<DemandFeatures> {
  const stats = hasModule('demand-stats');
  const smart = hasModule('demand-smart');
  return Promise.resolve({ kpiGroups: stats, rankings: stats, kpiExport: stats, suggest: smart, similar: smart, attachments: true });
}

export const demandsApi = {
  detail: (id: string) => api.get<DemandDetail>(`/demands/${id}`),
  categories: () => api.get<{ items: Category[] }>('/demand-categories').then((r) => r.items),
  departments: () => api.get<{ items: Department[] }>('/departments').then((r) => r.items),
  act: (id: string, action: DemandAction, body: Record<string, unknown>) => api.post<Demand>(`/demands/${id}/${actionPath[action]}`, body),
  suggest: (body: { title?: string; description: string; nodeId?: string; lat?: number; lng?: number }) =>
    api.post<Suggestion>('/demands/suggest', body),
  similar: (id: string) => api.get<{ items: SimilarDemand[] }>(`/demands/${id}/similar`).then((r) => r.items ?? []),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<Attachment>('/demand-attachments', form);
  },
};

/** The URL path segment of each action (`POST /demands/:id/<segment>`). */
export const actionPath: Record<DemandAction, string> = {
  accept: 'accept',
  reject: 'reject',
  dispatch: 'dispatch',
  start: 'start',
  resolve: 'resolve',
  evaluate: 'evaluate',
  close: 'close',
  return: 'return',
  transfer: 'transfer',
  escalate: 'escalate',
  request_extension: 'extension-request',
  decide_extension: 'extension-decision',
  reopen: 'reopen',
  merge: 'merge',
  supervise: 'supervise',
  callback: 'callbacks',
};

/** Flattens the category tree into `[category, depth]` rows for selects. */
export function flattenCategories(items: Category[], depth = 0): { category: Category; depth: number }[] {
  return items.flatMap((c) => [{ category: c, depth }, ...flattenCategories(c.children ?? [], depth + 1)]);
}

export interface CategoryTreeOption {
  value: string;
  title: string;
  children: CategoryTreeOption[];
}
/** The category tree as TreeSelect data. */
export function categoryTreeData(items: Category[]): CategoryTreeOption[] {
  return items.map((c) => ({ value: c.id, title: c.name, children: categoryTreeData(c.children ?? []) }));
}

/** An ltree label (node id hex without dashes) back to the UUID. */
export function idOfLabel(label: string): string {
  return label.length === 32
    ? `${label.slice(0, 8)}-${label.slice(8, 12)}-${label.slice(12, 16)}-${label.slice(16, 20)}-${label.slice(20)}`
    : label;
}

/** A UUID kept for the life of a form, sent as Idempotency-Key so a retried POST does not create two demands. */
export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

// Category settings (诉求类别与时限): the tree with deadline rules, and its writes (demand.configure on the county).
export type DeadlineUnit = 'hours' | 'working_days';
/** One deadline rule of a category as the tree lists it: its own, or inherited from the nearest ancestor. */
export interface CategoryDeadline {
  urgency: Urgency;
  /** null: the rule for every demand type; a type's rule wins over it for demands of that type. */
  type: DemandType | null;
  responseValue: number;
  responseUnit: DeadlineUnit;
  resolveValue: number;
  resolveUnit: DeadlineUnit;
  inherited: boolean;
}
/** A category with its deadlines, as GET /demand-categories returns it (retired ones only with includeInactive). */
export interface CategorySetting extends Omit<Category, 'children'> {
  deadlines: CategoryDeadline[];
  /** false: retired (listed only with includeInactive). */
  active: boolean;
  /** false: its demands are never published (notice board, Open311). */
  isPublic: boolean;
  /** Send it back with an update: a category saved by someone else since is refused with 409. */
  version: number;
  children: CategorySetting[];
}
/** A category's own rule as written; `type` is sent only when the rule is for one demand type. */
export interface DeadlineRuleInput {
  urgency: Urgency;
  type?: DemandType;
  responseValue: number;
  responseUnit: DeadlineUnit;
  resolveValue: number;
  resolveUnit: DeadlineUnit;
}
export interface CreateCategoryInput {
  parentId?: string;
  code: string;
  name: string;
  defaultLevel: HandlingLevel;
  defaultDepartmentId?: string;
  deadlines?: DeadlineRuleInput[];
}
export interface UpdateCategoryInput {
  name?: string;
  defaultLevel?: HandlingLevel;
  defaultDepartmentId?: string | null;
  active?: boolean;
  isPublic?: boolean;
  /** Replaces the category's own rules; urgencies and types left out are inherited. */
  deadlines?: DeadlineRuleInput[];
  /** The version the edit started from. */
  version?: number;
}

export const categorySettingsApi = {
  /** `includeInactive` needs demand.configure (403 otherwise). */
  tree: (includeInactive = false) =>
    api.get<{ items: CategorySetting[] }>('/demand-categories', includeInactive ? { includeInactive } : undefined).then((r) => r.items),
  create: (body: CreateCategoryInput) => api.post<CategorySetting>('/demand-categories', body),
  update: (id: string, body: UpdateCategoryInput) => api.patch<CategorySetting>(`/demand-categories/${id}`, body),
};

/** The 409 of a save made on a stale version (details `{ version }`), as opposed to a duplicate code or name (`{ field }`). */
export function isStaleCategory(e: unknown): boolean {
  if (!(e instanceof ApiError) || e.status !== 409) return false;
  const d = e.details as { version?: unknown; field?: unknown } | undefined;
  return typeof d?.version === 'number' && d.field === undefined;
}
