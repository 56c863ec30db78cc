import type { Topic } from '@linli/deliberation/contract';
import { useCursorList } from '@linli/web-kit/components/cursor-list';
import { useCan } from '@linli/web-kit/current-user';
import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CreateTopicModal } from './create-topic-modal.tsx';
import { TopicDrawer } from './topic-drawer.tsx';
import { type TopicFilters, topicFiltersOf, topicFiltersParams } from './topic-filters.ts';
import { TopicsFilter } from './topics-filter.tsx';
import { TopicsTable } from './topics-table.tsx';

/**
 * The topic pool (议题库): every bank in scope by state and level, filtered, sorted, exported; a topic
 * opens in a drawer. The filters live in the address (/deliberation?status=excluded&level=community),
 * so a link (the dashboard's figures) opens the pool filtered; `?topic=<id>` opens that topic's drawer.
 */
export default function TopicsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<TopicFilters>(() => topicFiltersOf(params));
  const [creating, setCreating] = useState(false);
  // A link may open one topic's drawer (/deliberation?topic=<id>, e.g. from a resolution it led to).
  const [open, setOpen] = useState<string | null>(() => params.get('topic'));
  // The place's name only labels the place select; the server is asked by the place's id.
  const { placeName: _placeName, ...query } = filters;
  const list = useCursorList<Topic>('/deliberation/topics', { ...query }, 50, '-submittedAt');
  const change = (next: TopicFilters) => {
    setFilters(next);
    setParams(topicFiltersParams(next), { replace: true });
  };
  return (
    <Card title={t('topics.title')}>
      <TopicsTable
        list={list}
        filters={query}
        onOpen={setOpen}
        toolbar={
          <TopicsFilter value={filters} onChange={change} onCreate={can('deliberation.write') ? () => setCreating(true) : undefined} />
        }
      />
      <CreateTopicModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          list.reload();
          setOpen(id);
        }}
      />
      <TopicDrawer
        id={open}
        onClose={() => {
          setOpen(null);
          if (params.has('topic')) setParams(topicFiltersParams(filters), { replace: true });
        }}
        onChanged={list.reload}
      />
    </Card>
  );
}
