import { ArrowDownOutlined } from '@ant-design/icons';
import type { Ranking } from '@linli/demands/web/api';
import { percent } from '@linli/demands/web/labels';
import { Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The units ranked by on-time rate (the dashboard's 排名 card); `null` while loading. The server orders
 * them: on-time rate high first, then satisfaction rate, then sample, then name; units under the
 * minimum sample follow unranked, greyed. The ranking column comes first among the rates and carries
 * antd's descending sort indicator, so the order is visible.
 */
export default function DemandRankingsTable({ rankings }: { rankings: Ranking[] | null }) {
  const { t } = useTranslation();
  const rate = (k: 'onTimeRate' | 'satisfactionRate' | 'resolutionRate') => ({
    title: t(`demandStats.dashboard.${k}`),
    key: k,
    render: (_: unknown, r: Ranking) => percent(r.kpis[k]),
  });
  return (
    <Table<Ranking>
      size="small"
      rowKey="unitId"
      loading={rankings === null}
      dataSource={rankings ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      onRow={(r) => (r.rank === null ? { style: { color: 'rgba(0, 0, 0, 0.45)' } } : {})}
      columns={[
        {
          title: t('demandStats.dashboard.rank'),
          key: 'rank',
          render: (_: unknown, r: Ranking) => r.rank ?? <span title={t('demandStats.dashboard.belowMinSample')}>—</span>,
        },
        { title: t('demandStats.dashboard.unit'), dataIndex: 'unitName', key: 'unitName' },
        {
          ...rate('onTimeRate'),
          title: (
            <Tooltip title={t('demandStats.dashboard.rankedBy')}>
              <span data-testid="ranking-sorted-column">
                {t('demandStats.dashboard.onTimeRate')} <ArrowDownOutlined aria-label={t('demandStats.dashboard.rankedBy')} />
              </span>
            </Tooltip>
          ),
          className: 'ant-table-column-sort',
        },
        rate('satisfactionRate'),
        { title: t('demandStats.dashboard.sample'), dataIndex: 'sample', key: 'sample' },
        rate('resolutionRate'),
      ]}
    />
  );
}
