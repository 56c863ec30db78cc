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
  partial,
  partialNote,
}: {
  labels: string[];
  series: Series[];
  kind: 'bar' | 'line';
  /** Called with the index of the clicked category (e.g. to open a child territory). */
  onSelect?: (index: number) => void;
  /**
   * Per label: true for a period not over yet (the month under way). Its lines are drawn dashed from the
   * last complete point and its bars lighter, and the tooltip adds `partialNote`.
   */
  partial?: boolean[];
  partialNote?: string;
}) {
  const palette = ['#c8161d', '#1677ff', '#52c41a', '#faad14', '#722ed1', '#13c2c2'];
  const isPartial = (i: number) => partial?.[i] === true;
  const anyPartial = labels.some((_, i) => isPartial(i));
  const scaled = (s: Series) => s.values.map((v) => (v === null ? null : s.rate ? Math.round(v * 1000) / 10 : v));
  type Drawn = Record<string, unknown>;
  const drawn = series.flatMap((s, index): Drawn[] => {
    const color = palette[index % palette.length];
    const type = s.rate && kind === 'bar' ? 'line' : kind;
    const values = scaled(s);
    const common = { name: s.name, yAxisIndex: s.rate ? 1 : 0, color, barMaxWidth: 28, connectNulls: true };
    if (!anyPartial) return [{ ...common, type, data: values }];
    if (type === 'bar') {
      return [{ ...common, type, data: values.map((v, i) => (isPartial(i) ? { value: v, itemStyle: { opacity: 0.4 } } : v)) }];
    }
    // A solid line through the complete periods; a dashed one (same name, so one legend entry) from the
    // last complete point before each partial one to it.
    const solid = values.map((v, i) => (isPartial(i) ? null : v));
    const dashed = values.map((v, i) => {
      if (isPartial(i)) return v;
      return isPartial(i + 1) ? v : null;
    });
    return [
      { ...common, type, data: solid },
      {
        ...common,
        type,
        data: dashed,
        connectNulls: false,
        lineStyle: { type: 'dashed' },
        symbol: 'emptyCircle',
        itemStyle: { opacity: 0.6 },
        z: 1,
      },
    ];
  });
  const rateOf = new Map(series.map((s) => [s.name, s.rate === true]));
  const rotate = labels.length > 6;
  const option = {
    // No drawing animation for people who asked for reduced motion (as the rest of the app).
    animation: !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches,
    color: palette,
    tooltip: {
      trigger: 'axis',
      // The dashed companions repeat a series' name: each name once, with the period's own value.
      formatter: (params: { seriesName: string; marker: string; value: unknown; dataIndex: number; axisValueLabel: string }[]) => {
        const first = params[0];
        if (!first) return '';
        const seen = new Set<string>();
        const lines = [String(first.axisValueLabel).replace(/\n/g, ' ')];
        if (isPartial(first.dataIndex) && partialNote) lines.push(partialNote);
        for (const p of params) {
          const v = typeof p.value === 'object' && p.value !== null ? (p.value as { value: unknown }).value : p.value;
          if (seen.has(p.seriesName) || v === null || v === undefined || v === '-') continue;
          seen.add(p.seriesName);
          lines.push(`${p.marker}${p.seriesName}: ${v}${rateOf.get(p.seriesName) ? '%' : ''}`);
        }
        return lines.join('<br/>');
      },
    },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    // Slanted labels on one line: the second line of a slanted "2026年12月\n本月至今" fell onto its
    // neighbour's label.
    xAxis: {
      type: 'category',
      data: rotate ? labels.map((l) => l.replace(/\n/g, ' ')) : labels,
      // Steeper on a phone, where a month's slot is narrower than a label's height at 30°.
      axisLabel: { interval: 0, rotate: rotate ? (window.innerWidth < 768 ? 60 : 30) : 0 },
    },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: drawn,
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
