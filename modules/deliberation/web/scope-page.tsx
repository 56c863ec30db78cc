import { PlusOutlined } from '@ant-design/icons';
import type { ScopeChange, ScopeKind } from '@linli/deliberation/contract';
import { api } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { Button, Card, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScopeKindModal } from './scope-kind-modal.tsx';
import { StationScopeCard } from './station-scope-card.tsx';
import { topicLabel } from './topic-labels.ts';

const brief = (v: unknown) =>
  v && typeof v === 'object'
    ? Object.entries(v)
        .map(([k, x]) => `${k}: ${String(x)}`)
        .join('；')
    : '';

/**
 * The county's scope lists (正负面清单): allowed and excluded kinds, where excluded topics go, and who changed what;
 * on the second tab each station's own decisions over them, with their history.
 */
export default function ScopePage() {
  const { t } = useTranslation();
  const can = useCan();
  const kinds = useData((signal) => api.get<{ items: ScopeKind[] }>('/deliberation/scope-kinds', {}, { signal }), []);
  const history = useData((signal) => api.get<{ items: ScopeChange[] }>('/deliberation/scope-changes', {}, { signal }), []);
  const [editing, setEditing] = useState<ScopeKind | null | undefined>(undefined);
  const editable = can('deliberation.scope');
  const county = (
    <>
      <Card
        title={t('topics.scopeTitle')}
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="scope-add">
              {t('topics.scopeAdd')}
            </Button>
          )
        }
      >
        <Table<ScopeKind>
          rowKey="code"
          size="small"
          loading={kinds.loading}
          dataSource={kinds.data?.items ?? []}
          pagination={false}
          data-testid="scope-table"
          columns={[
            {
              title: t('topics.scopeList'),
              dataIndex: 'list',
              width: 100,
              render: (v: string) => <Tag color={v === 'allowed' ? 'green' : 'red'}>{topicLabel('lists', v)}</Tag>,
            },
            { title: t('topics.scopeName'), dataIndex: 'name' },
            { title: t('topics.scopeDescription'), dataIndex: 'description', responsive: ['lg'] },
            { title: t('topics.redirect'), dataIndex: 'redirect', render: (v: string | null) => (v ? topicLabel('redirects', v) : '') },
            { title: t('topics.scopeActive'), dataIndex: 'active', width: 70, render: (v: boolean) => (v ? '✓' : '—') },
            ...(editable
              ? [
                  {
                    title: '',
                    key: 'edit',
                    width: 70,
                    render: (_: unknown, k: ScopeKind) => (
                      <Button type="link" size="small" onClick={() => setEditing(k)}>
                        {t('topics.scopeEdit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card title={t('topics.scopeHistory')} style={{ marginTop: 16 }}>
        <Table<ScopeChange>
          rowKey="id"
          size="small"
          loading={history.loading}
          dataSource={history.data?.items ?? []}
          columns={[
            {
              title: t('topics.changedAt'),
              dataIndex: 'at',
              width: 170,
              render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }),
            },
            { title: t('topics.changedBy'), dataIndex: 'actorName', width: 120 },
            { title: t('topics.scopeCode'), dataIndex: 'code', width: 140 },
            { title: t('topics.before'), dataIndex: 'before', render: brief },
            { title: t('topics.after'), dataIndex: 'after', render: brief },
          ]}
        />
      </Card>
    </>
  );
  return (
    <>
      <Tabs
        data-testid="scope-tabs"
        items={[
          { key: 'county', label: t('topics.stationScope.tabCounty'), children: county },
          { key: 'stations', label: t('topics.stationScope.tabStations'), children: <StationScopeCard /> },
        ]}
      />
      <ScopeKindModal
        kind={editing ?? null}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          void kinds.reload();
          void history.reload();
        }}
      />
    </>
  );
}
