import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// The dashboard's charts (bars by territory and category, lines by month); loaded lazily with the page.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Series {
  name: string;
  values: (number | null)[];
  /** Rates are drawn on the right-hand axis in percent. */
  rate?: boolean;
}

export default function DemandChart({
  labels,
  series,
  kind,
  onSelect,
}: {
  labels: string[];
  series: Series[];
  kind: 'bar' | 'line';
  /** Called with the index of the clicked category (e.g. to open a child territory). */
  onSelect?: (index: number) => void;
}) {
  const palette = ['#c8161d', '#1677ff', '#52c41a', '#faad14', '#722ed1', '#13c2c2'];
  const option = {
    color: palette,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: series.map((s) => ({
      type: s.rate && kind === 'bar' ? 'line' : kind,
      name: s.name,
      yAxisIndex: s.rate ? 1 : 0,
      data: s.values.map((v) => (v === null ? null : s.rate ? Math.round(v * 1000) / 10 : v)),
      barMaxWidth: 28,
      connectNulls: true,
    })),
  };
  const onEvents = onSelect ? { click: (e: { dataIndex?: number }) => e.dataIndex !== undefined && onSelect(e.dataIndex) } : undefined;
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      onEvents={onEvents}
      style={{ height: 300, cursor: onSelect ? 'pointer' : undefined }}
    />
  );
}
