import type { MobileWebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { urbanCasesPageStrings } from './first-strings.ts';

const MyCases = lazy(withPageStrings(urbanCasesPageStrings, () => import('./mobile-my-cases.tsx')));
const ReportCase = lazy(withPageStrings(urbanCasesPageStrings, () => import('./mobile-report-case.tsx')));

/** The resident's side of 城管进小区: report a problem in my compound with a photo (a link on the home page), and my reports with their status. */
export const mobileWeb: MobileWebModule = {
  routes: [
    {
      path: 'urban-cases',
      page: MyCases,
      entry: { title: 'urbanMobile.entry', icon: lazyIcon(() => import('@ant-design/icons/es/icons/CameraOutlined')) },
    },
    { path: 'urban-cases/new', page: ReportCase },
  ],
};
