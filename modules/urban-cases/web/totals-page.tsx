import { DownloadOutlined } from '@ant-design/icons';
import type { Totals, TotalsRow } from '@linli/urban-cases/contract';
import { api, download } from '@linli/web-kit/client';
import { BarChartCard } from '@linli/web-kit/components/charts';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Card, DatePicker, Segmented, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const metrics = [
  'illegalStructuresRemoved',
  'illegalStructureAreaM2',
  'rubbishTonnes',
  'parkingSpaces',
  'chargers',
  'clutterCases',
  'renovatedCompounds',
] as const;
type Metric = (typeof metrics)[number];

/** Totals of the closed cases and renovated compounds in a period, per street or community: a bar chart, the table, Excel. */
export default function TotalsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().subtract(1, 'year').add(1, 'day'), dayjs()]);
  const [by, setBy] = useState<'subdistrict' | 'community'>('subdistrict');
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [metric, setMetric] = useState<Metric>('illegalStructureAreaM2');
  const query = { from: period[0].format('YYYY-MM-DD'), to: period[1].add(1, 'day').format('YYYY-MM-DD'), by, nodeId };
  const totals = useData((signal) => api.get<Totals>('/urban-cases/totals', query, { signal }), [query.from, query.to, by, nodeId]);
  const rows = totals.data?.rows ?? [];
  const columns = [
    { title: t(by === 'community' ? 'urbanTotals.byCommunity' : 'urbanTotals.bySubdistrict'), dataIndex: 'name', key: 'name' },
    ...metrics.map((m) => ({ title: t(`urbanTotals.${m}`), dataIndex: m, key: m, align: 'right' as const })),
  ];
  const exportFile = async () => {
    try {
      await download('/urban-cases/totals/export.xlsx', query, '城管进小区统计.xlsx');
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card
      title={t('urbanTotals.title')}
      extra={
        <Button icon={<DownloadOutlined />} onClick={exportFile} data-testid="urban-totals-export">
          {t('urbanTotals.export')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker value={period} allowClear={false} onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])} />
        <Segmented
          value={by}
          onChange={(v) => setBy(v as 'subdistrict' | 'community')}
          options={[
            { value: 'subdistrict', label: t('urbanTotals.bySubdistrict') },
            { value: 'community', label: t('urbanTotals.byCommunity') },
          ]}
        />
        <TerritorySelect allowClear deepestKind="community" style={{ width: 220 }} onChange={(v) => setNodeId(v)} />
        <Select
          value={metric}
          onChange={setMetric}
          style={{ width: 200 }}
          options={metrics.map((m) => ({ value: m, label: t(`urbanTotals.${m}`) }))}
          aria-label={t('urbanTotals.chartMetric')}
        />
      </Space>
      <BarChartCard
        labels={rows.map((r) => r.name)}
        values={rows.map((r) => r[metric])}
        name={t(`urbanTotals.${metric}`)}
        testId="urban-totals-chart"
      />
      <Table<TotalsRow & { nodeId: string }>
        style={{ marginTop: 16 }}
        size="small"
        rowKey="nodeId"
        loading={totals.loading}
        dataSource={rows}
        columns={columns}
        pagination={false}
        data-testid="urban-totals-table"
        summary={() =>
          totals.data && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('urbanTotals.total')}</Table.Summary.Cell>
              {metrics.map((m, i) => (
                <Table.Summary.Cell key={m} index={i + 1} align="right">
                  {totals.data?.total[m]}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )
        }
      />
    </Card>
  );
}
