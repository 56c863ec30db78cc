import type { Ranking } from '@linli/demands/web/api';
import { percent } from '@linli/demands/web/labels';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';

/** The units ranked by resolution, satisfaction and on-time rates (the dashboard's 排名 card); `null` while loading. */
export default function DemandRankingsTable({ rankings }: { rankings: Ranking[] | null }) {
  const { t } = useTranslation();
  return (
    <Table<Ranking>
      size="small"
      rowKey="unitId"
      loading={rankings === null}
      dataSource={rankings ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('demandStats.dashboard.rank'),
          key: 'rank',
          render: (_: unknown, r: Ranking) => r.rank ?? <span title={t('demandStats.dashboard.belowMinSample')}>—</span>,
        },
        { title: t('demandStats.dashboard.unit'), dataIndex: 'unitName', key: 'unitName' },
        { title: t('demandStats.dashboard.sample'), dataIndex: 'sample', key: 'sample' },
        ...(['resolutionRate', 'satisfactionRate', 'onTimeRate'] as const).map((k) => ({
          title: t(`demandStats.dashboard.${k}`),
          key: k,
          render: (_: unknown, r: Ranking) => percent(r.kpis[k]),
        })),
      ]}
    />
  );
}
