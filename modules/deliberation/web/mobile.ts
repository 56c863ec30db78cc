import type { MobileWebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { deliberationPageStrings } from './first-strings.ts';
import { StationHomeEntry, stationMobile } from './stations-web.ts';

const MobileTopics = lazy(withPageStrings(deliberationPageStrings, () => import('./mobile-topics.tsx')));
const MobileTopicPropose = lazy(withPageStrings(deliberationPageStrings, () => import('./mobile-topic-propose.tsx')));
const MobileTopicView = lazy(withPageStrings(deliberationPageStrings, () => import('./mobile-topic-view.tsx')));

/** Deliberation for residents: the stations near home, and a station's public page (its QR code leads there). */
export const mobileWeb: MobileWebModule = {
  routes: [
    ...stationMobile.routes,
    // The topics of the resident's compound: propose, support (one per household), follow.
    {
      path: 'topics',
      page: MobileTopics,
      tab: { title: 'topics.mobile.tab', icon: lazyIcon(() => import('@ant-design/icons/es/icons/CommentOutlined')) },
    },
    { path: 'topics/new', page: MobileTopicPropose },
    { path: 'topics/:id', page: MobileTopicView },
  ],
  home: StationHomeEntry,
  publicRoutes: [...stationMobile.publicRoutes],
};
