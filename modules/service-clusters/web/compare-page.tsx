import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ScenarioComparison } from '@linli/service-clusters/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Card, Col, Result, Row, Space, Spin, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { money, statusColor } from './format.ts';

type Compared = ScenarioComparison['scenarios'][number];

/** Two to four scenarios side by side: their totals row by row, then each one's clusters. */
export default function ComparePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const ids = params.get('ids') ?? '';
  const compared = useData((signal) => api.get<ScenarioComparison>('/service-clusters/scenarios/compare', { ids }, { signal }), [ids]);
  if (compared.error) return <Result status="warning" title={compared.error.message} />;
  if (!compared.data) return <Spin />;
  const scenarios = compared.data.scenarios;
  const rows: { key: string; label: string; value: (s: Compared) => string | number }[] = [
    { key: 'status', label: t('serviceClusters.status'), value: (s) => t(`serviceClusters.statuses.${s.status}`) },
    { key: 'compounds', label: t('serviceClusters.compounds'), value: (s) => s.totals?.compounds ?? '—' },
    { key: 'clusters', label: t('serviceClusters.clusters'), value: (s) => s.totals?.clusters ?? '—' },
    { key: 'viable', label: t('serviceClusters.viable'), value: (s) => s.totals?.viable ?? '—' },
    { key: 'subsidy', label: t('serviceClusters.subsidy'), value: (s) => (s.totals ? money(s.totals.subsidy) : '—') },
    { key: 'revenue', label: t('serviceClusters.revenue'), value: (s) => (s.totals ? money(s.totals.revenue) : '—') },
    { key: 'cost', label: t('serviceClusters.cost'), value: (s) => (s.totals ? money(s.totals.cost) : '—') },
    { key: 'households', label: t('serviceClusters.households'), value: (s) => s.totals?.households ?? '—' },
    { key: 'distance', label: t('serviceClusters.totalDistance'), value: (s) => s.totals?.distanceKm ?? '—' },
    { key: 'gap', label: t('serviceClusters.gap'), value: (s) => (s.gap === null ? '—' : `${(s.gap * 100).toFixed(2)}%`) },
    { key: 'maxDistanceKm', label: t('serviceClusters.maxDistanceKm'), value: (s) => s.parameters.maxDistanceKm },
    {
      key: 'bounds',
      label: `${t('serviceClusters.minHouseholds')} – ${t('serviceClusters.maxHouseholds')}`,
      value: (s) => `${s.parameters.minHouseholds} – ${s.parameters.maxHouseholds}`,
    },
    { key: 'shared', label: t('serviceClusters.sharedCostPerClusterMonth'), value: (s) => money(s.parameters.sharedCostPerClusterMonth) },
  ];
  return (
    <Card
      title={
        <Space>
          <Link to="/service-clusters">
            <ArrowLeftOutlined />
          </Link>
          {t('serviceClusters.compareTitle')}
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        data-testid="cluster-compare-totals"
        dataSource={rows}
        columns={[
          { title: '', dataIndex: 'label', key: 'label', width: 220 },
          ...scenarios.map((s) => ({
            title: <Link to={`/service-clusters/${s.id}`}>{s.name}</Link>,
            key: s.id,
            align: 'right' as const,
            render: (_: unknown, r: (typeof rows)[number]) => r.value(s),
          })),
        ]}
      />
      <Row gutter={16} style={{ marginTop: 16 }}>
        {scenarios.map((s) => (
          <Col key={s.id} xs={24} lg={24 / Math.min(scenarios.length, 2)}>
            <Card size="small" title={s.name} extra={<Tag color={statusColor[s.status]}>{t(`serviceClusters.statuses.${s.status}`)}</Tag>}>
              <Table
                size="small"
                rowKey="id"
                pagination={{ pageSize: 15, hideOnSinglePage: true }}
                dataSource={s.clusters}
                columns={[
                  { title: t('serviceClusters.name'), dataIndex: 'name', key: 'name' },
                  { title: t('serviceClusters.compounds'), key: 'n', align: 'right', render: (_, c) => c.members.length },
                  { title: t('serviceClusters.households'), dataIndex: 'households', key: 'households', align: 'right' },
                  { title: t('serviceClusters.margin'), dataIndex: 'margin', key: 'margin', align: 'right', render: money },
                  { title: t('serviceClusters.subsidy'), dataIndex: 'subsidy', key: 'subsidy', align: 'right', render: money },
                  { title: t('serviceClusters.distance'), dataIndex: 'maxDistanceKm', key: 'd', align: 'right' },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
