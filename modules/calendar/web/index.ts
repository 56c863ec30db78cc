import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { calendarFirstZh, calendarPageStrings } from './first-strings.ts';
import type { calendarZh } from './strings.zh-CN.ts';

const WorkingCalendarPage = lazy(withPageStrings(calendarPageStrings, () => import('./working-calendar-page.tsx')));

/** The working-day calendar: the national holidays and the county's own days off and working days. */
export const calendarWeb: WebModule<{ calendar: typeof calendarZh }> = {
  name: 'calendar',
  routes: [{ path: 'demand-calendar', page: WorkingCalendarPage, ability: ['demand.configure', 'demand.read'] }],
  menu: [
    {
      path: '/demand-calendar',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/CalendarOutlined')),
      label: 'calendar.menu',
      ability: ['demand.configure', 'demand.read'],
    },
  ],
  strings: {
    'zh-CN': calendarFirstZh,
    'en-US': () => import('./strings.en-US.ts').then((m) => ({ calendar: m.calendarEn })),
  },
};
