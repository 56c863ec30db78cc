import { PlusOutlined } from '@ant-design/icons';
import { ResidentsTable } from '@linli/people/web/residents-table';
import { api, itemsOf } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { ResidentSelect } from '@linli/web-kit/components/resident-select';
import { useCan } from '@linli/web-kit/current-user';
import { gridLevelLabel, gridMemberRoleLabel, leaderRoleLabel, partyKindLabel } from '@linli/web-kit/labels';
import type { Grid, GridDetail, Leader, NodeDetail, Page, PartyOrg, TerritoryNode } from '@linli/web-kit/types';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Empty,
  Form,
  List,
  Modal,
  Popconfirm,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CountsCards } from './counts-cards.tsx';

async function children(parentId: string): Promise<TerritoryNode[]> {
  const page = await api.get<Page<TerritoryNode>>('/territory/nodes', { parentId, limit: 500, sort: 'name', withCounts: false });
  return page.items;
}

/** Party organisations attached to the compound or one of its buildings (GET /party/orgs?nodeId=, one per node). */
async function orgsOfCompound(compoundId: string, buildingIds: string[]): Promise<PartyOrg[]> {
  const lists = await Promise.all(
    [compoundId, ...buildingIds].map(async (nodeId) => itemsOf(await api.get<Page<PartyOrg> | PartyOrg[]>('/party/orgs', { nodeId }))),
  );
  return lists.flat();
}

function PartyOrgsCard({ compoundId, buildingIds }: { compoundId: string; buildingIds: string[] }) {
  const { t } = useTranslation();
  const [orgs, setOrgs] = useState<PartyOrg[] | null>(null);
  const key = buildingIds.join(',');
  useEffect(() => {
    setOrgs(null);
    orgsOfCompound(compoundId, key.split(',').filter(Boolean))
      .then(setOrgs)
      .catch(() => setOrgs([]));
  }, [compoundId, key]);
  return (
    <Card
      title={t('compound.partyOrgs')}
      size="small"
      data-testid="compound-party-orgs"
      styles={{ body: { maxHeight: 320, overflow: 'auto' } }}
    >
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

/** Grids that cover the selected building (GET /grids?buildingId=), with their teams. */
function GridCard({ building }: { building: TerritoryNode | undefined }) {
  const { t } = useTranslation();
  const [grids, setGrids] = useState<GridDetail[] | null>(null);
  const buildingId = building?.id;
  useEffect(() => {
    if (!buildingId) {
      setGrids([]);
      return;
    }
    setGrids(null);
    api
      .get<Page<Grid>>('/grids', { buildingId, limit: 20 })
      .then((page) => Promise.all(page.items.map((g) => api.get<GridDetail>(`/grids/${g.id}`))))
      .then(setGrids)
      .catch(() => setGrids([]));
  }, [buildingId]);
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

/** 楼栋长 / 单元长 of the compound: list, assign a resident living there, remove. */
function LeadersCard({ compoundId, buildings }: { compoundId: string; buildings: TerritoryNode[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const writable = can('people.write');
  const [leaders, setLeaders] = useState<Leader[] | null>(null);
  const [version, setVersion] = useState(0);
  const [assigning, setAssigning] = useState(false);
  const [form] = Form.useForm<{ buildingId: string; entranceId?: string; residentId: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['nodeId', 'residentId', 'role']);
  const buildingId = Form.useWatch('buildingId', form);
  const entranceId = Form.useWatch('entranceId', form);
  const [entrances, setEntrances] = useState<TerritoryNode[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version reloads after a change
  useEffect(() => {
    api
      .get<{ items: Leader[] }>('/people/leaders', { nodeId: compoundId })
      .then((r) => setLeaders(r.items))
      .catch(() => setLeaders([]));
  }, [compoundId, version]);

  useEffect(() => {
    setEntrances([]);
    if (buildingId)
      children(buildingId)
        .then(setEntrances)
        .catch(() => setEntrances([]));
  }, [buildingId]);

  const close = () => {
    form.resetFields();
    clearError();
    setAssigning(false);
  };
  const assign = async () => {
    const v = await form.validateFields().catch(() => undefined);

    if (!v) return;
    const nodeId = v.entranceId ?? v.buildingId;
    const created = await run(() =>
      api.post<Leader>('/people/leaders', { nodeId, residentId: v.residentId, role: v.entranceId ? 'entrance_leader' : 'building_leader' }),
    );
    if (created) {
      message.success(t('common.saved'));
      setVersion((x) => x + 1);
      close();
    }
  };
  const remove = async (leader: Leader) => {
    try {
      await api.delete(`/people/leaders/${leader.id}`);
      message.success(t('common.saved'));
      setVersion((x) => x + 1);
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
      <Modal open={assigning} title={t('leaders.assign')} onOk={assign} onCancel={close} confirmLoading={saving} destroyOnHidden>
        <FormError error={error} />
        <Form form={form} layout="vertical" data-testid="leader-form">
          <Form.Item name="buildingId" label={t('compound.buildings')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              options={buildings.map((b) => ({ value: b.id, label: b.name }))}
              onChange={() => form.setFieldsValue({ entranceId: undefined })}
              data-testid="leader-building"
            />
          </Form.Item>
          <Form.Item name="entranceId" label={t('compound.entrances')} extra={t('leaders.entranceHint')}>
            <Select allowClear options={entrances.map((e) => ({ value: e.id, label: e.name }))} data-testid="leader-entrance" />
          </Form.Item>
          <Form.Item
            label={`${t('leaders.role')}：${leaderRoleLabel(entranceId ? 'entrance_leader' : 'building_leader')}`}
            name="residentId"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <ResidentSelect nodeId={entranceId ?? buildingId ?? compoundId} testId="leader-resident" />
          </Form.Item>
        </Form>
      </Modal>
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
