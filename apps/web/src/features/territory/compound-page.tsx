import { Breadcrumb, Card, Col, Empty, List, Row, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, itemsOf } from '../../api/client.ts';
import { useCan } from '../../api/current-user.tsx';
import type { Grid, GridDetail, NodeDetail, Page, PartyOrg, TerritoryNode } from '../../api/types.ts';
import { gridLevelLabel, partyKindLabel } from '../../i18n/labels.ts';
import { ResidentsTable } from '../people/residents-table.tsx';
import { CountsCards } from './counts-cards.tsx';

async function children(parentId: string): Promise<TerritoryNode[]> {
  const page = await api.get<Page<TerritoryNode>>('/territory/nodes', { parentId, limit: 500, sort: 'name', withCounts: false });
  return page.items;
}

/** Party organisations attached to the compound or its buildings. */
async function childOrgs(parentId?: string): Promise<PartyOrg[]> {
  return itemsOf(await api.get<Page<PartyOrg> | PartyOrg[]>('/party/orgs', { parentId }));
}

/**
 * /party/orgs has no territory filter, so walk down the org tree along the compound's ancestors
 * (subdistrict committee → community committee → compound branch → building groups): a few requests.
 */
async function orgsOfCompound(compoundId: string, ancestorIds: string[], buildingIds: string[]): Promise<PartyOrg[]> {
  const along = new Set(ancestorIds);
  const targets = new Set([compoundId, ...buildingIds]);
  const found: PartyOrg[] = [];
  let level = await childOrgs();
  for (let depth = 0; depth < 6 && level.length > 0; depth++) {
    found.push(...level.filter((o) => o.nodeId && targets.has(o.nodeId)));
    const open = level.filter((o) => o.childCount > 0 && o.nodeId && (along.has(o.nodeId) || o.nodeId === compoundId));
    level = (await Promise.all(open.map((o) => childOrgs(o.id)))).flat();
  }
  return found;
}

function PartyOrgsCard({ compoundId, ancestorIds, buildingIds }: { compoundId: string; ancestorIds: string[]; buildingIds: string[] }) {
  const { t } = useTranslation();
  const [orgs, setOrgs] = useState<PartyOrg[] | null>(null);
  const key = `${ancestorIds.join(',')}|${buildingIds.join(',')}`;
  useEffect(() => {
    const [a = '', b = ''] = key.split('|');
    orgsOfCompound(compoundId, a.split(',').filter(Boolean), b.split(',').filter(Boolean))
      .then(setOrgs)
      .catch(() => setOrgs([]));
  }, [compoundId, key]);
  return (
    <Card title={t('compound.partyOrgs')} size="small" data-testid="compound-party-orgs">
      {orgs === null ? (
        <Spin />
      ) : (
        <List
          size="small"
          dataSource={orgs}
          locale={{ emptyText: t('common.none') }}
          renderItem={(o) => (
            <List.Item>
              <Space wrap>
                <Tag color="red">{partyKindLabel(o.kind)}</Tag>
                {o.name}
                <Typography.Text type="secondary">
                  {t('party.memberCount')} {o.memberCount}
                  {o.secretaryName ? ` · ${t('party.secretary')} ${o.secretaryName}` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** Grids of the community that cover at least one building of this compound. */
function GridCard({ communityId, buildingIds }: { communityId: string | undefined; buildingIds: string[] }) {
  const { t } = useTranslation();
  const [grids, setGrids] = useState<GridDetail[] | null>(null);
  const key = buildingIds.join(',');
  useEffect(() => {
    if (!communityId) {
      setGrids([]);
      return;
    }
    const ids = new Set(key.split(','));
    api
      .get<Page<Grid>>('/grids', { communityId, limit: 100 })
      .then((page) => Promise.all(page.items.map((g) => api.get<GridDetail>(`/grids/${g.id}`))))
      .then((details) => setGrids(details.filter((g) => g.buildings.some((b) => ids.has(b.id)))))
      .catch(() => setGrids([]));
  }, [communityId, key]);
  return (
    <Card title={t('compound.grid')} size="small" data-testid="compound-grid">
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
                  {m.name}
                  {m.role ? ` · ${m.role}` : ''}
                </Tag>
              ))}
            </div>
          </div>
        ))
      )}
    </Card>
  );
}

