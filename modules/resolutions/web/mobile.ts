import type { MobileWebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';

const MyResolutions = lazy(() => import('./mobile/my-resolutions.tsx'));
const ResolutionView = lazy(() => import('./mobile/resolution-view.tsx'));
const Notices = lazy(() => import('./mobile/notices.tsx'));

/** The resident's view: the resolutions of their compound (a tab) with progress and the survey; the notices, with objections. */
export const mobileWeb: MobileWebModule = {
  routes: [
    {
      path: 'resolutions',
      page: MyResolutions,
      tab: { title: 'resolutions.mobile.tab', icon: lazyIcon(() => import('@ant-design/icons/es/icons/CheckSquareOutlined')) },
    },
    { path: 'resolutions/notices', page: Notices },
    { path: 'resolutions/:id', page: ResolutionView },
  ],
};
