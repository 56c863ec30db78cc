import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { Hotspot } from './api.ts';

// Horizontal bars of the top hot spots: this month's count against the mean of the months before.
// Not the dashboard's DemandChart: that one always draws a 0–100 % axis for rates, which hot spots have none of.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function HotspotChart({ items, labels }: { items: Hotspot[]; labels: { count: string; baseline: string } }) {
  // The strongest at the top: ECharts draws a category axis from the bottom.
  const shown = [...items].reverse();
  const option = {
    color: ['#c8161d', '#bfbfbf'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: shown.map((h) => `${h.nodeName} · ${h.categoryName}`),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: [
      { type: 'bar', name: labels.count, data: shown.map((h) => h.count), barMaxWidth: 16, label: { show: true, position: 'right' } },
      { type: 'bar', name: labels.baseline, data: shown.map((h) => h.baseline), barMaxWidth: 16 },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: Math.max(200, 60 + items.length * 36) }} />;
}
