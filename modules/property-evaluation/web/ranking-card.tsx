import type { Ranking, RankingRow, Round } from '@linli/property-evaluation/contract';
import { api, download } from '@linli/web-kit/client';
import { BarChartCard } from '@linli/web-kit/components/charts';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Card, InputNumber, Segmented, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dimensions } from '../src/vocabulary.ts';

type By = 'compound' | 'company';
type Sort = '-score' | 'score' | '-ratings' | 'ratings' | 'name';

const scoreColor = (s: number | null) => (s === null ? 'default' : s >= 85 ? 'green' : s >= 70 ? 'blue' : s >= 60 ? 'orange' : 'red');

/** A round's ranking by compound or by company: how many score in each band as bars, then the table (sortable, Excel). */
export function RankingCard({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [by, setBy] = useState<By>('compound');
  const [sort, setSort] = useState<Sort>('-score');
  const [minRatings, setMinRatings] = useState<number | null>(null);
  const query = { by, sort, minRatings: minRatings ?? undefined };
  const { data, loading } = useData(
    (signal) => api.get<Ranking>(`/property-evaluation/rounds/${round.id}/ranking`, query, { signal }),
    [round.id, by, sort, minRatings],
  );
  const rows = data?.rows ?? [];
  // How many compounds (or companies) score in each band: where the weak ones are, at a glance.
  const bands = [
    { label: t('propertyEvaluation.bands.excellent'), test: (s: number) => s >= 90 },
    { label: t('propertyEvaluation.bands.good'), test: (s: number) => s >= 80 && s < 90 },
    { label: t('propertyEvaluation.bands.fair'), test: (s: number) => s >= 70 && s < 80 },
    { label: t('propertyEvaluation.bands.pass'), test: (s: number) => s >= 60 && s < 70 },
    { label: t('propertyEvaluation.bands.poor'), test: (s: number) => s < 60 },
  ];
  const counts = bands.map((b) => rows.filter((r) => r.score !== null && b.test(r.score)).length);
  const nameOf = (r: RankingRow) => r.name || t('propertyEvaluation.noCompany');
  const columns: ColumnsType<RankingRow> = [
    { title: t('propertyEvaluation.rank'), dataIndex: 'rank', key: 'rank', width: 70 },
    {
      title: by === 'compound' ? t('propertyEvaluation.compound') : t('propertyEvaluation.company'),
      key: 'name',
      render: (_, r) => nameOf(r),
      sorter: true,
    },
    by === 'compound'
      ? { title: t('propertyEvaluation.community'), dataIndex: 'communityName', key: 'communityName', responsive: ['lg'] }
      : { title: t('propertyEvaluation.compounds'), dataIndex: 'compounds', key: 'compounds', width: 90 },
    {
      title: t('propertyEvaluation.score'),
      dataIndex: 'score',
      key: 'score',
      width: 90,
      sorter: true,
      defaultSortOrder: 'descend',
      render: (v: number | null) => <Tag color={scoreColor(v)}>{v ?? '—'}</Tag>,
    },
    { title: t('propertyEvaluation.ratings'), dataIndex: 'ratings', key: 'ratings', width: 100, sorter: true },
    {
      title: t('propertyEvaluation.coverage'),
      dataIndex: 'coverage',
      key: 'coverage',
      width: 90,
      render: (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`),
    },
    ...dimensions.map((d) => ({
      title: t(`propertyEvaluation.dimensions.${d}`),
      key: d,
      width: 80,
      responsive: ['xl' as const],
      render: (_: unknown, r: RankingRow) => r.averages[d].toFixed(2),
    })),
  ];
  return (
    <Card
      size="small"
      title={`${t('propertyEvaluation.ranking')} · ${round.period} · ${round.nodeName}`}
      data-testid="ranking-card"
      extra={
        <Space wrap>
          <Segmented<By>
            value={by}
            onChange={setBy}
            options={[
              { value: 'compound', label: t('propertyEvaluation.byCompound') },
              { value: 'company', label: t('propertyEvaluation.byCompany') },
            ]}
            data-testid="ranking-by"
          />
          <InputNumber
            min={0}
            placeholder={t('propertyEvaluation.minRatings')}
            value={minRatings}
            onChange={setMinRatings}
            style={{ width: 150 }}
          />
          <Button
            onClick={() =>
              download(`/property-evaluation/rounds/${round.id}/ranking/export.xlsx`, query, `物业服务测评${round.period}.xlsx`).catch(
                (e: Error) => message.error(e.message),
              )
            }
            data-testid="ranking-export"
          >
            {t('propertyEvaluation.exportRanking')}
          </Button>
        </Space>
      }
    >
      {rows.length > 0 && (
        <BarChartCard
          labels={bands.map((b) => b.label)}
          values={counts}
          name={by === 'compound' ? t('propertyEvaluation.compounds') : t('propertyEvaluation.companies')}
          testId="ranking-chart"
        />
      )}
      <Table<RankingRow>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="ranking-table"
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = String(s?.columnKey ?? 'score');
          if (!s?.order) setSort('-score');
          else if (key === 'name') setSort('name');
          else if (key === 'ratings') setSort(s.order === 'ascend' ? 'ratings' : '-ratings');
          else setSort(s.order === 'ascend' ? 'score' : '-score');
        }}
      />
    </Card>
  );
}
