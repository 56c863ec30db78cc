import type { TopicDetail } from '@linli/deliberation/contract';
import { api } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { Descriptions, Drawer, List, Segmented, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TopicActionForm, type TopicFormAction } from './topic-action-form.tsx';
import { statusColor, topicLabel } from './topic-labels.ts';

const time = (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN', { hour12: false }) : '—');

/** One topic: its record, sources, advisers, timeline, and the actions the server says the caller may take. */
export function TopicDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const detail = useData(
    (signal) => (id ? api.get<TopicDetail>(`/deliberation/topics/${id}`, {}, { signal }) : Promise.resolve(undefined)),
    [id],
  );
  const [action, setAction] = useState<TopicFormAction | undefined>();
  const topic = detail.data;
  const open = topic && topic.id === id;
  const actions: TopicFormAction[] = topic
    ? [
        ...(topic.allowedActions as TopicFormAction[]),
        ...(can('deliberation.write') && !['closed', 'merged', 'excluded'].includes(topic.status) ? (['adviser'] as const) : []),
      ]
    : [];
  const current = action && actions.includes(action) ? action : actions[0];
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={720}
      title={topic ? `${topic.number} ${topic.title}` : t('topics.topic')}
      data-testid="topic-drawer"
    >
      {!open ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('topics.status')}>
              <Tag color={statusColor[topic.status]} data-testid="topic-status">
                {topicLabel('statuses', topic.status)}
              </Tag>
              {topic.redProject && <Tag color="red">{t('topics.red')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('topics.level')}>{topicLabel('levels', topic.level)}</Descriptions.Item>
            <Descriptions.Item label={t('topics.place')} span={2}>
              {topic.locationPath.join(' / ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('topics.source')}>{topicLabel('sourcesNames', topic.source)}</Descriptions.Item>
            <Descriptions.Item label={t('topics.kind')}>{topic.kindName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('topics.supports')}>{topic.supportCount}</Descriptions.Item>
            <Descriptions.Item label={t('topics.dueAt')}>
              {time(topic.dueAt)} {topic.overdue && <Tag color="red">{t('topics.overdue')}</Tag>}
            </Descriptions.Item>
            {topic.redirect && (
              <Descriptions.Item label={t('topics.redirect')} span={2}>
                {topicLabel('redirects', topic.redirect)} {topic.exclusionReason ? `· ${topic.exclusionReason}` : ''}{' '}
                {topic.redirectNote ? `· ${topic.redirectNote}` : ''}{' '}
                {topic.redirectDemandId && <a href={`/demands/${topic.redirectDemandId}`}>{t('topics.redirectDemand')}</a>}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('topics.description')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{topic.description}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('topics.sources')}
          </Typography.Title>
          <List
            size="small"
            dataSource={topic.sources}
            renderItem={(s) => (
              <List.Item>
                {topicLabel('sourcesNames', s.source)} {s.note ?? ''}{' '}
                {s.demandId && <a href={`/demands/${s.demandId}`}>{t('topics.demandId')}</a>} · {time(s.recordedAt)}
              </List.Item>
            )}
          />
          {topic.advisers.length > 0 && (
            <>
              <Typography.Title level={5}>{t('topics.advisers')}</Typography.Title>
              <List
                size="small"
                dataSource={topic.advisers}
                renderItem={(a) => (
                  <List.Item>
                    {topicLabel('roles', a.role)} · {a.name} {a.organisation ?? ''}
                  </List.Item>
                )}
              />
            </>
          )}
          {actions.length > 0 && current && (
            <>
              <Typography.Title level={5}>{t('topics.actions')}</Typography.Title>
              <Segmented
                value={current}
                onChange={(v) => setAction(v as TopicFormAction)}
                options={actions.map((a) => ({ value: a, label: a === 'adviser' ? t('topics.addAdviser') : topicLabel('actionNames', a) }))}
                style={{ marginBottom: 12 }}
              />
              <TopicActionForm
                key={`${current}-${topic.version}`}
                topic={topic}
                action={current}
                onDone={() => {
                  void detail.reload();
                  onChanged();
                }}
              />
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('topics.timeline')}
          </Typography.Title>
          <Timeline
            data-testid="topic-timeline"
            items={topic.timeline.map((e) => ({
              children: (
                <>
                  <strong>{topicLabel('actionNames', e.action)}</strong> → {topicLabel('statuses', e.toStatus)} · {e.actorName ?? ''} ·{' '}
                  {time(e.at)}
                  {typeof e.data.meetingTitle === 'string' && (
                    <div data-testid="topic-timeline-meeting">
                      {t('topics.meeting')}：{e.data.meetingTitle}
                    </div>
                  )}
                  {e.note && <div>{e.note}</div>}
                </>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
