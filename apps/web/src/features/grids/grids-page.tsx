import { Card, Descriptions, Drawer, Input, List, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Query } from '../../api/client.ts';
import type { Grid, GridDetail } from '../../api/types.ts';
import { CursorTable, useCursorList } from '../../components/cursor-list.tsx';
import { TerritorySelect } from '../../components/territory-select.tsx';
import { gridLevelLabel, roleLabel } from '../../i18n/labels.ts';

function GridDrawer({ gridId, onClose }: { gridId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [grid, setGrid] = useState<GridDetail | null>(null);
  useEffect(() => {
    setGrid(null);
    if (gridId) api.get<GridDetail>(`/grids/${gridId}`).then(setGrid);
  }, [gridId]);
  return (
    <Drawer open={gridId !== null} onClose={onClose} title={grid?.name ?? t('grids.title')} size="large" data-testid="grid-detail">
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
                <Link to={`/territory/${b.id}`}>{b.name}</Link>
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
            columns={[
              { key: 'name', title: t('people.name'), dataIndex: 'name' },
              { key: 'role', title: t('grids.role'), dataIndex: 'role', render: (r: string) => <Tag>{roleLabel(r)}</Tag> },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

export default function GridsPage() {
  const { t } = useTranslation();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const filters: Query = { communityId, q };
  const list = useCursorList<Grid>('/grids', filters);

  const columns: ColumnsType<Grid> = [
    {
      key: 'name',
      title: t('grids.name'),
      dataIndex: 'name',
      sorter: true,
      render: (name: string, g) => (
        <Typography.Link onClick={() => setOpen(g.id)} data-testid={`grid-${g.id}`}>
          {name}
        </Typography.Link>
      ),
    },
    { key: 'level', title: t('grids.level'), dataIndex: 'level', render: (l: string) => gridLevelLabel(l) },
    { key: 'communityName', title: t('grids.community'), dataIndex: 'communityName', sorter: true },
    { key: 'buildingCount', title: t('grids.buildingCount'), dataIndex: 'buildingCount', sorter: true },
    { key: 'memberCount', title: t('grids.memberCount'), dataIndex: 'memberCount', sorter: true },
  ];

  return (
    <Card title={t('grids.title')}>
      <CursorTable<Grid>
        testId="grids-table"
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/grids"
        exportQuery={filters}
        exportName="grids.xlsx"
        toolbar={
          <>
            <TerritorySelect
              value={communityId}
              onChange={(v) => setCommunityId(v)}
              selectableKinds={['community']}
              deepestKind="community"
              placeholder={t('grids.community')}
            />
            <Input.Search allowClear placeholder={t('grids.name')} onSearch={setQ} style={{ width: 180 }} />
          </>
        }
      />
      <GridDrawer gridId={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
