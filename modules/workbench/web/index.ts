import type { WebModule } from '@linli/web-kit';
import { lazy } from 'react';
import { workbenchZh } from './strings.zh-CN.ts';

/** The staff workbench, shown by the shell's home page (apps/web/src/features/home-page.tsx). */
export const WorkbenchPage = lazy(() => import('./workbench-page.tsx'));

/** Each person's home: the staff workbench (the shell's home frame shows WorkbenchPage); the resident's phone home: mobile.ts. */
export const workbenchWeb: WebModule<{ workbench: typeof workbenchZh }> = {
  name: 'workbench',
  strings: {
    'zh-CN': { workbench: workbenchZh },
    'en-US': () => import('./strings.en-US.ts').then((m) => ({ workbench: m.workbenchEn })),
  },
};
