import type { Topic } from '@linli/deliberation/contract';
import { type CursorListState, CursorTable } from '@linli/web-kit/components/cursor-list';
import { Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopicFilters } from './topic-filters.ts';
import { statusColor, topicLabel } from './topic-labels.ts';

const time = (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN', { hour12: false }) : '');

/** The pool as a table: number, topic, place, bank, state, source, kind, supports, deadline; sorted on the server. */
export function TopicsTable({
  list,
  filters,
  toolbar,
  onOpen,
}: {
  list: CursorListState<Topic>;
  filters: TopicFilters;
  toolbar: ReactNode;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<Topic> = [
    { title: t('topics.number'), dataIndex: 'number', key: 'number', width: 130 },
    {
      title: t('topics.topic'),
      dataIndex: 'title',
      key: 'title',
      render: (v: string, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.id)} data-testid={`topic-${r.number}`}>
          {v} {r.redProject && <Tag color="red">{t('topics.red')}</Tag>}
        </Button>
      ),
    },
    { title: t('topics.place'), key: 'place', render: (_, r) => r.locationPath.join(' / '), responsive: ['lg'] },
    { title: t('topics.level'), dataIndex: 'level', key: 'level', width: 80, render: (v: string) => topicLabel('levels', v) },
    {
      title: t('topics.status'),
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (v: string) => <Tag color={statusColor[v]}>{topicLabel('statuses', v)}</Tag>,
    },
    { title: t('topics.source'), dataIndex: 'source', key: 'source', width: 100, render: (v: string) => topicLabel('sourcesNames', v) },
    { title: t('topics.kind'), dataIndex: 'kindName', key: 'kindName', width: 140, responsive: ['xl'] },
    { title: t('topics.supports'), dataIndex: 'supportCount', key: 'supportCount', width: 100, sorter: true },
    {
      title: t('topics.dueAt'),
      dataIndex: 'dueAt',
      key: 'dueAt',
      width: 170,
      sorter: true,
      render: (v: string | null, r) => (r.overdue ? <Tag color="red">{`${t('topics.overdue')} ${time(v)}`}</Tag> : time(v)),
    },
    { title: t('topics.submittedAt'), dataIndex: 'submittedAt', key: 'submittedAt', width: 170, sorter: true, render: time },
  ];
  return (
    <CursorTable<Topic>
      list={list}
      columns={columns}
      rowKey="id"
      exportPath="/deliberation/topics"
      exportQuery={{ ...filters }}
      exportName="议题库.xlsx"
      testId="topics-table"
      toolbar={toolbar}
    />
  );
}
