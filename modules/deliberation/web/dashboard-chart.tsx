import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// The deliberation dashboard's charts (bars and lines); loaded lazily with the page, and only the
// parts of echarts they use are registered.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartSeries {
  name: string;
  values: number[];
  type?: 'bar' | 'line';
  color?: string;
}

/** Where a click landed: the category's index and the series' index. */
export interface ChartClick {
  dataIndex: number;
  seriesIndex: number;
}

/**
 * Bars (or lines) over categories, one or more series, counts on the value axis; `horizontal` lays
 * the categories down the left. A click on a bar or point calls `onSelect` (to open its records).
 */
export default function DashboardChart({
  labels,
  series,
  horizontal,
  faded,
  onSelect,
  height = 280,
  testId,
}: {
  labels: string[];
  series: ChartSeries[];
  horizontal?: boolean;
  /** Per category: drawn lighter (the month under way). */
  faded?: boolean[];
  onSelect?: (click: ChartClick) => void;
  height?: number;
  testId?: string;
}) {
  const palette = ['#c8161d', '#1677ff', '#52c41a', '#faad14', '#722ed1', '#13c2c2'];
  const category = {
    type: 'category',
    data: labels,
    inverse: horizontal === true,
    axisLabel: horizontal ? {} : { interval: 0, rotate: labels.length > 8 ? (window.innerWidth < 768 ? 60 : 30) : 0 },
  };
  const value = { type: 'value', minInterval: 1 };
  const option = {
    // No drawing animation for people who asked for reduced motion (as the rest of the app).
    animation: !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches,
    color: palette,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: series.map((s, index) => ({
      name: s.name,
      type: s.type ?? 'bar',
      color: s.color ?? palette[index % palette.length],
      barMaxWidth: 28,
      label: horizontal ? { show: true, position: 'right' } : undefined,
      data: s.values.map((v, i) => (faded?.[i] ? { value: v, itemStyle: { opacity: 0.45 } } : v)),
    })),
  };
  const onEvents = onSelect
    ? {
        click: (e: { dataIndex?: number; seriesIndex?: number }) =>
          e.dataIndex !== undefined && onSelect({ dataIndex: e.dataIndex, seriesIndex: e.seriesIndex ?? 0 }),
      }
    : undefined;
  return (
    <div data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        onEvents={onEvents}
        style={{ height, cursor: onSelect ? 'pointer' : undefined }}
      />
    </div>
  );
}
