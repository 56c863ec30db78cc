import type { ScenarioDetail } from '@linli/service-clusters/contract';
import { Empty } from 'antd';
import { LinesChart, ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { clusterColors } from './format.ts';

// The compounds on a plane of longitude and latitude (no base map: the county has no tile server of its
// own), coloured by cluster, each member joined to its anchor by a line; anchors drawn larger.
// Loaded lazily with the scenario page's map, so the list never downloads ECharts.
echarts.use([ScatterChart, LinesChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface Point {
  value: [number, number];
  name: string;
  cluster: string;
}

export default function ClustersMap({ scenario, onPick }: { scenario: ScenarioDetail; onPick?: (compoundId: string) => void }) {
  const { t } = useTranslation();
  const where = new Map(scenario.compounds.filter((c) => c.lat !== null && c.lng !== null).map((c) => [c.compoundId, c]));
  if (where.size === 0) return <Empty />;
  const inCluster = new Set(scenario.clusters.flatMap((c) => c.members.map((m) => m.compoundId)));
  const series: Record<string, unknown>[] = scenario.clusters.flatMap((cluster, i) => {
    const color = clusterColors[i % clusterColors.length];
    const anchor = where.get(cluster.anchorCompoundId);
    const points = cluster.members.flatMap((m) => {
      const c = where.get(m.compoundId);
      return c
        ? [
            {
              value: [c.lng, c.lat],
              name: c.name,
              cluster: cluster.name,
              id: c.compoundId,
              anchor: m.compoundId === cluster.anchorCompoundId,
            },
          ]
        : [];
    });
    return [
      {
        type: 'scatter',
        name: cluster.name,
        itemStyle: { color },
        symbolSize: (_: unknown, p: { data: { anchor: boolean } }) => (p.data.anchor ? 16 : 9),
        data: points,
      },
      {
        type: 'lines',
        coordinateSystem: 'cartesian2d',
        name: cluster.name,
        silent: true,
        lineStyle: { color, width: 1, opacity: 0.7 },
        data: anchor ? points.filter((p) => !p.anchor).map((p) => ({ coords: [[anchor.lng, anchor.lat], p.value] })) : [],
      },
    ];
  });
  const outside = scenario.compounds.filter((c) => c.lat !== null && c.lng !== null && !inCluster.has(c.compoundId));
  if (outside.length) {
    series.push({
      type: 'scatter',
      name: '—',
      itemStyle: { color: '#bfbfbf' },
      symbolSize: 7,
      data: outside.map((c) => ({ value: [c.lng, c.lat], name: c.name, cluster: '—', id: c.compoundId })),
    });
  }
  const option = {
    tooltip: { trigger: 'item', formatter: (p: { data: Point }) => `${p.data.name}<br/>${p.data.cluster}` },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', scale: true, name: t('serviceClusters.lng'), axisLabel: { formatter: (v: number) => v.toFixed(3) } },
    yAxis: { type: 'value', scale: true, name: t('serviceClusters.lat'), axisLabel: { formatter: (v: number) => v.toFixed(3) } },
    series,
  };
  return (
    <div data-testid="clusters-map">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 520 }}
        onEvents={{ click: (p: { data?: { id?: string } }) => p.data?.id && onPick?.(p.data.id) }}
      />
    </div>
  );
}
