import { BarChart, GaugeChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS lib/core default export arrives as { default } in the bundle.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { CSSProperties } from 'react';

// Only the chart types the app uses are registered, which keeps the echarts chunk small. This module
// is loaded lazily (see charts.tsx) so pages without a chart never download it.
echarts.use([BarChart, GaugeChart, GridComponent, TooltipComponent, TitleComponent, CanvasRenderer]);

export default function EChart({ option, style }: { option: Record<string, unknown>; style?: CSSProperties }) {
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={style ?? { height: 260 }} />;
}
