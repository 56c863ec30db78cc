import type { MobileWebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { propertyPageStrings } from './first-strings.ts';

const MyCompoundPage = lazy(withPageStrings(propertyPageStrings, () => import('./mobile-my-compound.tsx')));

/** The resident sees their compound's property service: status, company, contract and fees, owners' committee. */
export const mobileWeb: MobileWebModule = {
  routes: [
    {
      path: 'property',
      page: MyCompoundPage,
      entry: { title: 'property.mobile.entry', icon: lazyIcon(() => import('@ant-design/icons/es/icons/HomeOutlined')) },
    },
  ],
};
