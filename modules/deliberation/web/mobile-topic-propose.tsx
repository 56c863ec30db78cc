import type { TopicDetail } from '@linli/deliberation/contract';
import { api } from '@linli/web-kit/client';
import { useCurrentUser } from '@linli/web-kit/current-user';
import { Button, Form, Input, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The uuid of an ltree label (node ids without dashes). */
const idOf = (label: string) =>
  label.length === 32
    ? `${label.slice(0, 8)}-${label.slice(8, 12)}-${label.slice(12, 16)}-${label.slice(16, 20)}-${label.slice(20)}`
    : label;

/** A resident proposes a topic for their own compound; staff screen it before it enters the pool. */
export default function MobileTopicPropose() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useCurrentUser();
  const household = me?.grants.find((g) => g.role === 'resident');
  const compoundLabel = household?.path?.split('.')[3];
  const onFinish = async (v: { title: string; description: string }) => {
    if (!compoundLabel) return;
    try {
      const created = await api.post<TopicDetail>('/deliberation/topics', { ...v, nodeId: idOf(compoundLabel) });
      Toast.show({ content: t('topics.mobile.proposed') });
      navigate(`/m/topics/${created.id}`, { replace: true });
    } catch (e) {
      Toast.show({ content: (e as Error).message });
    }
  };
  return (
    <Form
      layout="vertical"
      onFinish={onFinish}
      data-testid="m-topic-form"
      footer={
        <Button block type="submit" color="primary" data-testid="m-topic-submit">
          {t('topics.mobile.propose')}
        </Button>
      }
    >
      <Form.Item name="title" label={t('topics.topic')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('topics.description')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <TextArea maxLength={5000} rows={5} showCount />
      </Form.Item>
    </Form>
  );
}
