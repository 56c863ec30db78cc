import { ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { groupColour } from './group-colours.ts';

// The opinion map: one dot per participant, coloured by group, the groups' centres as larger marks.
// Loaded lazily with the pages that draw it.
echarts.use([ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ScatterPoint {
  x: number;
  y: number;
  group: number;
  /** Tooltip text (a participant number for the council; nothing for a resident). */
  label?: string;
}

export default function OpinionScatter({
  points,
  groups,
  groupName,
  me,
  meLabel,
  height = 420,
}: {
  points: ScatterPoint[];
  groups: { index: number; size: number; centroid: number[] }[];
  groupName: (index: number) => string;
  me?: { x: number; y: number } | null;
  meLabel?: string;
  height?: number;
}) {
  const series: Record<string, unknown>[] = groups.map((g) => ({
    type: 'scatter',
    name: `${groupName(g.index)}（${g.size}）`,
    itemStyle: { color: groupColour(g.index), opacity: 0.75 },
    symbolSize: 10,
    data: points.filter((p) => p.group === g.index).map((p) => ({ value: [p.x, p.y], name: p.label ?? '' })),
  }));
  series.push({
    type: 'scatter',
    name: '',
    symbol: 'diamond',
    symbolSize: 18,
    silent: true,
    data: groups.map((g) => ({ value: g.centroid, itemStyle: { color: groupColour(g.index), borderColor: '#000', borderWidth: 1 } })),
    tooltip: { show: false },
  });
  if (me) {
    series.push({
      type: 'scatter',
      name: meLabel ?? '',
      symbol: 'pin',
      symbolSize: 36,
      itemStyle: { color: '#c8161d' },
      data: [{ value: [me.x, me.y], name: meLabel ?? '' }],
      z: 10,
    });
  }
  const option = {
    animation: false,
    tooltip: { trigger: 'item', formatter: (p: { name?: string }) => p.name || '' },
    legend: { top: 0, data: series.map((s) => s.name).filter(Boolean) },
    grid: { left: 16, right: 16, top: 40, bottom: 16 },
    // The axes are principal components: their units mean nothing to a reader, so they stay unlabelled.
    xAxis: { type: 'value', scale: true, axisLabel: { show: false }, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'value', scale: true, axisLabel: { show: false }, splitLine: { lineStyle: { type: 'dashed' } } },
    series,
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height }} />;
}
