import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { api, itemsOf } from '@linli/web-kit/client';
import { GaugeChart } from '@linli/web-kit/components/charts';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { partyKindLabel } from '@linli/web-kit/labels';
import type { Coverage, Page, PartyMember, PartyOrg } from '@linli/web-kit/types';
import { Badge, Button, Card, Col, Descriptions, Empty, Progress, Row, Space, Spin, Table, Tag, Tree, Typography } from 'antd';
import type { DataNode, EventDataNode } from 'antd/es/tree';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AddPartyMemberModal, CreatePartyOrgModal, childPartyKind } from './party-forms.tsx';

interface OrgItem extends DataNode {
  key: string;
  org: PartyOrg;
  children?: OrgItem[];
}

const toItem = (org: PartyOrg): OrgItem => ({ key: org.id, org, isLeaf: org.childCount === 0 });

function setChildren(items: OrgItem[], key: string, children: OrgItem[]): OrgItem[] {
  return items.map((i) =>
    i.key === key ? { ...i, children } : i.children ? { ...i, children: setChildren(i.children, key, children) } : i,
  );
}

async function orgs(parentId?: string): Promise<PartyOrg[]> {
  return itemsOf(await api.get<Page<PartyOrg> | PartyOrg[]>('/party/orgs', { parentId, limit: 500 }));
}

function OrgTree({ onSelect, version }: { onSelect: (org: PartyOrg) => void; version: number }) {
  const [items, setItems] = useState<OrgItem[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version reloads the tree after a create
  useEffect(() => {
    orgs()
      .then((list) => setItems(list.map(toItem)))
      .catch(() => setItems([]));
  }, [version]);
  const loadData = async (node: EventDataNode<OrgItem>) => {
    if (node.children?.length) return;
    const list = await orgs(String(node.key));
    setItems((prev) => setChildren(prev ?? [], String(node.key), list.map(toItem)));
  };
  if (items === null) return <Spin />;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Tree<OrgItem>
      key={version}
      data-testid="party-tree"
      treeData={items}
      loadData={loadData}
      blockNode
      onSelect={(_k, info) => onSelect(info.node.org)}
      titleRender={(item) => (
        <span data-testid={`party-node-${item.org.id}`} data-kind={item.org.kind}>
          <Tag color="red" style={{ marginInlineEnd: 4 }}>
            {partyKindLabel(item.org.kind)}
          </Tag>
          {item.org.name} <Badge count={item.org.memberCount} overflowCount={99999} color="#faad14" size="small" />
        </span>
      )}
    />
  );
}

const pct = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

function CoverageReport() {
  const { t } = useTranslation();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setLoading(true);
    api
      .get<Coverage>('/party/coverage', { nodeId })
      .then(setCoverage)
      .catch(() => setCoverage(null))
      .finally(() => setLoading(false));
  }, [nodeId]);

  const branch = coverage ? pct(coverage.compoundsWithBranch, coverage.compounds) : 0;
  const group = coverage ? pct(coverage.buildingsWithGroup, coverage.buildings) : 0;

  return (
    <Card
      title={t('party.coverage')}
      size="small"
      data-testid="party-coverage"
      extra={
        <Space>
          <Typography.Text type="secondary">{t('party.scope')}</Typography.Text>
          <TerritorySelect value={nodeId} onChange={(v) => setNodeId(v)} deepestKind="compound" testId="coverage-scope" />
        </Space>
      }
    >
      {loading && !coverage ? (
        <Spin />
      ) : !coverage ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <GaugeChart value={branch} name={t('party.branchCoverage')} testId="gauge-branch" />
              <Progress percent={Math.round(branch)} strokeColor="#c8161d" />
              <Typography.Text type="secondary" data-testid="coverage-branch-text">
                {coverage.compoundsWithBranch} / {coverage.compounds} {t('counts.compounds')}
              </Typography.Text>
            </Col>
            <Col xs={24} md={12}>
              <GaugeChart value={group} name={t('party.groupCoverage')} testId="gauge-group" />
              <Progress percent={Math.round(group)} strokeColor="#c8161d" />
              <Typography.Text type="secondary" data-testid="coverage-group-text">
                {coverage.buildingsWithGroup} / {coverage.buildings} {t('counts.buildings')}
              </Typography.Text>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('party.compoundsWithoutBranch')}</Typography.Title>
              <Table
                data-testid="compounds-without-branch"
                size="small"
                rowKey="id"
                dataSource={coverage.compoundsWithoutBranch}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                locale={{ emptyText: t('party.fullCoverage') }}
                columns={[
                  {
                    key: 'name',
                    title: t('common.name'),
                    dataIndex: 'name',
                    sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
                    render: (name: string, r) => <Link to={`/compounds/${r.id}`}>{name}</Link>,
                  },
                  { key: 'communityName', title: t('party.communityName'), dataIndex: 'communityName' },
                ]}
              />
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('party.buildingsWithoutGroup')}</Typography.Title>
              <Table
                data-testid="buildings-without-group"
                size="small"
                rowKey="id"
                dataSource={coverage.buildingsWithoutGroup}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                locale={{ emptyText: t('party.fullCoverage') }}
                columns={[
                  { key: 'name', title: t('common.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
                  { key: 'compoundName', title: t('party.compoundName'), dataIndex: 'compoundName' },
                ]}
              />
            </Col>
          </Row>
        </Space>
      )}
    </Card>
  );
}

