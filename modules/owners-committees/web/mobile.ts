import type { MobileWebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { ownersCommitteesPageStrings } from './first-strings.ts';

const MyMeetings = lazy(withPageStrings(ownersCommitteesPageStrings, () => import('./mobile/my-meetings.tsx')));

/** The resident's owners' general meetings: notice, agenda, the way to vote and, once published, the result. */
export const mobileWeb: MobileWebModule = {
  routes: [
    {
      path: 'owners-meetings',
      page: MyMeetings,
      entry: { title: 'ownersCommittees.mobile.meetings', icon: lazyIcon(() => import('@ant-design/icons/es/icons/AuditOutlined')) },
    },
  ],
};
