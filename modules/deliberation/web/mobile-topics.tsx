import type { Topic } from '@linli/deliberation/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Button, ErrorBlock, List, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { topicLabel } from './topic-labels.ts';

type MyTopic = Topic & { supportedByMe: boolean };

/** The topics of the resident's compound (and of the community and street above it), each supportable once per household. */
export default function MobileTopics() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const topics = useData((signal) => api.get<{ items: MyTopic[] }>('/deliberation/my/topics', {}, { signal }), []);
  const support = async (id: string) => {
    try {
      await api.post(`/deliberation/topics/${id}/support`, {});
      Toast.show({ content: t('topics.mobile.supported') });
      await topics.reload();
    } catch (e) {
      Toast.show({ content: (e as Error).message });
    }
  };
  const items = topics.data?.items ?? [];
  return (
    <div data-testid="m-topics">
      <div style={{ padding: 12 }}>
        <Button block color="primary" onClick={() => navigate('/m/topics/new')} data-testid="m-topic-propose">
          {t('topics.mobile.propose')}
        </Button>
      </div>
      <List header={t('topics.mobile.mine')}>
        {items.map((topic) => (
          <List.Item
            key={topic.id}
            onClick={() => navigate(`/m/topics/${topic.id}`)}
            description={`${topicLabel('levels', topic.level)} · ${topicLabel('statuses', topic.status)} · ${t('topics.supports')} ${topic.supportCount}`}
            extra={
              topic.supportedByMe ? (
                <Tag color="success">{t('topics.mobile.supported')}</Tag>
              ) : ['admissible', 'pooled'].includes(topic.status) ? (
                <Button
                  size="mini"
                  color="primary"
                  onClick={(e) => {
                    e.stopPropagation();
                    void support(topic.id);
                  }}
                  data-testid={`m-topic-support-${topic.number}`}
                >
                  {t('topics.mobile.support')}
                </Button>
              ) : null
            }
          >
            {topic.title}
          </List.Item>
        ))}
      </List>
      {!topics.loading && items.length === 0 && <ErrorBlock status="empty" title={t('topics.mobile.empty')} description="" />}
    </div>
  );
}
