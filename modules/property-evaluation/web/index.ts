import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { propertyEvaluationFirstZh, propertyEvaluationPageStrings } from './first-strings.ts';
import type { propertyEvaluationZh } from './strings.zh-CN.ts';

const RoundsPage = lazy(withPageStrings(propertyEvaluationPageStrings, () => import('./rounds-page.tsx')));

/** Property-service evaluation: the rounds, each with its ranking by compound and by company. */
export const propertyEvaluationWeb: WebModule<typeof propertyEvaluationZh> = {
  name: 'property-evaluation',
  routes: [{ path: 'property-evaluation', page: RoundsPage, ability: 'propertyEvaluation.read' }],
  menu: [
    {
      path: '/property-evaluation',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/StarOutlined')),
      label: 'menu.propertyEvaluation',
      ability: 'propertyEvaluation.read',
    },
  ],
  strings: { 'zh-CN': propertyEvaluationFirstZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.propertyEvaluationEn) },
};
