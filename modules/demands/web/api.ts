// The demands API for the pages: its shapes are the contracts' types (demands, and the sibling
// modules whose parts the pages show: statistics, smart intake, departments), its fixed lists the
// demands vocabulary (a file that imports nothing). Parts of sibling modules (suggestions, KPI
// groups, rankings) are offered when the module list holds them.

import type { SimilarDemand as SimilarDemandSchema, StaffSimilarDemand, Suggestions } from '@linli/demand-smart/contract';
import type { RankedUnit } from '@linli/demand-stats/contract';
import type {
  Attachment,
  CategoryNode,
  CreateCategoryBody as CreateCategoryInput,
  Demand,
  DemandDetail,
  UpdateCategoryBody as UpdateCategoryInput,
} from '@linli/demands/contract';
import type { DemandAction } from '@linli/demands/vocabulary';
import type { Department } from '@linli/departments/contract';
import { ApiError, api } from '@linli/web-kit/client';
import { hasModule } from '@linli/web-kit/installed';
import type { Static } from 'typebox';

export type { Attachment, Demand, DemandDetail, TimelineEntry, UnitRef } from '@linli/demands/contract';
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
export type { Department } from '@linli/departments/contract';
/** A category with its subcategories (GET /demand-categories). */
export type Category = CategoryNode;

export type { KpiGroup, Kpis } from '@linli/demand-stats/contract';
export type { KpiGrouping } from '@linli/demand-stats/vocabulary';
/** A unit of the rankings (GET /demands/rankings). */
export type Ranking = Static<typeof RankedUnit>;
/** What smart intake suggests for a text (POST /demands/suggest): categories, levels, similar demands. */
export type Suggestion = Suggestions;
/** A similar demand; the staff list adds its category and a merge or link suggestion. */
export type SimilarDemand = Static<typeof SimilarDemandSchema> &
  Partial<Omit<Static<typeof StaffSimilarDemand>, keyof Static<typeof SimilarDemandSchema>>>;

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
/** A category with its deadlines and subcategories, as GET /demand-categories returns it (retired ones only with includeInactive). */
export type CategorySetting = CategoryNode;
/** One deadline rule of a category as the tree lists it: its own, or inherited from the nearest ancestor. */
export type CategoryDeadline = CategoryNode['deadlines'][number];
export type DeadlineUnit = CategoryDeadline['responseUnit'];
export type {
  CreateCategoryBody as CreateCategoryInput,
  DeadlineRuleInput,
  UpdateCategoryBody as UpdateCategoryInput,
} from '@linli/demands/contract';

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
