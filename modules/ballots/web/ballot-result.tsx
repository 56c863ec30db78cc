import type { BallotResult } from '@linli/ballots/contract';
import { Alert, Descriptions, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);

/** A closed ballot's result: quorum, turnout, and each option's votes, area, shares and outcome. */
export function BallotResultView({ result, weighted }: { result: BallotResult; weighted: boolean }) {
  const { t } = useTranslation();
  return (
    <div data-testid="ballot-result">
      <Alert
        type={result.quorumMet ? 'success' : 'warning'}
        showIcon
        message={t(result.quorumMet ? 'ballots.quorumMet' : 'ballots.quorumNotMet')}
      />
      <Descriptions size="small" column={2} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('ballots.turnout')}>
          {result.cast.voters} / {result.roll.voters}（{pct(result.turnout)}）
        </Descriptions.Item>
        {weighted && (
          <Descriptions.Item label={t('ballots.areaTurnout')}>
            {result.cast.area} / {result.roll.area} ㎡（{pct(result.areaTurnout)}）
          </Descriptions.Item>
        )}
      </Descriptions>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={result.options}
        columns={[
          { title: t('ballots.options'), dataIndex: 'label' },
          { title: t('ballots.voters'), dataIndex: 'voters' },
          { title: t('ballots.share'), dataIndex: 'share', render: pct },
          ...(weighted
            ? [
                { title: t('ballots.area'), dataIndex: 'area' },
                { title: t('ballots.areaShare'), dataIndex: 'areaShare', render: pct },
              ]
            : []),
          {
            title: t('ballots.status'),
            dataIndex: 'passed',
            render: (v: boolean) => <Tag color={v ? 'success' : 'default'}>{t(v ? 'ballots.passed' : 'ballots.notPassed')}</Tag>,
          },
        ]}
      />
    </div>
  );
}