function OrgMembers({ org }: { org: PartyOrg }) {
  const { t } = useTranslation();
  const list = useCursorList<PartyMember>('/party/members', { orgId: org.id }, 20);
  return (
    <CursorTable<PartyMember>
      testId="party-members"
      list={list}
      rowKey="id"
      size="small"
      columns={[
        { key: 'name', title: t('people.name'), dataIndex: 'name' },
        { key: 'orgName', title: t('party.org'), dataIndex: 'orgName' },
        { key: 'joinedOn', title: t('party.joinedOn'), dataIndex: 'joinedOn' },
        {
          key: 'status',
          title: t('common.status'),
          dataIndex: 'status',
          render: (s: string, m) => (
            <Space size={4}>
              <Tag color={s === 'full' ? 'red' : 'orange'}>{t(`party.statuses.${s as 'full' | 'probationary'}`)}</Tag>
              {m.inService && <Tag>{t('party.inService')}</Tag>}
            </Space>
          ),
        },
      ]}
    />
  );
}

export default function PartyPage() {
  const { t } = useTranslation();
  const can = useCan();
  const writable = can('party.write');
  const [selected, setSelected] = useState<PartyOrg | null>(null);
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState<'top' | 'child' | null>(null);
  const [adding, setAdding] = useState<PartyOrg | null>(null);
  const childKind = childPartyKind(selected?.kind);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card
          title={t('party.tree')}
          size="small"
          styles={{ body: { maxHeight: '70vh', overflow: 'auto' } }}
          extra={
            writable && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating('top')} data-testid="create-party-top">
                {partyKindLabel('subdistrict_committee')}
              </Button>
            )
          }
        >
          <OrgTree onSelect={setSelected} version={version} />
        </Card>
        {selected && (
          <Card
            size="small"
            style={{ marginTop: 16 }}
            title={selected.name}
            data-testid="party-org-detail"
            extra={
              writable && (
                <Space size={4} wrap>
                  {childKind && (
                    <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating('child')} data-testid="create-party-child">
                      {partyKindLabel(childKind)}
                    </Button>
                  )}
                  <Button size="small" icon={<UserAddOutlined />} onClick={() => setAdding(selected)} data-testid="add-party-member">
                    {t('party.addMember')}
                  </Button>
                </Space>
              )
            }
          >
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'kind', label: t('common.kind'), children: partyKindLabel(selected.kind) },
                { key: 'secretary', label: t('party.secretary'), children: selected.secretaryName ?? '—' },
                { key: 'members', label: t('party.memberCount'), children: selected.memberCount },
                {
                  key: 'node',
                  label: t('party.node'),
                  children: selected.nodeId ? <Link to={`/territory/${selected.nodeId}`}>{selected.nodeName}</Link> : '—',
                },
              ]}
            />
            {/* The member roll is sensitive personal information (people.sensitive); the count above is not. */}
            {can('people.sensitive') && (
              <>
                <Typography.Title level={5}>{t('party.members')}</Typography.Title>
                <OrgMembers key={`${selected.id}:${version}`} org={selected} />
              </>
            )}
          </Card>
        )}
      </Col>
      <Col xs={24} lg={15}>
        <CoverageReport />
      </Col>
      <CreatePartyOrgModal
        open={creating !== null}
        parent={creating === 'child' ? selected : null}
        onClose={() => setCreating(null)}
        onCreated={() => setVersion((v) => v + 1)}
      />
      <AddPartyMemberModal org={adding} onClose={() => setAdding(null)} onAdded={() => setVersion((v) => v + 1)} />
    </Row>
  );
}
