// The public notice board (modules/demands/src/board.contract.ts) as the board page reads it.
import { api } from '@linli/web-kit/client';

export type Rate = number | null;

/** One resolved demand as the board shows it: no names, no contact, no door. */
export interface BoardEntry {
  number: string;
  category: string;
  /** The compound and, where known, the building. */
  place: string[];
  title: string;
  result: string | null;
  submittedAt: string;
  resolvedAt: string;
  satisfaction: string | null;
  level: string;
}

export interface Board {
  community: { id: string; name: string };
  summary: {
    from: string;
    to: string;
    received: number;
    resolved: number;
    resolutionRate: Rate;
    onTimeRate: Rate;
    satisfactionRate: Rate;
  };
  entries: BoardEntry[];
}

export const BOARD_PAGE = 20;

/** The public notice board: no session needed; a 404 is an unknown community. */
export function fetchBoard(tenantId: string, communityId: string, before?: string): Promise<Board> {
  return api.get<Board>(
    `/public/tenants/${encodeURIComponent(tenantId)}/communities/${encodeURIComponent(communityId)}/board`,
    { before, limit: BOARD_PAGE },
    { allow401: true },
  );
}

/** 0.834 → "83.4%"; null (nothing to measure yet) → "—". */
export function percent(value: Rate | undefined): string {
  return value === null || value === undefined ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}
