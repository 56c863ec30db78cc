import { api } from '@linli/web-kit/client';
import type { ResidentHome, Workbench } from '@linli/workbench/contract';

export type { BoardItem, DueItem, Figures, PeriodFigures, ResidentHome, Workbench, WorkCount } from '@linli/workbench/contract';

export const workbenchApi = {
  get: (signal?: AbortSignal) => api.get<Workbench>('/workbench', undefined, { signal }),
  home: (signal?: AbortSignal) => api.get<ResidentHome>('/workbench/home', undefined, { signal }),
};

/** A rate (0..1) as a percentage with one decimal, or null. */
export const percent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Where a card leads: the inbox with the same tab (unread messages: the messages on this page). */
export const cardLink = (kind: string): string => (kind === 'unread_notices' ? '#wb-notices' : `/demands?tab=${kind}`);

/** The public notice board page of a community (served by the resident entry). */
export const boardLink = (ref: { tenantId: string; communityId: string }): string => `/board/${ref.tenantId}/${ref.communityId}`;
