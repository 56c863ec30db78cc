import { api } from '@linli/web-kit/client';
import { gridLevelLabel, gridMemberRoleLabel } from '@linli/web-kit/labels';
import type { Grid, GridDetail, Page, TerritoryNode } from '@linli/web-kit/types';
import { useData } from '@linli/web-kit/use-data';
import { Card, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Grids that cover the selected building (GET /grids?buildingId=), with their teams. */
export function GridCard({ building }: { building: TerritoryNode | undefined }) {
  const { t } = useTranslation();
  const buildingId = building?.id;
  const found = useData(
    (signal) =>
      buildingId
        ? api
            .get<Page<Grid>>('/grids', { buildingId, limit: 20 }, { signal })
            .then((page) => Promise.all(page.items.map((g) => api.get<GridDetail>(`/grids/${g.id}`, undefined, { signal }))))
            .catch((): GridDetail[] => [])
        : Promise.resolve<GridDetail[]>([]),
    [buildingId],
  );
  const grids = found.loading ? null : (found.data ?? null);
  return (
    <Card title={building ? `${t('compound.grid')} · ${building.name}` : t('compound.grid')} size="small" data-testid="compound-grid">
      {grids === null ? (
        <Spin />
      ) : grids.length === 0 ? (
        <Typography.Text type="secondary">{t('compound.noGrid')}</Typography.Text>
      ) : (
        grids.map((g) => (
          <div key={g.id} style={{ marginBottom: 8 }}>
            <Space wrap>
              <Tag>{gridLevelLabel(g.level)}</Tag>
              <strong>{g.name}</strong>
            </Space>
            <div>
              {g.members.map((m) => (
                <Tag key={m.id} color="blue">
                  {m.name} · {gridMemberRoleLabel(m.role)}
                </Tag>
              ))}
            </div>
          </div>
        ))
      )}
    </Card>
  );
}
