import type { WebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { opinionMapZh } from './strings.zh-CN.ts';

const ConversationsPage = lazy(() => import('./conversations-page.tsx'));
const ConversationPage = lazy(() => import('./conversation-page.tsx'));

/** The opinion map: the conversations list, a conversation's map and statements, its menu entry and strings. */
export const opinionMapWeb: WebModule<typeof opinionMapZh> = {
  name: 'opinion-map',
  routes: [
    { path: 'opinion-map', page: ConversationsPage, ability: 'opinionMap.read' },
    { path: 'opinion-map/:id', page: ConversationPage, ability: 'opinionMap.read' },
  ],
  menu: [
    {
      path: '/opinion-map',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/DotChartOutlined')),
      label: 'menu.opinionMap',
      ability: 'opinionMap.read',
    },
  ],
  strings: { 'zh-CN': opinionMapZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.opinionMapEn) },
};
