import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { demandSmartFirstZh, demandSmartPageStrings } from './first-strings.ts';
import type { demandSmartZh } from './strings.zh-CN.ts';

const HotspotsPage = lazy(withPageStrings(demandSmartPageStrings, () => import('./hotspots-page.tsx')));

/** Smart intake: hot spots and the monthly themes, the classifier's state (suggestions and similar demands show on the demands pages). */
export const demandSmartWeb: WebModule<{ demandSmart: typeof demandSmartZh }> = {
  name: 'demand-smart',
  routes: [{ path: 'demands/hotspots', page: HotspotsPage, ability: 'demand.read' }],
  menu: [
    {
      path: '/demands/hotspots',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/FireOutlined')),
      label: 'demandSmart.menu',
      ability: 'demand.read',
    },
  ],
  strings: {
    'zh-CN': demandSmartFirstZh,
    'en-US': () => import('./strings.en-US.ts').then((m) => ({ demandSmart: m.demandSmartEn })),
  },
};