export default function CompoundPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { id = '' } = useParams();
  const [detail, setDetail] = useState<NodeDetail | null>(null);
  const [buildings, setBuildings] = useState<TerritoryNode[] | null>(null);
  const [building, setBuilding] = useState<string | undefined>();
  const [entrances, setEntrances] = useState<TerritoryNode[]>([]);
  const [entrance, setEntrance] = useState<string | undefined>();
  const [households, setHouseholds] = useState<TerritoryNode[] | null>(null);
  const [household, setHousehold] = useState<string | undefined>();

  useEffect(() => {
    setDetail(null);
    setBuilding(undefined);
    api.get<NodeDetail>(`/territory/nodes/${id}`).then(setDetail);
    children(id)
      .then((list) => {
        setBuildings(list);
        setBuilding(list[0]?.id);
      })
      .catch(() => setBuildings([]));
  }, [id]);

  useEffect(() => {
    setEntrances([]);
    setEntrance(undefined);
    if (!building) return;
    children(building).then((list) => {
      setEntrances(list);
      setEntrance(list[0]?.id);
    });
  }, [building]);

  useEffect(() => {
    setHouseholds(null);
    setHousehold(undefined);
    if (!entrance) return;
    children(entrance)
      .then(setHouseholds)
      .catch(() => setHouseholds([]));
  }, [entrance]);

  if (!detail) return <Spin />;
  const community = detail.ancestors.find((a) => a.kind === 'community');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="compound-page">
      <Breadcrumb
        items={[
          ...detail.ancestors.map((a) => ({ title: <Link to={`/territory/${a.id}`}>{a.name}</Link> })),
          { title: <Link to={`/territory/${detail.id}`}>{detail.name}</Link> },
        ]}
      />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {detail.name} <Tag color="red">{t('kinds.compound')}</Tag>
      </Typography.Title>
      <CountsCards counts={detail.counts} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <PartyOrgsCard
            compoundId={detail.id}
            ancestorIds={detail.ancestors.map((a) => a.id)}
            buildingIds={(buildings ?? []).map((b) => b.id)}
          />
        </Col>
        <Col xs={24} md={12}>
          <GridCard communityId={community?.id} buildingIds={(buildings ?? []).map((b) => b.id)} />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <Card
            title={t('compound.buildings')}
            size="small"
            data-testid="compound-buildings"
            styles={{ body: { maxHeight: 420, overflow: 'auto' } }}
          >
            {buildings === null ? (
              <Spin />
            ) : buildings.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                size="small"
                dataSource={buildings}
                renderItem={(b) => (
                  <List.Item
                    onClick={() => setBuilding(b.id)}
                    style={{ cursor: 'pointer', background: b.id === building ? '#fff1f0' : undefined, paddingInline: 8 }}
                    data-testid={`building-${b.id}`}
                  >
                    {b.name}
                    <Typography.Text type="secondary">{b.childCount}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={18}>
          <Card
            title={t('compound.households')}
            size="small"
            extra={
              entrances.length > 0 && (
                <Segmented
                  data-testid="compound-entrances"
                  value={entrance}
                  onChange={(v) => setEntrance(String(v))}
                  options={entrances.map((e) => ({ label: e.name, value: e.id }))}
                />
              )
            }
          >
            <Table<TerritoryNode>
              data-testid="households-table"
              rowKey="id"
              size="small"
              loading={households === null && entrance !== undefined}
              dataSource={households ?? []}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              rowSelection={{
                type: 'radio',
                selectedRowKeys: household ? [household] : [],
                onChange: (keys) => setHousehold(keys[0] ? String(keys[0]) : undefined),
              }}
              columns={[
                {
                  key: 'name',
                  title: t('common.name'),
                  dataIndex: 'name',
                  sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }),
                },
                { key: 'code', title: t('common.code'), dataIndex: 'code' },
                {
                  key: 'attrs',
                  title: t('common.detail'),
                  dataIndex: 'attrs',
                  render: (attrs: Record<string, unknown> | null) =>
                    attrs
                      ? Object.entries(attrs)
                          .map(([k, v]) => `${k}: ${String(v)}`)
                          .join('; ')
                      : '',
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {can('people.read') && (
        <Card title={t('compound.residents')} size="small">
          <ResidentsTable nodeId={household ?? entrance ?? building ?? detail.id} />
        </Card>
      )}
    </Space>
  );
}
