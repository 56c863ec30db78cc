import type { MobileWebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';

const Conversations = lazy(() => import('./mobile/conversations.tsx'));
const Vote = lazy(() => import('./mobile/vote.tsx'));
const Position = lazy(() => import('./mobile/position.tsx'));

/** The resident's part: the conversations of their places (a tab), voting one statement at a time, where they stand. */
export const mobileWeb: MobileWebModule = {
  routes: [
    {
      path: 'opinions',
      page: Conversations,
      tab: { title: 'opinionMap.mobile.tab', icon: lazyIcon(() => import('@ant-design/icons/es/icons/DotChartOutlined')) },
    },
    { path: 'opinions/:id', page: Vote },
    { path: 'opinions/:id/position', page: Position },
  ],
};
