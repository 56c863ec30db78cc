import type { ResolutionDetail } from '@linli/resolutions/contract';
import { api } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { label, stateColor, statusColor } from './labels.ts';

/** One resolution: sources, tasks with their progress and milestones, monthly evaluations, survey; progress is recorded here. */
export function ResolutionDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const { data, reload } = useData(
    (signal) => (id ? api.get<ResolutionDetail>(`/resolutions/${id}`, undefined, { signal }) : Promise.resolve(undefined)),
    [id],
  );
  // The topic of the pool it came from, named through the deliberation API (resolutions store only its id);
  // a caller who may not read the pool gets the bare link.
  const topicId = data?.topicId ?? null;
  const topic = useData(
    (signal) =>
      topicId
        ? api.get<{ number: string; title: string }>(`/deliberation/topics/${topicId}`, undefined, { signal }).catch(() => undefined)
        : Promise.resolve(undefined),
    [topicId],
  );
  const [taskId, setTaskId] = useState<string | null>(null);
  const [form] = Form.useForm<{ progress: number; note: string }>();
  const record = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !data || !taskId) return;
    await api.post(`/resolutions/${data.id}/tasks/${taskId}/progress`, v);
    message.success(t('common.saved'));
    setTaskId(null);
    form.resetFields();
    await reload();
    onChanged();
  };
  return (
    <Drawer open={id !== null} onClose={onClose} width={820} title={data?.title} destroyOnHidden data-testid="resolution-drawer">
      {data && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('resolutions.place')}>{data.nodeName}</Descriptions.Item>
            <Descriptions.Item label={t('resolutions.status')}>
              <Tag color={statusColor[data.status]}>{label('resolutions.statuses', data.status)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('resolutions.decidedOn')}>{data.decidedOn}</Descriptions.Item>
            <Descriptions.Item label={t('resolutions.progress')}>
              <Progress percent={data.progress} size="small" style={{ width: 160 }} />
            </Descriptions.Item>
            {data.topicId && (
              <Descriptions.Item label={t('resolutions.sourceTopic')} span={2}>
                <Link to={`/deliberation?topic=${data.topicId}`} data-testid="resolution-source-topic">
                  {topic.data ? `${topic.data.number} · ${topic.data.title}` : t('resolutions.openTopic')}
                </Link>
              </Descriptions.Item>
            )}
            {data.content && (
              <Descriptions.Item label={t('resolutions.content')} span={2}>
                {data.content}
              </Descriptions.Item>
            )}
            {data.proposedRule && (
              <Descriptions.Item label={t('resolutions.proposedRule')} span={2}>
                {data.proposedRule}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('resolutions.demands')}>{data.demandIds.length}</Descriptions.Item>
            <Descriptions.Item label={t('resolutions.survey')}>
              {data.survey.satisfactionRate === null ? '—' : `${data.survey.satisfactionRate}%`} ·{' '}
              {t('resolutions.answers', { n: data.survey.answers })}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('resolutions.tasks')}</Typography.Title>
          <List
            dataSource={data.tasks}
            renderItem={(task) => (
              <List.Item
                actions={
                  can('resolutions.write') && data.status === 'in_progress'
                    ? [
                        <Button key="p" size="small" onClick={() => setTaskId(task.id)} data-testid={`task-progress-${task.position}`}>
                          {t('resolutions.recordProgress')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={`${task.position}. ${task.title}`}
                  description={
                    <>
                      {t('resolutions.owner')}：{task.ownerName}（{label('resolutions.ownerKinds', task.ownerKind)}） ·{' '}
                      {t('resolutions.deadline')}：{task.deadline}
                      {task.fundingNote ? ` · ${task.fundingNote}` : ''}
                      {task.milestones.length > 0 && (
                        <Timeline
                          style={{ marginTop: 8 }}
                          items={task.milestones.map((m) => ({ children: `${m.recordedAt.slice(0, 10)} ${m.progress}% ${m.note}` }))}
                        />
                      )}
                    </>
                  }
                />
                <Progress percent={task.progress} size="small" style={{ width: 140 }} />
              </List.Item>
            )}
          />
          <Typography.Title level={5}>{t('resolutions.evaluations')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.evaluations}
            locale={{ emptyText: t('resolutions.noEvaluation') }}
            columns={[
              { title: t('resolutions.supervision.month'), dataIndex: 'month' },
              {
                title: t('resolutions.supervision.states.due'),
                dataIndex: 'state',
                render: (s: string) => <Tag color={stateColor[s]}>{label('resolutions.supervision.states', s)}</Tag>,
              },
              { title: t('resolutions.supervision.member'), dataIndex: 'memberName' },
              { title: t('resolutions.progress'), dataIndex: 'progress', render: (p: number | null) => (p === null ? '' : `${p}%`) },
              {
                title: t('resolutions.supervision.quality'),
                dataIndex: 'quality',
                render: (q: string | null) => label('resolutions.supervision.qualities', q),
              },
              {
                title: t('resolutions.supervision.satisfaction'),
                dataIndex: 'satisfaction',
                render: (s: string | null) => label('resolutions.supervision.satisfactions', s),
              },
              { title: t('resolutions.supervision.comment'), dataIndex: 'comment' },
            ]}
          />
        </Space>
      )}
      <Modal open={taskId !== null} title={t('resolutions.recordProgress')} onOk={record} onCancel={() => setTaskId(null)} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="progress" label={t('resolutions.progress')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={0} max={100} addonAfter="%" data-testid="progress-value" />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('resolutions.note')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="progress-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
