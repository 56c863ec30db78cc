import type { ScenarioStatus } from '@linli/service-clusters/contract';

/** Yuan, rounded to the yuan with thousands separators. */
export const money = (v: number) => Math.round(v).toLocaleString('zh-CN');

export const statusColor: Record<ScenarioStatus, string> = {
  draft: 'default',
  solving: 'processing',
  solved: 'blue',
  failed: 'red',
  adopted: 'green',
  superseded: 'default',
};

/** One colour per cluster on the map (cycled). */
export const clusterColors = [
  '#1677ff',
  '#52c41a',
  '#fa8c16',
  '#eb2f96',
  '#722ed1',
  '#13c2c2',
  '#faad14',
  '#f5222d',
  '#2f54eb',
  '#a0d911',
  '#fa541c',
  '#9254de',
  '#36cfc9',
  '#ff85c0',
  '#597ef7',
  '#73d13d',
  '#ffc53d',
  '#ff7a45',
  '#40a9ff',
  '#b37feb',
];
