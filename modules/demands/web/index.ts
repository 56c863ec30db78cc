import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { demandSettingsFirstZh, demandSettingsPageStrings, demandTemplatesLoader } from './first-strings.ts';
import type { demandSettingsZh } from './settings/strings.zh-CN.ts';
import { demandsZh } from './strings.zh-CN.ts';

const DemandInboxPage = lazy(() => import('./demand-inbox-page.tsx'));
const DemandDetailPage = lazy(withPageStrings(demandTemplatesLoader, () => import('./demand-detail-page.tsx')));
const DemandSettingsPage = lazy(withPageStrings(demandSettingsPageStrings, () => import('./settings/demand-settings-page.tsx')));

/** Demands: the staff inbox and detail, categories and deadlines (the resident's pages: mobile.ts). */
export const demandsWeb: WebModule<{ demands: typeof demandsZh; demandSettings: typeof demandSettingsZh }> = {
  name: 'demands',
  routes: [
    { path: 'demands', page: DemandInboxPage, ability: ['demand.read', 'demand.handle'] },
    { path: 'demands/settings/categories', page: DemandSettingsPage, ability: ['demand.configure', 'demand.read'] },
    { path: 'demands/:id', page: DemandDetailPage, ability: ['demand.read', 'demand.handle'] },
  ],
  menu: [
    {
      path: '/demands',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/MessageOutlined')),
      label: 'demands.menu.inbox',
      ability: ['demand.read', 'demand.handle'],
    },
    {
      path: '/demands/settings/categories',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/ClusterOutlined')),
      label: 'demandSettings.menu',
      ability: ['demand.configure', 'demand.read'],
    },
  ],
  strings: {
    'zh-CN': { demands: demandsZh, ...demandSettingsFirstZh },
    'en-US': () =>
      Promise.all([import('./strings.en-US.ts'), import('./settings/strings.en-US.ts')]).then(([d, s]) => ({
        demands: d.demandsEn,
        demandSettings: s.demandSettingsEn,
      })),
  },
};
