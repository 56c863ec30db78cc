import { Spin } from 'antd';
import { lazy, Suspense } from 'react';

const EChart = lazy(() => import('./echart.tsx'));

export function BarChartCard({ labels, values, name, testId }: { labels: string[]; values: number[]; name: string; testId?: string }) {
  const option = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name, data: values, itemStyle: { color: '#c8161d' }, barMaxWidth: 36 }],
  };
  return (
    <div data-testid={testId}>
      <Suspense fallback={<Spin />}>
        <EChart option={option} style={{ height: 260 }} />
      </Suspense>
    </div>
  );
}

export function GaugeChart({ value, name, testId }: { value: number; name: string; testId?: string }) {
  const option = {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: 100,
        progress: { show: true, width: 14 },
        axisLine: { lineStyle: { width: 14 } },
        radius: '95%',
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        title: { offsetCenter: [0, '45%'], fontSize: 13 },
        detail: { valueAnimation: true, offsetCenter: [0, '-5%'], fontSize: 26, formatter: '{value}%' },
        itemStyle: { color: '#c8161d' },
        data: [{ value: Math.round(value * 10) / 10, name }],
      },
    ],
  };
  return (
    <div data-testid={testId}>
      <Suspense fallback={<Spin />}>
        <EChart option={option} style={{ height: 220 }} />
      </Suspense>
    </div>
  );
}
