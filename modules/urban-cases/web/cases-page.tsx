import { PlusOutlined } from '@ant-design/icons';
import type { UrbanCase } from '@linli/urban-cases/contract';
import { caseKinds, caseStatuses, caseUnits } from '@linli/urban-cases/vocabulary';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { formatMinute } from '@linli/web-kit/format-time';
import { Button, Card, DatePicker, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseDrawer, statusColor } from './case-drawer.tsx';
import { CreateCaseModal } from './case-modals.tsx';

/** The cases in the caller's scope: filter by kind, status, place and period; sort; load more; export to Excel. */
export default function CasesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [period, setPeriod] = useState<[string, string] | undefined>();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const filters = { kind, status, nodeId, from: period?.[0], to: period?.[1] };
  const list = useCursorList<UrbanCase>('/urban-cases/cases', filters, 50, '-reportedAt');
  const columns: ColumnsType<UrbanCase> = [
    { title: t('urbanCases.kind'), dataIndex: 'kind', key: 'kind', render: (k: UrbanCase['kind']) => t(`urbanCases.kinds.${k}`) },
    { title: t('urbanCases.community'), dataIndex: 'communityName', key: 'communityName', responsive: ['md'] },
    { title: t('urbanCases.place'), dataIndex: 'nodeName', key: 'nodeName' },
    { title: t('urbanCases.description'), dataIndex: 'description', key: 'description', ellipsis: true, responsive: ['lg'] },
    {
      title: t('urbanCases.quantity'),
      dataIndex: 'quantity',
      key: 'quantity',
      sorter: true,
      align: 'right',
      render: (q: number | null, r) => (q === null ? '—' : `${q} ${t(`urbanCases.units.${caseUnits[r.kind].unit}`)}`),
    },
    { title: t('urbanCases.department'), dataIndex: 'departmentName', key: 'departmentName', responsive: ['lg'] },
    {
      title: t('urbanCases.status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: UrbanCase['status']) => <Tag color={statusColor[s]}>{t(`urbanCases.statuses.${s}`)}</Tag>,
    },
    { title: t('urbanCases.reportedAt'), dataIndex: 'reportedAt', key: 'reportedAt', sorter: true, width: 150, render: formatMinute },
  ];
  return (
    <Card title={t('urbanCases.title')}>
      <CursorTable<UrbanCase>
        list={list}
        columns={columns}
        rowKey="id"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        exportPath="/urban-cases/cases"
        exportQuery={filters}
        exportName="城管进小区案件.xlsx"
        testId="urban-cases-table"
        toolbar={
          <>
            <Select
              allowClear
              placeholder={t('urbanCases.kind')}
              style={{ width: 140 }}
              options={caseKinds.map((k) => ({ value: k, label: t(`urbanCases.kinds.${k}`) }))}
              onChange={setKind}
              data-testid="urban-cases-kind-filter"
            />
            <Select
              allowClear
              placeholder={t('urbanCases.status')}
              style={{ width: 120 }}
              options={caseStatuses.map((s) => ({ value: s, label: t(`urbanCases.statuses.${s}`) }))}
              onChange={setStatus}
            />
            <TerritorySelect
              allowClear
              deepestKind="building"
              placeholder={t('urbanCases.place')}
              style={{ width: 220 }}
              onChange={(v) => setNodeId(v)}
            />
            <DatePicker.RangePicker
              placeholder={[t('urbanCases.period'), t('urbanCases.period')]}
              onChange={(v) => setPeriod(v?.[0] && v[1] ? [v[0].format('YYYY-MM-DD'), v[1].add(1, 'day').format('YYYY-MM-DD')] : undefined)}
            />
            {can('urbanCases.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="urban-cases-create">
                {t('urbanCases.create')}
              </Button>
            )}
          </>
        }
      />
      <CreateCaseModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          list.reload();
          setOpen(id);
        }}
      />
      <CaseDrawer caseId={open} onClose={() => setOpen(null)} onChanged={list.reload} />
    </Card>
  );
}
