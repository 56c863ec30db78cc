import { PlusOutlined } from '@ant-design/icons';
import type { BallotListItem } from '@linli/ballots/contract';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { formatMinute } from '@linli/web-kit/format-time';
import { Button, Card, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BallotDrawer } from './ballot-drawer.tsx';
import { CreateBallotModal } from './create-ballot-modal.tsx';
import { ballotLabel, statusColor } from './labels.ts';

/** The ballots in the caller's scope: filter by place, status and title, sort, load more, Excel; a row opens its drawer. */
export default function BallotsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const filters = { nodeId, status, q };
  const list = useCursorList<BallotListItem>('/ballots', filters, 50, '-createdAt');
  const columns: ColumnsType<BallotListItem> = [
    {
      title: t('ballots.itemTitle'),
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      render: (v: string, r) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(r.id)} data-testid="ballot-open-row">
          {v}
        </Button>
      ),
    },
    { title: t('ballots.subject'), dataIndex: 'subjectTitle', key: 'subjectTitle', ellipsis: true, responsive: ['lg'] },
    { title: t('ballots.place'), dataIndex: 'placeName', key: 'placeName' },
    { title: t('ballots.method'), dataIndex: 'method', key: 'method', render: (v: string) => ballotLabel('methods', v) },
    { title: t('ballots.rule'), dataIndex: 'rule', key: 'rule', render: (v: string) => ballotLabel('rules', v), responsive: ['md'] },
    {
      title: t('ballots.status'),
      dataIndex: 'status',
      key: 'status',
      render: (v: string) => <Tag color={statusColor[v]}>{ballotLabel('statuses', v)}</Tag>,
    },
    {
      title: t('ballots.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      width: 180,
      render: (v: string) => formatMinute(v),
    },
  ];
  return (
    <Card title={t('ballots.title')}>
      <CursorTable<BallotListItem>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/ballots"
        exportQuery={filters}
        exportName="表决.xlsx"
        testId="ballots-table"
        toolbar={
          <>
            <TerritorySelect allowClear placeholder={t('ballots.place')} style={{ width: 220 }} onChange={(v) => setNodeId(v)} />
            <Select
              allowClear
              placeholder={t('ballots.status')}
              style={{ width: 120 }}
              onChange={(v?: string) => setStatus(v)}
              options={['draft', 'open', 'closed'].map((s) => ({ value: s, label: ballotLabel('statuses', s) }))}
            />
            <Input.Search
              allowClear
              placeholder={t('ballots.search')}
              style={{ width: 200 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
            {can('ballots.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="ballots-create">
                {t('ballots.create')}
              </Button>
            )}
          </>
        }
      />
      <CreateBallotModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          list.reload();
          setOpenId(id);
        }}
      />
      <BallotDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
    </Card>
  );
}
