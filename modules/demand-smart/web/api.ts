// The calls of the hot-spot, theme and classifier screens; their shapes are the types of
// modules/demand-smart/src/contract.ts.
import type { ClassifierStatus, HotspotItem, HotspotList, Theme } from '@linli/demand-smart/contract';
import { api } from '@linli/web-kit/client';

export type Rate = number | null;
export type { ClassifierStatus, Theme } from '@linli/demand-smart/contract';
export type Hotspot = HotspotItem;
export type HotspotKind = HotspotItem['kinds'][number];
export type ThemeStatus = Theme['status'];

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
