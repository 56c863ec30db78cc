import { ResidentsTable } from '@linli/people/web/residents-table';
import { api } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import type { NodeDetail, TerritoryNode } from '@linli/web-kit/types';
import { useData } from '@linli/web-kit/use-data';
import { Breadcrumb, Card, Col, Empty, List, Row, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { children } from './compound-children.ts';
import { GridCard } from './compound-grid-card.tsx';
import { LeadersCard } from './compound-leaders.tsx';
import { PartyOrgsCard } from './compound-party-orgs.tsx';
import { CountsCards } from './counts-cards.tsx';
import { HouseholdsTable } from './households-table.tsx';

/** One compound: its place, counts, party organisations, grid, leaders, buildings → entrances → households and residents. */
export default function CompoundPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { id = '' } = useParams();
  const node = useData((signal) => api.get<NodeDetail>(`/territory/nodes/${id}`, undefined, { signal }), [id]);
  const detail = node.loading ? null : (node.data ?? null);
  const [buildings, setBuildings] = useState<TerritoryNode[] | null>(null);
  const [building, setBuilding] = useState<string | undefined>();
  const [entrances, setEntrances] = useState<TerritoryNode[]>([]);
  const [entrance, setEntrance] = useState<string | undefined>();
  const [households, setHouseholds] = useState<TerritoryNode[] | null>(null);
  const [household, setHousehold] = useState<string | undefined>();

  useEffect(() => {
    setBuilding(undefined);
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
      <CountsCards counts={detail.counts} kind={detail.kind} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <PartyOrgsCard compoundId={detail.id} buildingIds={(buildings ?? []).map((b) => b.id)} />
        </Col>
        <Col xs={24} md={12}>
          <GridCard building={(buildings ?? []).find((b) => b.id === building)} />
        </Col>
      </Row>
      {can('people.read') && <LeadersCard compoundId={detail.id} buildings={buildings ?? []} />}
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
                    style={{
                      cursor: 'pointer',
                      background: b.id === building ? '#fff1f0' : undefined,
                      paddingInline: 8,
                      display: 'flex',
                      justifyContent: 'space-between',
                      gap: 8,
                    }}
                    data-testid={`building-${b.id}`}
                  >
                    {/* The name and, apart from it, how many entrances (not "1号楼2"). */}
                    <span data-testid="compound-building-name">{b.name}</span>
                    <Typography.Text type="secondary" data-testid="compound-building-entrances">
                      {t('compound.entranceCount', { count: b.childCount })}
                    </Typography.Text>
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
            <HouseholdsTable
              households={households}
              loading={households === null && entrance !== undefined}
              selected={household}
              onSelect={setHousehold}
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
