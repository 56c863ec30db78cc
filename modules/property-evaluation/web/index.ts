import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { propertyEvaluationFirstZh, propertyEvaluationPageStrings } from './first-strings.ts';
import type { propertyEvaluationZh } from './strings.zh-CN.ts';

const RoundsPage = lazy(withPageStrings(propertyEvaluationPageStrings, () => import('./rounds-page.tsx')));
const InspectionsPage = lazy(withPageStrings(propertyEvaluationPageStrings, () => import('./inspections-page.tsx')));
const RenewalsPage = lazy(withPageStrings(propertyEvaluationPageStrings, () => import('./renewals-page.tsx')));

/**
 * Property-service evaluation: the rounds, each with its ranking and combined scores by compound and by
 * company; staff inspections; contract renewal decisions based on the scores (the property module's API).
 */
export const propertyEvaluationWeb: WebModule<typeof propertyEvaluationZh> = {
  name: 'property-evaluation',
  routes: [
    { path: 'property-evaluation', page: RoundsPage, ability: 'propertyEvaluation.read' },
    { path: 'property-evaluation/inspections', page: InspectionsPage, ability: 'propertyEvaluation.read' },
    { path: 'property-evaluation/renewals', page: RenewalsPage, ability: 'property.read' },
  ],
  menu: [
    {
      path: '/property-evaluation',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/StarOutlined')),
      label: 'menu.propertyEvaluation',
      ability: 'propertyEvaluation.read',
    },
    {
      path: '/property-evaluation/inspections',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/AuditOutlined')),
      label: 'menu.propertyInspections',
      ability: 'propertyEvaluation.read',
    },
    {
      path: '/property-evaluation/renewals',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/FileDoneOutlined')),
      label: 'menu.propertyRenewals',
      ability: 'property.read',
    },
  ],
  strings: { 'zh-CN': propertyEvaluationFirstZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.propertyEvaluationEn) },
};
