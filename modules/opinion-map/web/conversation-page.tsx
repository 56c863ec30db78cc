import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Conversation } from '@linli/opinion-map/contract';
import { api } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Spin, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { MapPanel } from './map-panel.tsx';
import { StatementsTable } from './statements-table.tsx';

/** One conversation: its counts, the opinion map with the groups' and shared statements, and the statements with moderation. */
export default function ConversationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { data, error, reload } = useData(
    (signal) => api.get<Conversation>(`/opinion-map/conversations/${id}`, undefined, { signal }),
    [id],
  );
  if (error) return <Alert type="error" message={error.message} />;
  if (!data) return <Spin />;
  const close = async () => {
    try {
      await api.post(`/opinion-map/conversations/${id}/close`);
      await reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card
      title={
        <span>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/opinion-map')} title={t('opinionMap.back')} />
          {data.title} <Tag color={data.state === 'open' ? 'green' : 'default'}>{t(`opinionMap.states.${data.state}`)}</Tag>
        </span>
      }
      extra={
        can('opinionMap.write') &&
        data.state === 'open' && (
          <Popconfirm title={t('opinionMap.closeConfirm')} onConfirm={close}>
            <Button danger data-testid="opinion-conversation-close">
              {t('opinionMap.close')}
            </Button>
          </Popconfirm>
        )
      }
      data-testid="opinion-conversation-page"
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('opinionMap.place')}>{data.nodeName}</Descriptions.Item>
        <Descriptions.Item label={t('opinionMap.statementCount')}>{data.statementCount}</Descriptions.Item>
        <Descriptions.Item label={t('opinionMap.pendingCount')}>{data.pendingCount}</Descriptions.Item>
        <Descriptions.Item label={t('opinionMap.participantCount')}>{data.participantCount}</Descriptions.Item>
        <Descriptions.Item label={t('opinionMap.voteCount')}>{data.voteCount}</Descriptions.Item>
        <Descriptions.Item label={t('opinionMap.createdAt')}>
          {new Date(data.createdAt).toLocaleString('zh-CN', { hour12: false })}
        </Descriptions.Item>
        {data.description && (
          <Descriptions.Item label={t('opinionMap.description')} span={3}>
            {data.description}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Tabs
        items={[
          { key: 'map', label: t('opinionMap.tabs.map'), children: <MapPanel conversationId={id} /> },
          {
            key: 'statements',
            label: t('opinionMap.tabs.statements'),
            children: <StatementsTable conversationId={id} open={data.state === 'open'} onChanged={() => void reload()} />,
          },
        ]}
      />
    </Card>
  );
}
