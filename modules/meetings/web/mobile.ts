import type { MobileWebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { meetingsPageStrings } from './first-strings.ts';

const MyMeetings = lazy(withPageStrings(meetingsPageStrings, () => import('./mobile/my-meetings.tsx')));
const MeetingCheckIn = lazy(withPageStrings(meetingsPageStrings, () => import('./mobile/check-in.tsx')));

/**
 * The resident's meeting notices (a link on the home page): agenda, check-in with the room's code, minutes
 * once closed; and the page the meeting's QR code opens (check-in after the resident confirms).
 */
export const mobileWeb: MobileWebModule = {
  routes: [
    {
      path: 'meetings',
      page: MyMeetings,
      entry: { title: 'meetings.mobile.title', icon: lazyIcon(() => import('@ant-design/icons/es/icons/TeamOutlined')) },
    },
    { path: 'meetings/checkin', page: MeetingCheckIn },
  ],
};
