import type { MobileWebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { opinionMapPageStrings } from './first-strings.ts';

const Conversations = lazy(withPageStrings(opinionMapPageStrings, () => import('./mobile/conversations.tsx')));
const Vote = lazy(withPageStrings(opinionMapPageStrings, () => import('./mobile/vote.tsx')));
const Position = lazy(withPageStrings(opinionMapPageStrings, () => import('./mobile/position.tsx')));

/** The resident's part: the conversations of their places (a link on the home page), voting one statement at a time, where they stand. */
export const mobileWeb: MobileWebModule = {
  routes: [
    {
      path: 'opinions',
      page: Conversations,
      entry: { title: 'opinionMap.mobile.list', icon: lazyIcon(() => import('@ant-design/icons/es/icons/DotChartOutlined')) },
    },
    { path: 'opinions/:id', page: Vote },
    { path: 'opinions/:id/position', page: Position },
  ],
};
