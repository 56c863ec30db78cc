import { PlusOutlined } from '@ant-design/icons';
import { api } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { leaderRoleLabel } from '@linli/web-kit/labels';
import type { Leader, TerritoryNode } from '@linli/web-kit/types';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssignLeaderModal } from './assign-leader-modal.tsx';

/** 楼栋长 / 单元长 of the compound: list, assign a resident living there, remove. */
export function LeadersCard({ compoundId, buildings }: { compoundId: string; buildings: TerritoryNode[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const writable = can('people.write');
  const [assigning, setAssigning] = useState(false);
  const list = useData(
    (signal) =>
      api
        .get<{ items: Leader[] }>('/people/leaders', { nodeId: compoundId }, { signal })
        .then((r) => r.items)
        .catch((): Leader[] => []),
    [compoundId],
  );
  const leaders = list.data ?? null;

  const remove = async (leader: Leader) => {
    try {
      await api.delete(`/people/leaders/${leader.id}`);
      message.success(t('common.saved'));
      void list.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card
      title={t('leaders.title')}
      size="small"
      data-testid="compound-leaders"
      extra={
        writable && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAssigning(true)} data-testid="assign-leader">
            {t('leaders.assign')}
          </Button>
        )
      }
    >
      <Table<Leader>
        size="small"
        rowKey="id"
        loading={leaders === null}
        dataSource={leaders ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('leaders.none') }}
        // On a phone the table scrolls sideways instead of breaking 职责 / 姓名 into one character a line.
        scroll={{ x: 640 }}
        columns={[
          {
            key: 'nodeName',
            title: t('leaders.node'),
            dataIndex: 'nodeName',
            // The list comes in territory order, so an entrance follows its building.
            render: (name: string, l) => (l.nodeKind === 'entrance' ? <span style={{ paddingInlineStart: 16 }}>└ {name}</span> : name),
          },
          { key: 'role', title: t('leaders.role'), dataIndex: 'role', render: (r: string) => <Tag color="gold">{leaderRoleLabel(r)}</Tag> },
          { key: 'residentName', title: t('people.name'), dataIndex: 'residentName' },
          { key: 'phone', title: t('people.phone'), dataIndex: 'phone' },
          { key: 'since', title: t('leaders.since'), dataIndex: 'since' },
          ...(writable
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, l: Leader) => (
                    <Popconfirm
                      title={t('leaders.removeConfirm', { name: l.residentName, node: l.nodeName, role: leaderRoleLabel(l.role) })}
                      onConfirm={() => remove(l)}
                    >
                      <Button size="small" danger data-testid={`remove-leader-${l.id}`}>
                        {t('leaders.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AssignLeaderModal
        open={assigning}
        compoundId={compoundId}
        buildings={buildings}
        onClose={() => setAssigning(false)}
        onAssigned={() => void list.reload()}
      />
    </Card>
  );
}
