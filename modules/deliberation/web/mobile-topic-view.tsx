import type { TopicDetail } from '@linli/deliberation/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Button, List, Steps, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { topicLabel } from './topic-labels.ts';

/** One topic as its residents see it: what it is, where it stands, its steps; support once per household. */
export default function MobileTopicView() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const topic = useData((signal) => api.get<TopicDetail>(`/deliberation/topics/${id}`, {}, { signal }), [id]);
  const data = topic.data;
  if (!data) return null;
  const support = async () => {
    try {
      await api.post(`/deliberation/topics/${id}/support`, {});
      Toast.show({ content: t('topics.mobile.supported') });
      await topic.reload();
    } catch (e) {
      Toast.show({ content: (e as Error).message });
    }
  };
  return (
    <div data-testid="m-topic-view">
      <List header={`${data.number} ${data.title}`}>
        <List.Item extra={<Tag color="primary">{topicLabel('statuses', data.status)}</Tag>}>{t('topics.status')}</List.Item>
        <List.Item extra={topicLabel('levels', data.level)}>{t('topics.level')}</List.Item>
        <List.Item extra={data.supportCount}>{t('topics.supports')}</List.Item>
        <List.Item>{data.description}</List.Item>
      </List>
      {['admissible', 'pooled'].includes(data.status) && (
        <div style={{ padding: 12 }}>
          <Button block color="primary" disabled={data.supportedByMe} onClick={support} data-testid="m-topic-support">
            {data.supportedByMe ? t('topics.mobile.supported') : t('topics.mobile.support')}
          </Button>
        </div>
      )}
      <Steps direction="vertical">
        {data.timeline.map((e) => (
          <Steps.Step
            key={e.seq}
            status="finish"
            title={topicLabel('actionNames', e.action)}
            description={new Date(e.at).toLocaleString('zh-CN', { hour12: false })}
          />
        ))}
      </Steps>
    </div>
  );
}
