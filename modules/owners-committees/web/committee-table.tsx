import type { Committee } from '@linli/owners-committees/contract';
import type { Query } from '@linli/web-kit/client';
import { type CursorListState, CursorTable } from '@linli/web-kit/components/cursor-list';
import { Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { percent, shareColor } from './labels.ts';

/** Committees with their term and live party share; a row opens the committee. */
export function CommitteeTable({
  list,
  exportPath,
  exportQuery,
  exportName,
  toolbar,
  onOpen,
  testId,
}: {
  list: CursorListState<Committee>;
  exportPath: string;
  exportQuery: Query;
  exportName: string;
  toolbar?: ReactNode;
  onOpen: (c: Committee) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<Committee> = [
    {
      title: t('ownersCommittees.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      render: (v: string, c) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(c)}>
          {v}
        </Button>
      ),
    },
    { title: t('ownersCommittees.community'), dataIndex: 'communityName', key: 'communityName', responsive: ['lg'] },
    {
      title: t('ownersCommittees.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: Committee['kind']) => t(`ownersCommittees.kinds.${k}`),
    },
    {
      title: t('ownersCommittees.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Committee['status']) => t(`ownersCommittees.statuses.${s}`),
    },
    { title: t('ownersCommittees.formedOn'), dataIndex: 'formedOn', key: 'formedOn', sorter: true, width: 110 },
    {
      title: t('ownersCommittees.termEnd'),
      dataIndex: 'termEnd',
      key: 'termEnd',
      sorter: true,
      width: 150,
      render: (v: string, c) =>
        c.status !== 'active' ? (
          v
        ) : (
          <span>
            {v}{' '}
            {c.daysToTermEnd < 0 ? (
              <Tag color="red">{t('ownersCommittees.overdue', { n: -c.daysToTermEnd })}</Tag>
            ) : c.daysToTermEnd <= 90 ? (
              <Tag color="orange">{t('ownersCommittees.days', { n: c.daysToTermEnd })}</Tag>
            ) : null}
          </span>
        ),
    },
    {
      title: t('ownersCommittees.partyShare'),
      key: 'party',
      render: (_: unknown, c) => (
        <Tag color={shareColor(c)}>
          {c.party.partyMembers}/{c.party.members} · {percent(c.party.share)}
        </Tag>
      ),
    },
    {
      title: t('ownersCommittees.chairIsSecretary'),
      key: 'chair',
      responsive: ['xl'],
      render: (_: unknown, c) => (c.party.chairIsSecretary ? t('ownersCommittees.yes') : t('ownersCommittees.no')),
    },
    {
      title: t('ownersCommittees.trained'),
      dataIndex: 'trainedShare',
      key: 'trained',
      responsive: ['xl'],
      render: (v: number | null) => percent(v),
    },
  ];
  return (
    <CursorTable<Committee>
      list={list}
      columns={columns}
      rowKey="id"
      exportPath={exportPath}
      exportQuery={exportQuery}
      exportName={exportName}
      testId={testId}
      toolbar={toolbar}
    />
  );
}
