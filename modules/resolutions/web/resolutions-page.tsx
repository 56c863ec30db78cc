import { PlusOutlined } from '@ant-design/icons';
import type { Resolution } from '@linli/resolutions/contract';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Button, Card, Input, Progress, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CreateResolutionModal } from './create-resolution-modal.tsx';
import { label, statusColor } from './labels.ts';
import { ResolutionDrawer } from './resolution-drawer.tsx';

const statuses = ['in_progress', 'completed', 'cancelled'] as const;

/** The resolution tracker: filter by place, status and title, sort, load more, Excel; a row opens its tasks and progress. */
export default function ResolutionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  // An address may name the first filters (?nodeId=&placeName=&status=, as the deliberation dashboard links).
  const [params] = useSearchParams();
  const [placeName] = useState(() => params.get('placeName') ?? undefined);
  const [nodeId, setNodeId] = useState<string | undefined>(() => params.get('nodeId') ?? undefined);
  const [status, setStatus] = useState<string | undefined>(() => statuses.find((s) => s === params.get('status')));
  const [q, setQ] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const filters = { nodeId, status, q };
  const list = useCursorList<Resolution>('/resolutions', filters, 50, '-decidedOn');
  const columns: ColumnsType<Resolution> = [
    { title: t('resolutions.resolutionTitle'), dataIndex: 'title', key: 'title', sorter: true },
    { title: t('resolutions.place'), dataIndex: 'nodeName', key: 'nodeName' },
    { title: t('resolutions.decidedOn'), dataIndex: 'decidedOn', key: 'decidedOn', sorter: true, width: 120 },
    {
      title: t('resolutions.status'),
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (s: string) => <Tag color={statusColor[s]}>{label('resolutions.statuses', s)}</Tag>,
    },
    {
      title: t('resolutions.progress'),
      dataIndex: 'progress',
      key: 'progress',
      sorter: true,
      width: 170,
      render: (p: number) => <Progress percent={p} size="small" />,
    },
    { title: t('resolutions.taskCount'), dataIndex: 'taskCount', key: 'taskCount', width: 80 },
    { title: t('resolutions.nextDeadline'), dataIndex: 'nextDeadline', key: 'nextDeadline', width: 120 },
  ];
  return (
    <Card title={t('resolutions.title')}>
      <CursorTable<Resolution>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/resolutions"
        exportQuery={filters}
        exportName="决议.xlsx"
        testId="resolutions-table"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        toolbar={
          <>
            <TerritorySelect
              deepestKind="compound"
              allowClear
              placeholder={t('resolutions.place')}
              style={{ width: 220 }}
              value={nodeId ?? null}
              valueLabel={placeName}
              onChange={(v) => setNodeId(v)}
            />
            <Select
              allowClear
              placeholder={t('resolutions.status')}
              style={{ width: 120 }}
              value={status}
              onChange={(v?: string) => setStatus(v)}
              options={statuses.map((s) => ({ value: s, label: label('resolutions.statuses', s) }))}
            />
            <Input.Search
              allowClear
              placeholder={t('resolutions.search')}
              style={{ width: 220 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
            {can('resolutions.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="resolution-create">
                {t('resolutions.create')}
              </Button>
            )}
          </>
        }
      />
      <CreateResolutionModal open={creating} onClose={() => setCreating(false)} onCreated={list.reload} />
      <ResolutionDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
    </Card>
  );
}
