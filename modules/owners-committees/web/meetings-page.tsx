import type { Meeting } from '@linli/owners-committees/contract';
import { meetingKinds, meetingStatuses } from '@linli/owners-committees/vocabulary';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Button, Card, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateMeetingModal } from './create-meeting-modal.tsx';
import { meetingStatusColor } from './labels.ts';
import { MeetingDrawer } from './meeting-drawer.tsx';

/** 业主大会: the meetings of compounds in scope (filter by place, status, kind; sort; Excel) and a meeting's drawer. */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [status, setStatus] = useState<Meeting['status'] | undefined>();
  const [kind, setKind] = useState<Meeting['kind'] | undefined>();
  const [open, setOpen] = useState<string | null>(() => new URLSearchParams(window.location.search).get('open'));
  const filters = { nodeId, status, kind };
  const list = useCursorList<Meeting>('/owners-committees/meetings', filters, 50, '-createdAt');
  const columns: ColumnsType<Meeting> = [
    {
      title: t('ownersCommittees.meetings.meetingTitle'),
      dataIndex: 'title',
      render: (v: string, m) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(m.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('ownersCommittees.community'), dataIndex: 'communityName' },
    { title: t('ownersCommittees.compound'), dataIndex: 'compoundName' },
    {
      title: t('ownersCommittees.meetings.kind'),
      dataIndex: 'kind',
      render: (k: Meeting['kind']) => t(`ownersCommittees.meetings.kinds.${k}`),
    },
    {
      title: t('ownersCommittees.meetings.convener'),
      dataIndex: 'convener',
      render: (c: Meeting['convener'], m) => m.committeeName ?? t(`ownersCommittees.meetings.conveners.${c}`),
    },
    {
      title: t('ownersCommittees.meetings.status'),
      dataIndex: 'status',
      render: (s: Meeting['status']) => <Tag color={meetingStatusColor[s]}>{t(`ownersCommittees.meetings.statuses.${s}`)}</Tag>,
    },
    { title: t('ownersCommittees.meetings.voteFrom'), dataIndex: 'voteFrom', key: 'voteFrom', sorter: true },
    { title: t('ownersCommittees.meetings.voteUntil'), dataIndex: 'voteUntil' },
    { title: t('ownersCommittees.meetings.matters'), dataIndex: 'matters' },
    { title: t('ownersCommittees.meetings.passedMatters'), dataIndex: 'passedMatters', render: (v: number | null) => v ?? '—' },
  ];
  return (
    <Card title={t('ownersCommittees.meetings.title')}>
      <CursorTable<Meeting>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/owners-committees/meetings"
        exportQuery={filters}
        exportName="业主大会.xlsx"
        testId="om-meetings"
        toolbar={
          <>
            <TerritorySelect
              deepestKind="compound"
              allowClear
              placeholder={t('ownersCommittees.place')}
              style={{ width: 200 }}
              onChange={(v) => setNodeId(v)}
            />
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('ownersCommittees.meetings.status')}
              value={status}
              onChange={setStatus}
              options={meetingStatuses.map((s) => ({ value: s, label: t(`ownersCommittees.meetings.statuses.${s}`) }))}
              data-testid="om-filter-status"
            />
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('ownersCommittees.meetings.kind')}
              value={kind}
              onChange={setKind}
              options={meetingKinds.map((k) => ({ value: k, label: t(`ownersCommittees.meetings.kinds.${k}`) }))}
            />
            {can('ownersCommittees.write') && (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="om-create">
                {t('ownersCommittees.meetings.create')}
              </Button>
            )}
          </>
        }
      />
      <CreateMeetingModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          list.reload();
          setOpen(id);
        }}
      />
      <MeetingDrawer id={open} onClose={() => setOpen(null)} onChanged={() => list.reload()} />
    </Card>
  );
}
