import { api, type Query } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Alert, Empty, Spin } from 'antd';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { StationLevel, StationMap, StationPoint } from '../src/station-contract.ts';
import { levelKey } from './stations-api.ts';

// The stations on a plane of longitude and latitude (no base map: the county has no tile server of its
// own), one colour per level. Loaded lazily with the map tab, so the list never downloads ECharts.
echarts.use([ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const colors: Record<StationLevel, string> = { compound: '#52c41a', community: '#1677ff', street: '#722ed1' };

export default function StationsMap({ query, onOpen }: { query: Query; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const map = useData((signal) => api.get<StationMap>('/deliberation/stations/map', query, { signal }), [JSON.stringify(query)]);
  if (!map.data) return <Spin />;
  const { points, withoutPlace } = map.data;
  if (!points.length) return <Empty description={t('deliberationStations.noPoints')} />;
  const levels = (['street', 'community', 'compound'] as const).filter((l) => points.some((p) => p.level === l));
  const option = {
    tooltip: {
      trigger: 'item',
      formatter: (p: { data: { station: StationPoint } }) =>
        `${p.data.station.name}<br/>${p.data.station.kindName} · ${p.data.station.nodeName}`,
    },
    legend: { top: 0, data: levels.map((l) => t(levelKey[l])) },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', scale: true, name: t('deliberationStations.lng'), axisLabel: { formatter: (v: number) => v.toFixed(3) } },
    yAxis: { type: 'value', scale: true, name: t('deliberationStations.lat'), axisLabel: { formatter: (v: number) => v.toFixed(3) } },
    series: levels.map((l) => ({
      type: 'scatter',
      name: t(levelKey[l]),
      symbolSize: l === 'compound' ? 8 : 16,
      itemStyle: { color: colors[l] },
      data: points.filter((p) => p.level === l).map((p) => ({ value: [p.lng, p.lat], station: p })),
    })),
  };
  return (
    <div data-testid="stations-map">
      {withoutPlace > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('deliberationStations.withoutPlace', { n: withoutPlace })} />
      )}
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 520 }}
        onEvents={{ click: (p: { data?: { station?: StationPoint } }) => p.data?.station && onOpen(p.data.station.id) }}
      />
    </div>
  );
}
