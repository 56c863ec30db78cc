import { PlusOutlined } from '@ant-design/icons';
import type { Round } from '@linli/property-evaluation/contract';
import { api } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { App, Button, Card, Popconfirm, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OpenRoundModal } from './open-round-modal.tsx';
import { RankingCard } from './ranking-card.tsx';
import { ScoresCard } from './scores-card.tsx';

/**
 * 物业服务测评: the rounds in scope (filter by place and state, newest first, Excel), opening and
 * closing a round, and the selected round's ranking by compound or by company.
 */
export default function RoundsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [status, setStatus] = useState<'open' | 'closed' | undefined>();
  const [opening, setOpening] = useState(false);
  const [selected, setSelected] = useState<Round | null>(null);
  const filters = { nodeId, status };
  const list = useCursorList<Round>('/property-evaluation/rounds', filters, 50, '-createdAt');
  const shown = selected ?? list.items.find((r) => r.status === 'closed') ?? list.items[0] ?? null;
  const closeRound = async (r: Round) => {
    try {
      const closed = await api.post<Round>(`/property-evaluation/rounds/${r.id}/close`);
      list.reload();
      setSelected(closed);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const columns: ColumnsType<Round> = [
    {
      title: t('propertyEvaluation.period'),
      dataIndex: 'period',
      key: 'period',
      render: (v: string, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setSelected(r)} data-testid={`round-${v}`}>
          {v}
        </Button>
      ),
    },
    { title: t('propertyEvaluation.place'), dataIndex: 'nodeName', key: 'nodeName' },
    { title: t('propertyEvaluation.opensOn'), dataIndex: 'opensOn', key: 'opensOn', width: 120 },
    { title: t('propertyEvaluation.closesOn'), dataIndex: 'closesOn', key: 'closesOn', width: 120 },
    {
      title: t('propertyEvaluation.status'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (v: Round['status']) => <Tag color={v === 'open' ? 'processing' : 'default'}>{t(`propertyEvaluation.statuses.${v}`)}</Tag>,
    },
    { title: t('propertyEvaluation.ratings'), dataIndex: 'ratings', key: 'ratings', width: 100 },
    {
      title: t('common.createdAt', { defaultValue: '发起时间' }),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      width: 120,
      render: (v: string) => v.slice(0, 10),
    },
    {
      key: 'actions',
      width: 110,
      render: (_, r) =>
        r.status === 'open' && can('propertyEvaluation.write') ? (
          <Popconfirm title={t('propertyEvaluation.closeConfirm')} onConfirm={() => closeRound(r)}>
            <Button size="small" data-testid={`round-close-${r.period}`}>
              {t('propertyEvaluation.close')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <Card title={t('propertyEvaluation.title')}>
      <CursorTable<Round>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/property-evaluation/rounds"
        exportQuery={filters}
        exportName="物业服务测评.xlsx"
        testId="rounds-table"
        toolbar={
          <>
            <TerritorySelect
              selectableKinds={['county', 'subdistrict', 'community']}
              deepestKind="community"
              allowClear
              placeholder={t('propertyEvaluation.place')}
              style={{ width: 220 }}
              onChange={(v) => setNodeId(v)}
            />
            <Select
              allowClear
              placeholder={t('propertyEvaluation.status')}
              style={{ width: 120 }}
              value={status}
              onChange={setStatus}
              options={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`propertyEvaluation.statuses.${s}`) }))}
            />
            {can('propertyEvaluation.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="round-open">
                {t('propertyEvaluation.open')}
              </Button>
            )}
          </>
        }
      />
      {shown && (
        <div style={{ marginTop: 16 }}>
          <RankingCard key={shown.id} round={shown} />
          <div style={{ marginTop: 16 }}>
            <ScoresCard key={`scores-${shown.id}`} round={shown} />
          </div>
        </div>
      )}
      <OpenRoundModal
        open={opening}
        onClose={() => setOpening(false)}
        onOpened={(r) => {
          list.reload();
          setSelected(r);
        }}
      />
    </Card>
  );
}
