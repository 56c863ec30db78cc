import { api } from '@linli/web-kit/client';
import { GaugeChart } from '@linli/web-kit/components/charts';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import type { Coverage } from '@linli/web-kit/types';
import { useData } from '@linli/web-kit/use-data';
import { Card, Col, Empty, Grid, Progress, Row, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const pct = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

/** Coverage of party branches over compounds and party groups over buildings, within a chosen scope. */
export function CoverageReport() {
  const { t } = useTranslation();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const report = useData(
    (signal) => api.get<Coverage>('/party/coverage', { nodeId }, { signal }).catch((): Coverage | null => null),
    [nodeId],
  );
  const coverage = report.data ?? null;
  const loading = report.loading;

  // On a phone the scope picker beside the title would cut 组织覆盖情况 to "组…": it goes into the body.
  const narrow = Grid.useBreakpoint().sm === false;
  const scope = (
    <Space>
      <Typography.Text type="secondary">{t('party.scope')}</Typography.Text>
      <TerritorySelect value={nodeId} onChange={(v) => setNodeId(v)} deepestKind="compound" testId="coverage-scope" />
    </Space>
  );

  const branch = coverage ? pct(coverage.compoundsWithBranch, coverage.compounds) : 0;
  const group = coverage ? pct(coverage.buildingsWithGroup, coverage.buildings) : 0;

  return (
    <Card title={t('party.coverage')} size="small" data-testid="party-coverage" extra={narrow ? undefined : scope}>
      {narrow && <div style={{ marginBottom: 12 }}>{scope}</div>}
      {loading && !coverage ? (
        <Spin />
      ) : !coverage ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <GaugeChart value={branch} name={t('party.branchCoverage')} testId="gauge-branch" />
              <Progress percent={Math.round(branch)} strokeColor="#c8161d" />
              <Typography.Text type="secondary" data-testid="coverage-branch-text">
                {coverage.compoundsWithBranch} / {coverage.compounds} {t('counts.compounds')}
              </Typography.Text>
            </Col>
            <Col xs={24} md={12}>
              <GaugeChart value={group} name={t('party.groupCoverage')} testId="gauge-group" />
              <Progress percent={Math.round(group)} strokeColor="#c8161d" />
              <Typography.Text type="secondary" data-testid="coverage-group-text">
                {coverage.buildingsWithGroup} / {coverage.buildings} {t('counts.buildings')}
              </Typography.Text>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('party.compoundsWithoutBranch')}</Typography.Title>
              <Table
                data-testid="compounds-without-branch"
                size="small"
                rowKey="id"
                dataSource={coverage.compoundsWithoutBranch}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                locale={{ emptyText: t('party.fullCoverage') }}
                columns={[
                  {
                    key: 'name',
                    title: t('common.name'),
                    dataIndex: 'name',
                    sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }),
                    render: (name: string, r) => <Link to={`/compounds/${r.id}`}>{name}</Link>,
                  },
                  { key: 'communityName', title: t('party.communityName'), dataIndex: 'communityName' },
                ]}
              />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('party.buildingsWithoutGroup')}</Typography.Title>
              <Table
                data-testid="buildings-without-group"
                size="small"
                rowKey="id"
                dataSource={coverage.buildingsWithoutGroup}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                locale={{ emptyText: t('party.fullCoverage') }}
                columns={[
                  {
                    key: 'name',
                    title: t('common.name'),
                    dataIndex: 'name',
                    sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }),
                  },
                  { key: 'compoundName', title: t('party.compoundName'), dataIndex: 'compoundName' },
                ]}
              />
            </Col>
          </Row>
        </Space>
      )}
    </Card>
  );
}
