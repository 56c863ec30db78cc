import type { Round, ScoreRow, Scores } from '@linli/property-evaluation/contract';
import { api, download } from '@linli/web-kit/client';
import { BarChartCard } from '@linli/web-kit/components/charts';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type By = 'compound' | 'company';
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
const scoreColor = (s: number | null) => (s === null ? 'default' : s >= 85 ? 'green' : s >= 70 ? 'blue' : s >= 60 ? 'orange' : 'red');

/**
 * A round's combined scores (综合得分): residents' ratings, the compound's demands (on-time and
 * satisfaction rates) and staff inspections, under the county's weights — kept and published when the
 * round closed, a preview while it is open. Bars per score band, the ranked table, Excel.
 */
export function ScoresCard({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [by, setBy] = useState<By>('compound');
  const { data, loading } = useData(
    (signal) => api.get<Scores>(`/property-evaluation/rounds/${round.id}/scores`, { by }, { signal }),
    [round.id, round.status, by],
  );
  const rows = data?.rows ?? [];
  const bands = [
    { label: t('propertyEvaluation.bands.excellent'), test: (s: number) => s >= 90 },
    { label: t('propertyEvaluation.bands.good'), test: (s: number) => s >= 80 && s < 90 },
    { label: t('propertyEvaluation.bands.fair'), test: (s: number) => s >= 70 && s < 80 },
    { label: t('propertyEvaluation.bands.pass'), test: (s: number) => s >= 60 && s < 70 },
    { label: t('propertyEvaluation.bands.poor'), test: (s: number) => s < 60 },
  ];
  const columns: ColumnsType<ScoreRow> = [
    { title: t('propertyEvaluation.rank'), dataIndex: 'rank', key: 'rank', width: 70 },
    { title: by === 'compound' ? t('propertyEvaluation.compound') : t('propertyEvaluation.company'), dataIndex: 'name', key: 'name' },
    by === 'compound'
      ? { title: t('propertyEvaluation.community'), dataIndex: 'communityName', key: 'communityName', responsive: ['lg'] }
      : { title: t('propertyEvaluation.compounds'), dataIndex: 'compounds', key: 'compounds', width: 90 },
    {
      title: t('propertyEvaluation.scores.combined'),
      dataIndex: 'combined',
      key: 'combined',
      width: 100,
      render: (v: number | null) => <Tag color={scoreColor(v)}>{v ?? '—'}</Tag>,
    },
    {
      title: t('propertyEvaluation.scores.residents'),
      key: 'residents',
      width: 110,
      render: (_, r) => (r.residentScore === null ? '—' : `${r.residentScore}（${r.ratings}）`),
    },
    { title: t('propertyEvaluation.scores.demands'), dataIndex: 'demandScore', key: 'demands', width: 90, render: (v) => v ?? '—' },
    { title: t('propertyEvaluation.scores.onTime'), key: 'onTime', width: 110, responsive: ['xl'], render: (_, r) => pct(r.onTimeRate) },
    {
      title: t('propertyEvaluation.scores.satisfaction'),
      key: 'satisfaction',
      width: 90,
      responsive: ['xl'],
      render: (_, r) => pct(r.satisfactionRate),
    },
    {
      title: t('propertyEvaluation.scores.inspections'),
      key: 'inspections',
      width: 120,
      render: (_, r) => (r.inspectionItems ? `${r.inspectionScore}（${r.inspectionPassed}/${r.inspectionItems}）` : '—'),
    },
  ];
  const w = data?.weights;
  return (
    <Card
      size="small"
      title={
        <Space>
          {`${t('propertyEvaluation.scores.title')} · ${round.period}`}
          {data && (
            <Tag color={data.final ? 'green' : 'default'}>
              {data.final ? t('propertyEvaluation.scores.final') : t('propertyEvaluation.scores.preview')}
            </Tag>
          )}
        </Space>
      }
      data-testid="scores-card"
      extra={
        <Space wrap>
          <Segmented<By>
            value={by}
            onChange={setBy}
            options={[
              { value: 'compound', label: t('propertyEvaluation.byCompound') },
              { value: 'company', label: t('propertyEvaluation.byCompany') },
            ]}
          />
          <Button
            onClick={() =>
              download(`/property-evaluation/rounds/${round.id}/scores/export.xlsx`, { by }, `物业服务综合得分${round.period}.xlsx`).catch(
                (e: Error) => message.error(e.message),
              )
            }
            data-testid="scores-export"
          >
            {t('propertyEvaluation.scores.export')}
          </Button>
        </Space>
      }
    >
      {w && (
        <Typography.Paragraph type="secondary" data-testid="scores-weights">
          {t('propertyEvaluation.scores.weights', w)}
          {data?.from ? ` · ${data.from} – ${data.to}` : ''}
        </Typography.Paragraph>
      )}
      {data && round.status === 'closed' && !data.final && <Alert type="info" showIcon message={t('propertyEvaluation.scores.none')} />}
      {rows.length > 0 && (
        <BarChartCard
          labels={bands.map((b) => b.label)}
          values={bands.map((b) => rows.filter((r) => r.combined !== null && b.test(r.combined)).length)}
          name={by === 'compound' ? t('propertyEvaluation.compounds') : t('propertyEvaluation.companies')}
          testId="scores-chart"
        />
      )}
      <Table<ScoreRow>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="scores-table"
      />
    </Card>
  );
}
