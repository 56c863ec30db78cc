import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { meetingsFirstZh, meetingsPageStrings } from './first-strings.ts';
import type { meetingsZh } from './strings.zh-CN.ts';

const CouncilsPage = lazy(withPageStrings(meetingsPageStrings, () => import('./councils-page.tsx')));
const MeetingsPage = lazy(withPageStrings(meetingsPageStrings, () => import('./meetings-page.tsx')));
const MeetingWizard = lazy(withPageStrings(meetingsPageStrings, () => import('./meeting-wizard.tsx')));
const MeetingPage = lazy(withPageStrings(meetingsPageStrings, () => import('./meeting-page.tsx')));
const ChairMode = lazy(withPageStrings(meetingsPageStrings, () => import('./chair-mode.tsx')));

/** Councils and meetings: the councils with their seats, the meetings, the wizard, a meeting, the chair's tablet mode. */
export const meetingsWeb: WebModule<typeof meetingsZh> = {
  name: 'meetings',
  routes: [
    { path: 'councils', page: CouncilsPage, ability: 'meetings.read' },
    { path: 'meetings', page: MeetingsPage, ability: 'meetings.read' },
    { path: 'meetings/new', page: MeetingWizard, ability: 'meetings.write' },
    { path: 'meetings/:id', page: MeetingPage, ability: 'meetings.read' },
    { path: 'meetings/:id/chair', page: ChairMode, ability: 'meetings.write' },
  ],
  menu: [
    {
      path: '/councils',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/TeamOutlined')),
      label: 'menu.councils',
      ability: 'meetings.read',
    },
    {
      path: '/meetings',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/CalendarOutlined')),
      label: 'menu.meetings',
      ability: 'meetings.read',
    },
  ],
  strings: { 'zh-CN': meetingsFirstZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.meetingsEn) },
};
