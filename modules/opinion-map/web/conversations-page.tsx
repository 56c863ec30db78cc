import { PlusOutlined } from '@ant-design/icons';
import type { Conversation } from '@linli/opinion-map/contract';
import { conversationStates } from '@linli/opinion-map/vocabulary';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Badge, Button, Card, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateConversationModal } from './create-conversation-modal.tsx';

/** The conversations in the caller's scope: filter by place, state and topic words, sort, load more, Excel. */
export default function ConversationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [state, setState] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const filters = { nodeId, state, q };
  const list = useCursorList<Conversation>('/opinion-map/conversations', filters, 50, '-createdAt');
  const columns: ColumnsType<Conversation> = [
    {
      title: t('opinionMap.conversationTitle'),
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      render: (v: string, c) => (
        <Button
          type="link"
          style={{ padding: 0 }}
          onClick={() => navigate(`/opinion-map/${c.id}`)}
          data-testid={`opinion-conversation-${c.id}`}
        >
          {v}
        </Button>
      ),
    },
    { title: t('opinionMap.place'), dataIndex: 'nodeName', key: 'nodeName' },
    {
      title: t('opinionMap.state'),
      dataIndex: 'state',
      key: 'state',
      width: 90,
      render: (v: Conversation['state']) => <Tag color={v === 'open' ? 'green' : 'default'}>{t(`opinionMap.states.${v}`)}</Tag>,
    },
    { title: t('opinionMap.statementCount'), dataIndex: 'statementCount', key: 'statementCount', width: 80 },
    {
      title: t('opinionMap.pendingCount'),
      dataIndex: 'pendingCount',
      key: 'pendingCount',
      width: 90,
      render: (v: number) => <Badge count={v} showZero={false} />,
    },
    { title: t('opinionMap.participantCount'), dataIndex: 'participantCount', key: 'participantCount', width: 90 },
    { title: t('opinionMap.voteCount'), dataIndex: 'voteCount', key: 'voteCount', width: 80, responsive: ['lg'] },
    {
      title: t('opinionMap.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      width: 170,
      render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }),
    },
  ];
  return (
    <Card title={t('opinionMap.title')}>
      <CursorTable<Conversation>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/opinion-map/conversations"
        exportQuery={filters}
        exportName="观点征集.xlsx"
        testId="opinion-conversations-table"
        toolbar={
          <>
            <TerritorySelect
              selectableKinds={['subdistrict', 'community', 'compound']}
              deepestKind="compound"
              allowClear
              placeholder={t('opinionMap.place')}
              style={{ width: 220 }}
              onChange={(v) => setNodeId(v)}
            />
            <Select
              allowClear
              placeholder={t('opinionMap.state')}
              style={{ width: 120 }}
              value={state}
              onChange={setState}
              options={conversationStates.map((s) => ({ value: s, label: t(`opinionMap.states.${s}`) }))}
            />
            <Input.Search
              allowClear
              placeholder={t('opinionMap.search')}
              style={{ width: 200 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
            {can('opinionMap.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="opinion-conversation-create">
                {t('opinionMap.create')}
              </Button>
            )}
          </>
        }
      />
      <CreateConversationModal open={creating} onClose={() => setCreating(false)} onCreated={(c) => navigate(`/opinion-map/${c.id}`)} />
    </Card>
  );
}
