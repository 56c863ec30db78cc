// Shapes of modules/demands/src/smart/contract.ts as the web app reads them, and the calls of the
// hot-spot, theme and classifier screens.
import { api } from '@linli/web-kit/client';

export type Rate = number | null;
export type HotspotKind = 'rising' | 'repeated';
export type ThemeStatus = 'open' | 'closed';

export interface Hotspot {
  nodeId: string;
  nodeName: string;
  categoryId: string;
  categoryName: string;
  month: string;
  count: number;
  baseline: number;
  kinds: HotspotKind[];
  score: number;
  streak: number;
  reason: string;
  /** Suggested title of a monthly theme. */
  theme: string;
  themeId: string | null;
}

export interface HotspotList {
  month: string;
  nodeId: string;
  items: Hotspot[];
}

export interface Theme {
  id: string;
  month: string;
  nodeId: string;
  nodeName: string;
  categoryId: string;
  categoryName: string;
  title: string;
  note: string | null;
  evidence: Record<string, unknown>;
  status: ThemeStatus;
  outcome: string | null;
  createdAt: string;
  createdBy: string | null;
  closedAt: string | null;
  version: number;
}

interface TargetStats {
  labels: number;
  heldOut: number;
  accuracy: number;
  top3Accuracy: number;
  majorityBaseline: number;
}

export interface ClassifierStatus {
  trained: boolean;
  modelId: string | null;
  source: 'tenant' | 'builtin';
  version: number;
  trainedAt: string;
  trainedBy: string | null;
  sampleSize: number;
  tenantSamples: number;
  minTenantSamples: number;
  vocabularySize: number;
  category: TargetStats;
  level: TargetStats;
}

export const smartApi = {
  hotspots: (nodeId: string, month: string) => api.get<HotspotList>('/demands/hotspots', { nodeId, month, limit: 50 }),
  themes: (query: { nodeId?: string; month?: string; status?: ThemeStatus }) =>
    api.get<{ items: Theme[] }>('/demand-themes', query).then((r) => r.items),
  createTheme: (body: { month: string; nodeId: string; categoryId: string; title: string; note?: string }) =>
    api.post<Theme>('/demand-themes', body),
  closeTheme: (id: string, outcome: string, version: number) =>
    api.patch<Theme>(`/demand-themes/${id}`, { status: 'closed', outcome, version }),
  classifier: () => api.get<ClassifierStatus>('/demand-classifier'),
  retrain: () => api.post<ClassifierStatus>('/demand-classifier/retrain'),
};

/** 0.834 → "83.4%"; null (nothing to measure) → "—". */
export function percent(value: Rate | undefined): string {
  return value === null || value === undefined ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}
