import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { opinionMapFirstZh, opinionMapPageStrings } from './first-strings.ts';
import type { opinionMapZh } from './strings.zh-CN.ts';

const ConversationsPage = lazy(withPageStrings(opinionMapPageStrings, () => import('./conversations-page.tsx')));
const ConversationPage = lazy(withPageStrings(opinionMapPageStrings, () => import('./conversation-page.tsx')));

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
  strings: { 'zh-CN': opinionMapFirstZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.opinionMapEn) },
};
