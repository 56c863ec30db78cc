import type { WebModule } from '@linli/web-kit';
import { withPageStrings } from '@linli/web-kit/i18n';
import { lazyIcon } from '@linli/web-kit/lazy-icon';
import { lazy } from 'react';
import { ownersCommitteesFirstZh, ownersCommitteesPageStrings } from './first-strings.ts';
import type { ownersCommitteesZh } from './strings.zh-CN.ts';

const OwnersCommitteesPage = lazy(withPageStrings(ownersCommitteesPageStrings, () => import('./owners-committees-page.tsx')));
const CompliancePage = lazy(withPageStrings(ownersCommitteesPageStrings, () => import('./compliance-page.tsx')));
const ElectionsPage = lazy(withPageStrings(ownersCommitteesPageStrings, () => import('./elections-page.tsx')));
const MeetingsPage = lazy(withPageStrings(ownersCommitteesPageStrings, () => import('./meetings-page.tsx')));
const TrainingsPage = lazy(withPageStrings(ownersCommitteesPageStrings, () => import('./trainings-page.tsx')));

/** Owners' committees: the committees, the party-share compliance per street, terms ending and re-elections, training, owners' general meetings. */
export const ownersCommitteesWeb: WebModule<typeof ownersCommitteesZh> = {
  name: 'owners-committees',
  routes: [
    { path: 'owners-committees', page: OwnersCommitteesPage, ability: 'ownersCommittees.read' },
    { path: 'owners-committees/compliance', page: CompliancePage, ability: 'ownersCommittees.read' },
    { path: 'owners-committees/elections', page: ElectionsPage, ability: 'ownersCommittees.read' },
    { path: 'owners-committees/trainings', page: TrainingsPage, ability: 'ownersCommittees.read' },
    { path: 'owners-committees/meetings', page: MeetingsPage, ability: 'ownersCommittees.read' },
  ],
  menu: [
    {
      path: '/owners-committees',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/TeamOutlined')),
      label: 'menu.ownersCommittees',
      ability: 'ownersCommittees.read',
    },
    {
      path: '/owners-committees/compliance',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/BarChartOutlined')),
      label: 'menu.ocCompliance',
      ability: 'ownersCommittees.read',
    },
    {
      path: '/owners-committees/elections',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/CarryOutOutlined')),
      label: 'menu.ocElections',
      ability: 'ownersCommittees.read',
    },
    {
      path: '/owners-committees/trainings',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/ReadOutlined')),
      label: 'menu.ocTrainings',
      ability: 'ownersCommittees.read',
    },
    {
      path: '/owners-committees/meetings',
      icon: lazyIcon(() => import('@ant-design/icons/es/icons/AuditOutlined')),
      label: 'menu.ocMeetings',
      ability: 'ownersCommittees.read',
    },
  ],
  strings: { 'zh-CN': ownersCommitteesFirstZh, 'en-US': () => import('./strings.en-US.ts').then((m) => m.ownersCommitteesEn) },
};
