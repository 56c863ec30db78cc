import type { MobileWebModule } from '@linli/web-kit';
import { lazy } from 'react';

const BoardPage = lazy(() => import('./board/board-page.tsx'));

/** The community's public notice board (公示栏): no sign-in, on the resident entry. */
export const mobileWeb: MobileWebModule = {
  publicRoutes: [{ path: '/board/:tenantId/:communityId', page: BoardPage }],
};
