import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { serviceClustersFirstZh, serviceClustersPageStrings } from './first-strings.ts';
import type { serviceClustersZh } from './strings.zh-CN.ts';

const ScenariosPage = lazy(withPageStrings(serviceClustersPageStrings, () => import('./scenarios-page.tsx')));
const ScenarioPage = lazy(withPageStrings(serviceClustersPageStrings, () => import('./scenario-page.tsx')));
const ComparePage = lazy(withPageStrings(serviceClustersPageStrings, () => import('./compare-page.tsx')));

/** Service clusters (组团 / 肥瘦搭配): the scenario list, a scenario (parameters, solve, map, clusters, locks, adoption) and the comparison. */
export const serviceClustersWeb: WebModule<typeof serviceClustersZh> = {
  name: 'service-clusters',
  routes: [
    { path: 'service-clusters', page: ScenariosPage, ability: 'serviceClusters.read' },
    { path: 'service-clusters/compare', page: ComparePage, ability: 'serviceClusters.read' },
    { path: 'service-clusters/:id', page: ScenarioPage, ability: 'serviceClusters.read' },
  ],
  menu: [
    {
      path: '/service-clusters',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/ClusterOutlined')),
      label: 'menu.serviceClusters',
      ability: 'serviceClusters.read',
    },
  ],
  strings: { 'zh-CN': serviceClustersFirstZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.serviceClustersEn) },
};
