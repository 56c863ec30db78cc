import { PlusOutlined } from '@ant-design/icons';
import type { Council } from '@linli/meetings/contract';
import type { Query } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Button, Card, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CouncilDrawer } from './council-drawer.tsx';
import { CreateCouncilModal } from './create-council-modal.tsx';

const levels = ['compound', 'community', 'subdistrict', 'county'] as const;

/** Councils in scope: filter by place, level and name, sort, load more, Excel; a council's seats in a drawer. */
export default function CouncilsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const filters: Query = { nodeId, level, q };
  const list = useCursorList<Council>('/councils', filters, 50, '-createdAt');
  const columns: ColumnsType<Council> = [
    {
      title: t('meetings.councils.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      render: (v: string, c) => (
        <Button type="link" onClick={() => setOpen(c.id)} data-testid={`council-${c.name}`}>
          {v}
        </Button>
      ),
    },
    { title: t('meetings.councils.level'), dataIndex: 'level', key: 'level', render: (v: Council['level']) => t(`meetings.levels.${v}`) },
    { title: t('meetings.councils.kind'), dataIndex: 'kind', key: 'kind', render: (v: Council['kind']) => t(`meetings.councilKinds.${v}`) },
    { title: t('meetings.councils.place'), dataIndex: 'nodeName', key: 'nodeName' },
    {
      title: t('meetings.councils.members'),
      dataIndex: 'members',
      key: 'members',
      render: (v: number, c) =>
        c.minMembers !== null && c.maxMembers !== null ? (
          <span>
            {v}{' '}
            <Tag color={v < c.minMembers ? 'orange' : 'default'}>
              {t('meetings.councils.sizeRange', { min: c.minMembers, max: c.maxMembers })}
            </Tag>
          </span>
        ) : (
          v
        ),
    },
    {
      title: t('meetings.councils.term'),
      key: 'term',
      responsive: ['lg'],
      render: (_: unknown, c) => (c.termStart || c.termEnd ? `${c.termStart ?? ''} ~ ${c.termEnd ?? ''}` : '—'),
    },
    {
      title: '',
      dataIndex: 'active',
      key: 'active',
      width: 90,
      render: (v: boolean) => (
        <Tag color={v ? 'green' : 'default'}>{v ? t('meetings.councils.active') : t('meetings.councils.inactive')}</Tag>
      ),
    },
  ];
  return (
    <Card title={t('meetings.councils.title')}>
      <CursorTable<Council>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/councils"
        exportQuery={filters}
        exportName="议事会.xlsx"
        testId="councils-table"
        toolbar={
          <>
            <TerritorySelect
              selectableKinds={['subdistrict', 'community', 'compound']}
              deepestKind="compound"
              allowClear
              placeholder={t('meetings.councils.place')}
              style={{ width: 220 }}
              onChange={(v) => setNodeId(v)}
            />
            <Select
              allowClear
              placeholder={t('meetings.councils.level')}
              style={{ width: 140 }}
              value={level}
              onChange={setLevel}
              options={levels.map((l) => ({ value: l, label: t(`meetings.levels.${l}`) }))}
            />
            <Input.Search
              allowClear
              placeholder={t('meetings.councils.search')}
              style={{ width: 200 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
            {can('meetings.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="council-create">
                {t('meetings.councils.create')}
              </Button>
            )}
          </>
        }
      />
      <CouncilDrawer councilId={open} onClose={() => setOpen(null)} onChanged={list.reload} />
      <CreateCouncilModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          list.reload();
          setOpen(id);
        }}
      />
    </Card>
  );
}
