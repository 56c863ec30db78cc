import type { Query } from '@linli/web-kit/client';
import { useCursorList } from '@linli/web-kit/components/cursor-list';
import type { Grid } from '@linli/web-kit/types';
import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateGridModal } from './create-grid-modal.tsx';
import { GridDrawer } from './grid-drawer.tsx';
import { type GridFilters, GridsFilter } from './grids-filter.tsx';
import { GridsTable } from './grids-table.tsx';

/** Grids: the list with its filter bar, the grid drawer and the create dialog. */
export default function GridsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<GridFilters>({ q: '' });
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const filters: Query = { communityId: filter.communityId, q: filter.q };
  const list = useCursorList<Grid>('/grids', filters);

  return (
    <Card title={t('grids.title')}>
      <GridsTable
        list={list}
        filters={filters}
        onOpen={setOpen}
        toolbar={<GridsFilter value={filter} onChange={setFilter} onCreate={() => setCreating(true)} />}
      />
      <GridDrawer gridId={open} onClose={() => setOpen(null)} onChanged={list.reload} />
      <CreateGridModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(g) => {
          list.reload();
          setOpen(g.id);
        }}
      />
    </Card>
  );
}
