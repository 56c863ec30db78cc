import type { SimilarTopic, Topic, TopicDetail } from '@linli/deliberation/contract';
import { finishedStatuses } from '@linli/deliberation/vocabulary';
import { api } from '@linli/web-kit/client';
import type { Page } from '@linli/web-kit/types';
import { useData } from '@linli/web-kit/use-data';
import { Empty, Radio, Select, Space, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchPause } from './search-pause.ts';
import { statusColor, topicLabel } from './topic-labels.ts';

/** The place of a topic without the street: 'community / compound'. */
const placeOf = (t: Topic) => t.locationPath.slice(-2).join(' / ');

const open = (t: Topic) => !finishedStatuses.includes(t.status);

function TopicLine({ topic, score }: { topic: Topic; score?: number }) {
  const { t } = useTranslation();
  return (
    <Space size={6} wrap={false} style={{ maxWidth: '100%' }}>
      <Typography.Text type="secondary">{topic.number}</Typography.Text>
      <Typography.Text strong ellipsis style={{ maxWidth: 260 }}>
        {topic.title}
      </Typography.Text>
      <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }} title={topic.locationPath.join(' / ')}>
        {placeOf(topic)}
      </Typography.Text>
      <Tag color={statusColor[topic.status]} style={{ marginInlineEnd: 0 }}>
        {topicLabel('statuses', topic.status)}
      </Tag>
      {score !== undefined && <Tag color="purple">{t('topics.mergePicker.similarity', { percent: Math.round(score * 100) })}</Tag>}
    </Space>
  );
}

/**
 * Picks the topic a duplicate is merged into: the likely duplicates the server finds (open topics of
 * the same compound and above with similar titles) on top, and a search over the open topics in
 * scope by title or number. A form control: value is the chosen topic's id.
 */
export function TopicMergePicker({ topic, value, onChange }: { topic: TopicDetail; value?: string; onChange?: (id: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const similar = useData(
    (signal) => api.get<{ items: SimilarTopic[] }>(`/deliberation/topics/${topic.id}/similar`, {}, { signal }),
    [topic.id],
  );
  const found = useData(
    async (signal) => {
      if (q.trim()) await searchPause(300, signal);
      return api.get<Page<Topic>>('/deliberation/topics', { q: q.trim() || undefined, limit: 50 }, { signal });
    },
    [q],
  );
  const suggested = similar.data?.items ?? [];
  const results = (found.data?.items ?? []).filter((x) => x.id !== topic.id && open(x) && !suggested.some((s) => s.id === x.id));
  // Every topic seen so far, so that the chosen one keeps its label when a new search no longer finds it.
  const [seen] = useState(() => new Map<string, Topic>());
  for (const x of [...suggested, ...results]) seen.set(x.id, x);
  const chosen = value ? seen.get(value) : undefined;
  const option = (x: Topic, score?: number) => ({
    value: x.id,
    label: `${x.number} · ${x.title}`,
    title: `${x.number} · ${x.title} · ${placeOf(x)} · ${topicLabel('statuses', x.status)}`,
    line: <TopicLine topic={x} score={score} />,
  });
  const typed = q.trim();
  const options = [];
  const shown = typed ? suggested.filter((s) => `${s.number} ${s.title}`.includes(typed)) : suggested;
  if (shown.length > 0) options.push({ label: t('topics.mergePicker.suggested'), options: shown.map((s) => option(s, s.score)) });
  if (results.length > 0)
    options.push({ label: typed ? t('topics.mergePicker.found') : t('topics.mergePicker.recent'), options: results.map((x) => option(x)) });
  if (chosen && !options.some((g) => g.options.some((o) => o.value === chosen.id)))
    options.unshift({ label: t('topics.mergePicker.chosen'), options: [option(chosen)] });
  return (
    <div data-testid="merge-picker">
      <Typography.Text type="secondary">{t('topics.mergePicker.suggested')}</Typography.Text>
      {similar.loading && !similar.data ? (
        <div style={{ padding: 8 }}>
          <Spin size="small" />
        </div>
      ) : suggested.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('topics.mergePicker.noSuggestion')} style={{ margin: '8px 0' }} />
      ) : (
        <Radio.Group
          value={value}
          onChange={(e) => onChange?.(e.target.value as string)}
          style={{ display: 'flex', flexDirection: 'column', gap: 4, margin: '6px 0 12px' }}
          data-testid="merge-suggestions"
        >
          {suggested.map((s) => (
            <Radio key={s.id} value={s.id}>
              <TopicLine topic={s} score={s.score} />
            </Radio>
          ))}
        </Radio.Group>
      )}
      <Select
        data-testid="merge-target"
        value={value}
        onChange={(v: string) => onChange?.(v)}
        showSearch={{ filterOption: false, onSearch: setQ }}
        onOpenChange={(isOpen) => !isOpen && setQ('')}
        loading={found.loading}
        placeholder={t('topics.mergePicker.search')}
        notFoundContent={found.loading ? <Spin size="small" /> : t('topics.mergePicker.nothingFound')}
        options={options}
        optionRender={(o) => (o.data as { line?: ReactNode }).line ?? o.label}
        style={{ width: '100%' }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('topics.mergePicker.hint', { number: topic.number })}
      </Typography.Paragraph>
    </div>
  );
}
