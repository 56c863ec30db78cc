import { api } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { Alert, Button, Drawer, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanHousehold, PlanHouseholdList, VisitCoverage, VisitState } from '../src/visit-contract.ts';
import { RaiseVisitTopicModal } from './raise-visit-topic-modal.tsx';
import { RecordVisitModal } from './record-visit-modal.tsx';
import { stateColor, stateKey } from './visits-api.ts';

/** A grid's households in the quarter's plan with their visit state; a visit is recorded, or a topic raised, in a dialog. */
export function VisitHouseholdsDrawer({
  plan,
  quarter,
  quarterName,
  onClose,
  onChanged,
}: {
  plan: VisitCoverage | null;
  quarter: string;
  quarterName: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const [onlyUnvisited, setOnlyUnvisited] = useState(false);
  const [q, setQ] = useState<string | undefined>();
  const [recording, setRecording] = useState<PlanHousehold | null>(null);
  const [raising, setRaising] = useState<PlanHousehold | null>(null);
  const planId = plan?.planId;
  const list = useData(
    (signal) =>
      planId
        ? api.get<PlanHouseholdList>(
            `/deliberation/visit-plans/${planId}/households`,
            { state: onlyUnvisited ? 'unvisited' : undefined, q },
            { signal },
          )
        : Promise.resolve(undefined),
    [planId, onlyUnvisited, q],
  );
  const changed = () => {
    void list.reload();
    onChanged();
  };
  const writer = can('deliberation.write');
  const columns: ColumnsType<PlanHousehold> = [
    { title: t('deliberationVisits.household'), dataIndex: 'place', key: 'place', render: (v: string[]) => v.join(' ') },
    {
      title: t('deliberationVisits.state'),
      dataIndex: 'state',
      key: 'state',
      width: 100,
      render: (v: VisitState) => <Tag color={stateColor[v]}>{t(stateKey[v])}</Tag>,
    },
    {
      title: t('deliberationVisits.visitedOn'),
      dataIndex: 'visitedOn',
      key: 'visitedOn',
      width: 110,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('deliberationVisits.visitor'), dataIndex: 'visitorName', key: 'visitorName', width: 100, responsive: ['lg'] },
    { title: t('deliberationVisits.attempts'), dataIndex: 'attempts', key: 'attempts', width: 70, align: 'right', responsive: ['lg'] },
    {
      title: t('deliberationVisits.raisedText'),
      dataIndex: 'raised',
      key: 'raised',
      ellipsis: true,
      render: (v: string | null, h) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text ellipsis={{ tooltip: v }}>{v ?? ''}</Typography.Text>
          {h.topicNumber && <Tag color="blue">{t('deliberationVisits.topicRaised', { number: h.topicNumber })}</Tag>}
        </Space>
      ),
    },
    ...(writer
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 180,
            render: (_: unknown, h: PlanHousehold) => (
              <Space>
                <Button size="small" onClick={() => setRecording(h)} data-testid="visit-record">
                  {h.state === 'unvisited' ? t('deliberationVisits.record') : t('deliberationVisits.revisit')}
                </Button>
                {h.state === 'visited' && h.raised && !h.topicId && h.visitId && (
                  <Button size="small" type="link" onClick={() => setRaising(h)} data-testid="visit-raise-topic">
                    {t('deliberationVisits.raiseTopic')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Drawer
      open={plan !== null}
      onClose={onClose}
      width={960}
      title={plan ? t('deliberationVisits.householdsOf', { grid: `${plan.communityName} ${plan.gridName}`, quarter: quarterName }) : ''}
      destroyOnHidden
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Switch checked={onlyUnvisited} onChange={setOnlyUnvisited} data-testid="visit-only-unvisited" />
        <span>{t('deliberationVisits.onlyUnvisited')}</span>
        <Input.Search
          allowClear
          placeholder={t('deliberationVisits.search')}
          style={{ width: 220 }}
          onSearch={(v) => setQ(v.trim() || undefined)}
        />
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      <Table<PlanHousehold>
        rowKey="householdId"
        size="small"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="visit-households-table"
      />
      {planId && (
        <RecordVisitModal planId={planId} quarter={quarter} household={recording} onClose={() => setRecording(null)} onSaved={changed} />
      )}
      <RaiseVisitTopicModal household={raising} onClose={() => setRaising(null)} onSaved={changed} />
    </Drawer>
  );
}
