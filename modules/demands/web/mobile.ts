import type { MobileWebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { demandTemplatesLoader } from './first-strings.ts';

const MyDemands = lazy(() => import('./mobile/my-demands.tsx'));
const SubmitDemand = lazy(() => import('./mobile/submit-demand.tsx'));
const DemandView = lazy(withPageStrings(demandTemplatesLoader, () => import('./mobile/demand-view.tsx')));
const MobileHomeEntries = lazy(() => import('./mobile/home-entries.tsx'));

/** The resident's demands: the list (a tab), the form, a demand's view; on the home page the report button and the board. */
export const mobileWeb: MobileWebModule = {
  routes: [
    {
      path: 'demands',
      page: MyDemands,
      tab: { title: 'demands.mobile.tab', icon: lazyIcon(() => import('@ant-design/icons/es/icons/MessageOutlined')) },
    },
    { path: 'demands/new', page: SubmitDemand },
    { path: 'demands/:id', page: DemandView },
  ],
  home: MobileHomeEntries,
};
