import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { auditFirstZh, auditPageStrings } from './first-strings.ts';
import type { auditZh } from './strings.zh-CN.ts';

const AuditPage = lazy(withPageStrings(auditPageStrings, () => import('./audit-page.tsx')));

/** The audit trail and its signed checkpoints. */
export const auditWeb: WebModule<typeof auditZh> = {
  name: 'audit',
  routes: [{ path: 'audit', page: AuditPage, ability: 'audit.read' }],
  menu: [
    {
      path: '/audit',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/AuditOutlined')),
      label: 'menu.audit',
      ability: 'audit.read',
    },
  ],
  strings: { 'zh-CN': auditFirstZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.auditEn) },
};
