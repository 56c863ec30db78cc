import { PlusOutlined } from '@ant-design/icons';
import type { Statement } from '@linli/opinion-map/contract';
import { statementStatuses } from '@linli/opinion-map/vocabulary';
import { api } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { useCan } from '@linli/web-kit/current-user';
import { App, Button, Input, Select, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RejectModal } from './moderate-modal.tsx';

const statusColour: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/** A conversation's statements: filter by status and words, sort by time or votes, Excel; approve or reject pending ones. */
export function StatementsTable({ conversationId, open, onChanged }: { conversationId: string; open: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [rejecting, setRejecting] = useState<Statement | null>(null);
  const filters = { status, q };
  const path = `/opinion-map/conversations/${conversationId}/statements`;
  const list = useCursorList<Statement>(path, filters, 50, 'createdAt');
  const replace = (s: Statement) => {
    list.update((x) => x.id === s.id, s);
    onChanged();
  };
  const approve = async (s: Statement) => {
    try {
      replace(await api.post<Statement>(`/opinion-map/statements/${s.id}/moderation`, { decision: 'approve' }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const add = () => {
    let body = '';
    modal.confirm({
      title: t('opinionMap.addStatement'),
      content: (
        <Input.TextArea maxLength={140} showCount rows={3} onChange={(e) => (body = e.target.value)} data-testid="opinion-add-statement" />
      ),
      onOk: async () => {
        try {
          await api.post<Statement>(path, { body });
          list.reload();
          onChanged();
        } catch (e) {
          message.error(e instanceof Error ? e.message : String(e));
          throw e;
        }
      },
    });
  };
  const columns: ColumnsType<Statement> = [
    { title: t('opinionMap.statement'), dataIndex: 'body', key: 'body' },
    {
      title: t('opinionMap.author'),
      dataIndex: 'authorKind',
      key: 'authorKind',
      width: 90,
      render: (v: Statement['authorKind']) => t(`opinionMap.authors.${v}`),
    },
    {
      title: t('opinionMap.status'),
      dataIndex: 'status',
      key: 'status',
      width: 110,
      render: (v: Statement['status'], s) => (
        <Tooltip
          title={
            s.rejectReason ? `${t(`opinionMap.reasons.${s.rejectReason}`)}${s.moderationNote ? `：${s.moderationNote}` : ''}` : undefined
          }
        >
          <Tag color={statusColour[v]}>{t(`opinionMap.statuses.${v}`)}</Tag>
        </Tooltip>
      ),
    },
    { title: t('opinionMap.agree'), dataIndex: 'agree', key: 'agree', width: 70 },
    { title: t('opinionMap.disagree'), dataIndex: 'disagree', key: 'disagree', width: 80 },
    { title: t('opinionMap.pass'), dataIndex: 'pass', key: 'pass', width: 70 },
    { title: t('opinionMap.votes'), key: 'votes', width: 80, sorter: true, render: (_: unknown, s) => s.agree + s.disagree + s.pass },
    {
      title: t('opinionMap.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      width: 170,
      render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }),
    },
  ];
  if (can('opinionMap.write')) {
    columns.push({
      title: '',
      key: 'actions',
      width: 140,
      render: (_: unknown, s) =>
        s.status === 'pending' ? (
          <Space>
            <Button size="small" type="primary" onClick={() => approve(s)} data-testid={`opinion-approve-${s.id}`}>
              {t('opinionMap.approve')}
            </Button>
            <Button size="small" danger onClick={() => setRejecting(s)} data-testid={`opinion-reject-${s.id}`}>
              {t('opinionMap.reject')}
            </Button>
          </Space>
        ) : null,
    });
  }
  return (
    <>
      <CursorTable<Statement>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath={path}
        exportQuery={filters}
        exportName="观点.xlsx"
        testId="opinion-statements-table"
        toolbar={
          <>
            <Select
              allowClear
              placeholder={t('opinionMap.allStatuses')}
              style={{ width: 130 }}
              value={status}
              onChange={setStatus}
              options={statementStatuses.map((s) => ({ value: s, label: t(`opinionMap.statuses.${s}`) }))}
              data-testid="opinion-statement-status"
            />
            <Input.Search
              allowClear
              placeholder={t('opinionMap.searchStatement')}
              style={{ width: 200 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
            {can('opinionMap.write') && open && (
              <Button icon={<PlusOutlined />} onClick={add}>
                {t('opinionMap.addStatement')}
              </Button>
            )}
          </>
        }
      />
      <RejectModal statement={rejecting} onClose={() => setRejecting(null)} onDone={replace} />
    </>
  );
}
