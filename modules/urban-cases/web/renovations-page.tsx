import { PlusOutlined } from '@ant-design/icons';
import type { Renovation, RenovationCounts } from '@linli/urban-cases/contract';
import { renovationStatuses } from '@linli/urban-cases/vocabulary';
import { api } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { formatMinute } from '@linli/web-kit/format-time';
import { useData } from '@linli/web-kit/use-data';
import { Button, Card, Input, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RenovationDrawer, renovationColor } from './renovation-drawer.tsx';
import { RenovationFormModal } from './renovation-form.tsx';

/** Renovation projects with a compound in scope: counts by status, filter, sort, export; the form and the drawer. */
export default function RenovationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [status, setStatus] = useState<string | undefined>();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const filters = { status, nodeId, q };
  const list = useCursorList<Renovation>('/urban-cases/renovations', filters, 50, '-createdAt');
  const counts = useData(() => api.get<RenovationCounts>('/urban-cases/renovations/counts', { nodeId }), [nodeId, list.items.length]);
  const columns: ColumnsType<Renovation> = [
    { title: t('renovations.name'), dataIndex: 'name', key: 'name', sorter: true },
    {
      title: t('renovations.compounds'),
      dataIndex: 'compounds',
      key: 'compounds',
      render: (cs: Renovation['compounds']) => cs.map((c) => c.name).join('、'),
    },
    {
      title: t('renovations.scopeItems'),
      dataIndex: 'scopeItems',
      key: 'scopeItems',
      responsive: ['lg'],
      render: (s: string[]) => s.map((x) => t(`renovations.scope.${x}`, { defaultValue: x })).join('、'),
    },
    {
      title: t('renovations.budget'),
      dataIndex: 'budget',
      key: 'budget',
      align: 'right',
      render: (b: number) => b.toLocaleString('zh-CN'),
    },
    {
      title: t('renovations.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: Renovation['status']) => <Tag color={renovationColor[s]}>{t(`renovations.statuses.${s}`)}</Tag>,
    },
    { title: t('renovations.acceptedOn'), dataIndex: 'acceptedOn', key: 'acceptedOn', responsive: ['md'] },
    { title: t('renovations.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, width: 150, render: formatMinute },
  ];
  return (
    <Card
      title={t('renovations.title')}
      extra={counts.data && <Typography.Text type="secondary">{t('renovations.counts', counts.data)}</Typography.Text>}
    >
      <CursorTable<Renovation>
        list={list}
        columns={columns}
        rowKey="id"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        exportPath="/urban-cases/renovations"
        exportQuery={filters}
        exportName="老旧小区改造.xlsx"
        testId="renovations-table"
        toolbar={
          <>
            <Select
              allowClear
              placeholder={t('renovations.status')}
              style={{ width: 120 }}
              options={renovationStatuses.map((s) => ({ value: s, label: t(`renovations.statuses.${s}`) }))}
              onChange={setStatus}
            />
            <TerritorySelect
              allowClear
              deepestKind="compound"
              placeholder={t('renovations.place')}
              style={{ width: 220 }}
              onChange={(v) => setNodeId(v)}
            />
            <Input.Search
              allowClear
              placeholder={t('renovations.search')}
              style={{ width: 200 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
            {can('urbanCases.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="renovations-create">
                {t('renovations.create')}
              </Button>
            )}
          </>
        }
      />
      <RenovationFormModal
        open={creating}
        project={null}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          list.reload();
          setOpen(p.id);
        }}
      />
      <RenovationDrawer
        projectId={open}
        onClose={() => setOpen(null)}
        onChanged={() => {
          list.reload();
          // A project started or accepted changes the counts by status, not the number of rows.
          void counts.reload();
        }}
      />
    </Card>
  );
}
