import type { ManagementStatus, PropertyKpis } from '@linli/property/contract';
import { Card, Col, Row } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { looseT } from './loose-t.ts';
import { statusChartColors } from './status-tag.tsx';

// The dashboard's charts, loaded lazily with it; only the parts of echarts they use are registered.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const statuses: ManagementStatus[] = ['well', 'poor', 'unmanaged', 'self'];

/** A horizontal bar chart of named counts. */
function bars(names: string[], values: number[], color: string, animation: boolean) {
  return {
    animation,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [{ type: 'bar', data: values, itemStyle: { color }, barMaxWidth: 22, label: { show: true, position: 'right' } }],
  };
}

/** Compounds by management status (pie), by service mode, companies by kind and joint meetings by level (bars). */
export default function DashboardCharts({ kpis }: { kpis: PropertyKpis }) {
  const { t } = useTranslation();
  const animation = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const pie = {
    animation,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        label: { formatter: '{b}\n{c}' },
        data: statuses.map((s) => ({
          name: t(`property.statuses.${s}`),
          value: kpis.compoundsByStatus[s],
          itemStyle: { color: statusChartColors[s] },
        })),
      },
    ],
  };
  const modes = Object.entries(kpis.compoundsByMode).sort((a, b) => b[1] - a[1]);
  const kinds = ['state_owned', 'market', 'community_service', 'self_managed'] as const;
  const levels = ['county', 'subdistrict', 'community'] as const;
  const chart = (title: string, option: object, testId: string) => (
    <Col xs={24} lg={12}>
      <Card size="small" title={title} data-testid={testId}>
        <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 260 }} />
      </Card>
    </Col>
  );
  return (
    <Row gutter={[16, 16]}>
      {chart(t('property.byStatus'), pie, 'property-dashboard-status-chart')}
      {chart(
        t('property.dashboard.modes'),
        bars(
          modes.map(([m]) => looseT(t)(`property.modes.${m}`)),
          modes.map(([, n]) => n),
          '#1677ff',
          animation,
        ),
        'property-dashboard-mode-chart',
      )}
      {chart(
        t('property.dashboard.companies'),
        bars(
          kinds.map((k) => t(`property.kinds.${k}`)),
          kinds.map((k) => kpis.companiesByKind[k]),
          '#c8161d',
          animation,
        ),
        'property-dashboard-company-chart',
      )}
      {chart(
        t('property.dashboard.jointMeetings'),
        bars(
          levels.map((l) => t(`property.dashboard.levels.${l}`)),
          levels.map((l) => kpis.jointMeetings[l]),
          '#fa8c16',
          animation,
        ),
        'property-dashboard-joint-chart',
      )}
    </Row>
  );
}
