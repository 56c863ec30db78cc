import type { Topic } from '@linli/deliberation/contract';
import { useCursorList } from '@linli/web-kit/components/cursor-list';
import { useCan } from '@linli/web-kit/current-user';
import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateTopicModal } from './create-topic-modal.tsx';
import { TopicDrawer } from './topic-drawer.tsx';
import { type TopicFilters, TopicsFilter } from './topics-filter.tsx';
import { TopicsTable } from './topics-table.tsx';

/** The topic pool (议题库): every bank in scope by state and level, filtered, sorted, exported; a topic opens in a drawer. */
export default function TopicsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [filters, setFilters] = useState<TopicFilters>({});
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const list = useCursorList<Topic>('/deliberation/topics', { ...filters }, 50, '-submittedAt');
  return (
    <Card title={t('topics.title')}>
      <TopicsTable
        list={list}
        filters={filters}
        onOpen={setOpen}
        toolbar={
          <TopicsFilter value={filters} onChange={setFilters} onCreate={can('deliberation.write') ? () => setCreating(true) : undefined} />
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
      <TopicDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
    </Card>
  );
}
