import { UserAddOutlined } from '@ant-design/icons';
import { api } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { gridLevelLabel, gridMemberRoleLabel } from '@linli/web-kit/labels';
import type { GridDetail } from '@linli/web-kit/types';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Descriptions, Drawer, List, Popconfirm, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AddMemberModal } from './add-member-modal.tsx';

/** One grid: its level, community, buildings and members; members are added and removed here. */
export function GridDrawer({ gridId, onClose, onChanged }: { gridId: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const writable = can('grid.write');
  const [adding, setAdding] = useState(false);
  const detail = useData(
    (signal) => (gridId ? api.get<GridDetail>(`/grids/${gridId}`, undefined, { signal }) : Promise.resolve(null)),
    [gridId],
  );
  const grid = detail.data ?? null;
  useEffect(() => {
    if (detail.error) message.error(detail.error.message);
  }, [detail.error, message]);
  const changed = () => {
    void detail.reload();
    onChanged();
  };
  const remove = async (memberId: string) => {
    if (!grid) return;
    try {
      await api.delete(`/grids/${grid.id}/members/${memberId}`);
      message.success(t('common.saved'));
      changed();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Drawer
      open={gridId !== null}
      onClose={onClose}
      title={grid?.name ?? t('grids.title')}
      size="large"
      data-testid="grid-detail"
      extra={
        writable &&
        grid && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="add-grid-member">
            {t('grids.addMember')}
          </Button>
        )
      }
    >
      {!grid ? (
        <Spin />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'level', label: t('grids.level'), children: gridLevelLabel(grid.level) },
              { key: 'community', label: t('grids.community'), children: grid.communityName },
              ...(grid.code ? [{ key: 'code', label: t('common.code'), children: grid.code }] : []),
            ]}
          />
          <Typography.Title level={5}>{t('grids.buildings')}</Typography.Title>
          <List
            size="small"
            data-testid="grid-buildings"
            dataSource={grid.buildings}
            locale={{ emptyText: t('common.none') }}
            renderItem={(b) => (
              <List.Item>
                <Link to={`/territory/${b.id}`}>
                  {b.compoundName ? `${b.compoundName} ` : ''}
                  {b.name}
                </Link>
              </List.Item>
            )}
          />
          <Typography.Title level={5}>{t('grids.members')}</Typography.Title>
          <Table
            data-testid="grid-members"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={grid.members}
            locale={{ emptyText: t('common.none') }}
            columns={[
              { key: 'name', title: t('people.name'), dataIndex: 'name' },
              { key: 'role', title: t('grids.role'), dataIndex: 'role', render: (r: string) => <Tag>{gridMemberRoleLabel(r)}</Tag> },
              ...(writable
                ? [
                    {
                      key: 'actions',
                      title: t('common.actions'),
                      render: (_: unknown, m: GridDetail['members'][number]) => (
                        <Popconfirm title={t('grids.removeMemberConfirm', { name: m.name })} onConfirm={() => remove(m.id)}>
                          <Button size="small" danger data-testid={`remove-grid-member-${m.id}`}>
                            {t('common.delete')}
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
      <AddMemberModal grid={adding ? grid : null} onClose={() => setAdding(false)} onAdded={changed} />
    </Drawer>
  );
}
