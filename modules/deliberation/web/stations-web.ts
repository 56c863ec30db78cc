import type { MenuEntry, MobileWebModule, StaffRoute } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { deliberationPageStrings } from './first-strings.ts';

// What deliberation stations add to the module's web parts (index.ts and mobile.ts spread these in).
// Pages load when opened.

const StationsPage = lazy(withPageStrings(deliberationPageStrings, () => import('./stations-page.tsx')));
const StationPoster = lazy(withPageStrings(deliberationPageStrings, () => import('./station-poster.tsx')));
const MobileStations = lazy(withPageStrings(deliberationPageStrings, () => import('./mobile-stations.tsx')));
const StationPublicPage = lazy(withPageStrings(deliberationPageStrings, () => import('./station-public-page.tsx')));

export const stationStaffRoutes: StaffRoute[] = [
  { path: 'deliberation/stations', page: StationsPage, ability: 'deliberation.read' },
  { path: 'deliberation/stations/:id/poster', page: StationPoster, ability: 'deliberation.read' },
];

export const stationMenu: MenuEntry[] = [
  {
    path: '/deliberation/stations',
    icon: lazyIcon(() => import('@ant-design/icons/es/icons/EnvironmentOutlined')),
    label: 'deliberationStations.menu',
    ability: 'deliberation.read',
  },
];

/** The resident's stations near home (/m/stations) and a station's public page under /board/ (the resident entry, no sign-in). */
export const stationMobile: Required<Pick<MobileWebModule, 'routes' | 'publicRoutes'>> = {
  routes: [{ path: 'stations', page: MobileStations }],
  publicRoutes: [{ path: '/board/stations/:tenantId/:id', page: StationPublicPage }],
};

export const StationHomeEntry = lazy(withPageStrings(deliberationPageStrings, () => import('./mobile-stations-entry.tsx')));
