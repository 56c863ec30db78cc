import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { api, download } from '@linli/web-kit/client';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, Button, Card, Progress, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedVisitPlans, VisitCoverage, VisitCoverageList } from '../src/visit-contract.ts';
import { VisitHouseholdsDrawer } from './visit-households-drawer.tsx';
import { quarterParts, recentQuarters } from './visits-api.ts';

/** Home visits (入户走访): the quarter's coverage per grid with a progress bar, drilling into a grid's households. */
export default function VisitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const quarters = recentQuarters();
  const [quarter, setQuarter] = useState(quarters[0] as string);
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [open, setOpen] = useState<VisitCoverage | null>(null);
  const [making, setMaking] = useState(false);
  const coverage = useData(
    (signal) => api.get<VisitCoverageList>('/deliberation/visit-plans', { quarter, nodeId }, { signal }),
    [quarter, nodeId],
  );
  const quarterName = (q: string) => t('deliberationVisits.quarterName', quarterParts(q));
  const makePlans = async () => {
    setMaking(true);
    try {
      const made = await api.post<CreatedVisitPlans>('/deliberation/visit-plans', { quarter, nodeId });
      message.success(t('deliberationVisits.plansMade', { created: made.created, existing: made.existing }));
      await coverage.reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setMaking(false);
    }
  };
  const exportFile = () =>
    download('/deliberation/visit-plans/export.xlsx', { quarter, nodeId }, `入户走访-${quarter}.xlsx`).catch((e: Error) =>
      message.error(e.message),
    );
  const bar = (v: number) => <Progress percent={v} size="small" status={v >= 100 ? 'success' : 'normal'} style={{ minWidth: 120 }} />;
  const columns: ColumnsType<VisitCoverage> = [
    { title: t('deliberationVisits.community'), dataIndex: 'communityName', key: 'communityName' },
    {
      title: t('deliberationVisits.grid'),
      dataIndex: 'gridName',
      key: 'gridName',
      render: (v: string, r) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r)} data-testid="visit-grid-open">
          {v}
        </Button>
      ),
    },
    { title: t('deliberationVisits.households'), dataIndex: 'households', key: 'households', align: 'right', width: 90 },
    { title: t('deliberationVisits.visited'), dataIndex: 'visited', key: 'visited', align: 'right', width: 90 },
    { title: t('deliberationVisits.notHome'), dataIndex: 'notHome', key: 'notHome', align: 'right', width: 90 },
    { title: t('deliberationVisits.refused'), dataIndex: 'refused', key: 'refused', align: 'right', width: 80, responsive: ['lg'] },
    { title: t('deliberationVisits.coverage'), dataIndex: 'coverage', key: 'coverage', width: 200, render: bar },
    { title: t('deliberationVisits.raised'), dataIndex: 'raised', key: 'raised', align: 'right', width: 90, responsive: ['lg'] },
    { title: t('deliberationVisits.topics'), dataIndex: 'topics', key: 'topics', align: 'right', width: 90, responsive: ['lg'] },
  ];
  const data = coverage.data;
  return (
    <Card title={t('deliberationVisits.title')}>
      <Typography.Paragraph type="secondary">{t('deliberationVisits.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={quarter}
          onChange={setQuarter}
          style={{ width: 170 }}
          options={quarters.map((q) => ({ value: q, label: quarterName(q) }))}
          aria-label={t('deliberationVisits.quarter')}
          data-testid="visit-quarter"
        />
        <TerritorySelect
          selectableKinds={['subdistrict', 'community']}
          deepestKind="community"
          allowClear
          placeholder={t('deliberationVisits.community')}
          style={{ width: 220 }}
          onChange={(v) => setNodeId(v)}
        />
        {can('deliberation.write') && (
          <Button type="primary" icon={<PlusOutlined />} loading={making} onClick={makePlans} data-testid="visit-make-plans">
            {t('deliberationVisits.makePlans')}
          </Button>
        )}
        <Button icon={<DownloadOutlined />} onClick={exportFile}>
          {t('common.exportExcel')}
        </Button>
      </Space>
      {coverage.error && <Alert type="error" showIcon title={coverage.error.message} style={{ marginBottom: 12 }} />}
      {data && data.gridsWithoutPlan > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('deliberationVisits.withoutPlan', { count: data.gridsWithoutPlan })}
        />
      )}
      <Table<VisitCoverage>
        rowKey="planId"
        size="middle"
        loading={coverage.loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('deliberationVisits.noPlans') }}
        data-testid="visit-coverage-table"
        summary={() =>
          data && data.items.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                {t('deliberationVisits.total')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {data.total.households}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {data.total.visited}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {data.total.notHome}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {data.total.refused}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6}>{bar(data.total.coverage)}</Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <VisitHouseholdsDrawer
        plan={open}
        quarterName={quarterName(quarter)}
        quarter={quarter}
        onClose={() => setOpen(null)}
        onChanged={coverage.reload}
      />
    </Card>
  );
}
