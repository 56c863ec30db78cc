import { DownloadOutlined } from '@ant-design/icons';
import type { LedgerRow, ManagementStatus } from '@linli/property/contract';
import { serviceModes } from '@linli/property/vocabulary';
import { api, download } from '@linli/web-kit/client';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Card, Empty, Radio, Space, Spin, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

const LedgerChart = lazy(() => import('./ledger-chart.tsx'));
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
const statuses: ManagementStatus[] = ['well', 'poor', 'unmanaged', 'self'];

/** The property ledger (台账) by subdistrict or community: compounds by status and service mode, companies, average fee, collection rate; a chart by status; Excel. */
export default function LedgerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [by, setBy] = useState<'subdistrict' | 'community'>('subdistrict');
  const [exporting, setExporting] = useState(false);
  const { data, loading } = useData(
    (signal) => api.get<{ rows: LedgerRow[] }>('/property/ledger', { nodeId, by }, { signal }),
    [nodeId, by],
  );
  const rows = data?.rows ?? [];
  const columns: ColumnsType<LedgerRow> = [
    { title: t(by === 'community' ? 'property.community' : 'property.subdistrict'), dataIndex: 'nodeName', key: 'nodeName', fixed: 'left' },
    { title: t('property.compounds'), dataIndex: 'compounds', key: 'compounds' },
    { title: t('property.households'), dataIndex: 'households', key: 'households' },
    {
      title: t('property.byStatus'),
      children: statuses.map((s) => ({ title: t(`property.statuses.${s}`), key: s, render: (_: unknown, r: LedgerRow) => r.byStatus[s] })),
    },
    {
      title: t('property.byMode'),
      children: serviceModes.map((m) => ({
        title: t(`property.modes.${m}`),
        key: m,
        render: (_: unknown, r: LedgerRow) => r.byMode[m] ?? 0,
      })),
    },
    { title: t('property.companies'), dataIndex: 'companies', key: 'companies' },
    { title: t('property.averageFee'), dataIndex: 'averageFee', key: 'averageFee', render: (v: number | null) => v ?? '—' },
    { title: t('property.collectionRate'), dataIndex: 'collectionRate', key: 'collectionRate', render: pct },
  ];
  const doExport = async () => {
    setExporting(true);
    try {
      await download('/property/ledger/export.xlsx', { nodeId, by }, '物业管理台账.xlsx');
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };
  return (
    <Card title={t('property.ledgerTitle')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <TerritorySelect
          deepestKind="subdistrict"
          allowClear
          placeholder={t('property.place')}
          style={{ width: 220 }}
          onChange={(v) => setNodeId(v)}
        />
        <Radio.Group value={by} onChange={(e) => setBy(e.target.value)} optionType="button">
          <Radio.Button value="subdistrict">{t('property.subdistrict')}</Radio.Button>
          <Radio.Button value="community">{t('property.community')}</Radio.Button>
        </Radio.Group>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={doExport} data-testid="export-excel">
          {t('common.exportExcel')}
        </Button>
      </Space>
      {rows.length > 0 ? (
        <Suspense fallback={<Spin />}>
          <LedgerChart
            places={rows.map((r) => r.nodeName)}
            counts={rows.map((r) => r.byStatus)}
            labels={Object.fromEntries(statuses.map((s) => [s, t(`property.statuses.${s}`)])) as Record<ManagementStatus, string>}
          />
        </Suspense>
      ) : (
        !loading && <Empty description={t('property.noData')} />
      )}
      <Table<LedgerRow>
        style={{ marginTop: 16 }}
        size="small"
        bordered
        rowKey="nodeId"
        loading={loading}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="property-ledger-table"
      />
    </Card>
  );
}
