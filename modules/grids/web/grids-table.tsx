import type { Query } from '@linli/web-kit/client';
import { type CursorListState, CursorTable } from '@linli/web-kit/components/cursor-list';
import { gridLevelLabel } from '@linli/web-kit/labels';
import type { Grid } from '@linli/web-kit/types';
import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The grid list: name (opens the grid), level, community, building and member counts; sortable and exportable. */
export function GridsTable({
  list,
  filters,
  toolbar,
  onOpen,
}: {
  list: CursorListState<Grid>;
  filters: Query;
  toolbar: ReactNode;
  onOpen: (gridId: string) => void;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<Grid> = [
    {
      key: 'name',
      title: t('grids.name'),
      dataIndex: 'name',
      sorter: true,
      render: (name: string, g) => (
        <Typography.Link onClick={() => onOpen(g.id)} data-testid={`grid-${g.id}`}>
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
    <CursorTable<Grid>
      testId="grids-table"
      list={list}
      columns={columns}
      rowKey="id"
      exportPath="/grids"
      exportQuery={filters}
      exportName="grids.xlsx"
      toolbar={toolbar}
    />
  );
}
