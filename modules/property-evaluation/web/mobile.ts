import type { MobileWebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { propertyEvaluationPageStrings } from './first-strings.ts';

const RatePage = lazy(withPageStrings(propertyEvaluationPageStrings, () => import('./mobile-rate.tsx')));

/** The resident rates their compound's property service in the open round and sees the last result. */
export const mobileWeb: MobileWebModule = {
  routes: [
    {
      path: 'property-evaluation',
      page: RatePage,
      entry: { title: 'propertyEvaluation.mobile.entry', icon: lazyIcon(() => import('@ant-design/icons/es/icons/StarOutlined')) },
    },
  ],
};
