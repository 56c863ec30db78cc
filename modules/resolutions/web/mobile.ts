import type { MobileWebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { resolutionsPageStrings } from './first-strings.ts';

const MyResolutions = lazy(withPageStrings(resolutionsPageStrings, () => import('./mobile/my-resolutions.tsx')));
const ResolutionView = lazy(withPageStrings(resolutionsPageStrings, () => import('./mobile/resolution-view.tsx')));
const Evaluations = lazy(withPageStrings(resolutionsPageStrings, () => import('./mobile/evaluations.tsx')));
const Notices = lazy(withPageStrings(resolutionsPageStrings, () => import('./mobile/notices.tsx')));
const PublicNotices = lazy(withPageStrings(resolutionsPageStrings, () => import('./public-notices-page.tsx')));

/**
 * The resident's view: the resolutions of their compound (a link on the home page) with progress and
 * the survey; the notices, with objections; the monthly evaluations a committee member owes (linked
 * from the resolutions page for members only); and each place's public notice board.
 */
export const mobileWeb: MobileWebModule = {
  routes: [
    {
      path: 'resolutions',
      page: MyResolutions,
      entry: { title: 'resolutions.mobile.mine', icon: lazyIcon(() => import('@ant-design/icons/es/icons/FileDoneOutlined')) },
    },
    { path: 'resolutions/notices', page: Notices },
    { path: 'resolutions/evaluations', page: Evaluations },
    { path: 'resolutions/:id', page: ResolutionView },
  ],
  // The notice board of a place, open without sign-in (a station's public page links here).
  publicRoutes: [{ path: '/board/notices/:tenantId/:nodeId', page: PublicNotices }],
};
