import type { MobileWebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazy } from 'react';
import { demandStatsPageStrings } from './first-strings.ts';

const BoardPage = lazy(withPageStrings(demandStatsPageStrings, () => import('./board/board-page.tsx')));

/** The community's public notice board (公示栏): no sign-in, on the resident entry. */
export const mobileWeb: MobileWebModule = {
  publicRoutes: [{ path: '/board/:tenantId/:communityId', page: BoardPage }],
};
