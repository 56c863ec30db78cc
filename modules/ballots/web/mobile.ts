import type { MobileWebModule } from '@linli/web-kit';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';

const MyBallots = lazy(() => import('./mobile/my-ballots.tsx'));
const BallotVote = lazy(() => import('./mobile/ballot-vote.tsx'));

/** The resident's ballots: the list (a tab) and a ballot's vote and result page. */
export const mobileWeb: MobileWebModule = {
  routes: [
    {
      path: 'ballots',
      page: MyBallots,
      tab: { title: 'ballots.mobile.tab', icon: lazyIcon(() => import('@ant-design/icons/es/icons/CheckSquareOutlined')) },
    },
    { path: 'ballots/:id', page: BallotVote },
  ],
};
