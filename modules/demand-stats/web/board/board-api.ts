// The public notice board as the board page reads it: the types of modules/demand-stats/src/board.contract.ts.
import type { Board } from '@linli/demand-stats/contract';
import { api } from '@linli/web-kit/client';

export type { Board, BoardEntry } from '@linli/demand-stats/contract';

type Rate = number | null;

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
