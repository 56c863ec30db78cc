import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { demandImportFirstZh, demandImportPageStrings } from './first-strings.ts';
import type { demandImportZh } from './strings.zh-CN.ts';

const DemandImportPage = lazy(withPageStrings(demandImportPageStrings, () => import('./demand-import-page.tsx')));

/** 12345 work orders: import with column mappings, export for the hotline centre. */
export const demandImportWeb: WebModule<{ demandImport: typeof demandImportZh }> = {
  name: 'demand-import',
  routes: [{ path: 'demand-import', page: DemandImportPage, ability: ['demand.intake', 'demand.read'] }],
  menu: [
    {
      path: '/demand-import',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/CloudUploadOutlined')),
      label: 'demandImport.menu',
      ability: ['demand.intake', 'demand.read'],
    },
  ],
  strings: {
    'zh-CN': demandImportFirstZh,
    'en-US': () => import('./strings.en-US.ts').then((m) => ({ demandImport: m.demandImportEn })),
  },
};
