import type { MobileWebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { ballotsPageStrings } from './first-strings.ts';

const MyBallots = lazy(withPageStrings(ballotsPageStrings, () => import('./mobile/my-ballots.tsx')));
const BallotVote = lazy(withPageStrings(ballotsPageStrings, () => import('./mobile/ballot-vote.tsx')));

/** The resident's ballots: the list (a link on the home page) and a ballot's vote and result page. */
export const mobileWeb: MobileWebModule = {
  routes: [
    {
      path: 'ballots',
      page: MyBallots,
      entry: { title: 'ballots.mobile.mine', icon: lazyIcon(() => import('@ant-design/icons/es/icons/CheckSquareOutlined')) },
    },
    { path: 'ballots/:id', page: BallotVote },
  ],
};
