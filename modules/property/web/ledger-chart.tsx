import type { ManagementStatus } from '@linli/property/contract';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { statusChartColors } from './status-tag.tsx';

// The ledger's charts (stacked bars per place and a pie of the totals); loaded lazily with the page,
// and only the parts of echarts they use are registered.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const order: ManagementStatus[] = ['well', 'poor', 'unmanaged', 'self'];

/** Compounds by management status: bars stacked per place, and a pie of the whole. */
export default function LedgerChart({
  places,
  counts,
  labels,
}: {
  places: string[];
  counts: Record<ManagementStatus, number>[];
  labels: Record<ManagementStatus, string>;
}) {
  const animation = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const bars = {
    animation,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: places, axisLabel: { interval: 0, rotate: places.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: order.map((s) => ({
      type: 'bar',
      stack: 'status',
      name: labels[s],
      data: counts.map((c) => c[s]),
      itemStyle: { color: statusChartColors[s] },
      barMaxWidth: 40,
    })),
  };
  const totals = order.map((s) => ({
    name: labels[s],
    value: counts.reduce((a, c) => a + c[s], 0),
    itemStyle: { color: statusChartColors[s] },
  }));
  const pie = {
    animation,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: totals, label: { formatter: '{b}\n{c}' } }],
  };
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16 }} data-testid="property-ledger-chart">
      <ReactEChartsCore echarts={echarts} option={bars} notMerge style={{ height: 300, flex: '2 1 420px' }} />
      <ReactEChartsCore echarts={echarts} option={pie} notMerge style={{ height: 300, flex: '1 1 260px' }} />
    </div>
  );
}
