import type { MenuEntry, StaffRoute } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { deliberationPageStrings } from './first-strings.ts';

// What home visits add to the module's web parts (index.ts spreads these in). The page loads when opened.

const VisitsPage = lazy(withPageStrings(deliberationPageStrings, () => import('./visits-page.tsx')));

// deliberation.read, which grid workers hold with deliberation.write (abilities.ts): every reader of the
// module sees the coverage; the page offers the writes (plans, visits, topics) to holders of deliberation.write only.
export const visitStaffRoutes: StaffRoute[] = [{ path: 'deliberation/visits', page: VisitsPage, ability: 'deliberation.read' }];

export const visitMenu: MenuEntry[] = [
  {
    path: '/deliberation/visits',
    icon: lazyIcon(() => import('@ant-design/icons/es/icons/HomeOutlined')),
    label: 'deliberationVisits.menu',
    ability: 'deliberation.read',
  },
];
