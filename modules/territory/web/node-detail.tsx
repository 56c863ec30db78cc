import { DragOutlined, EditOutlined, HomeOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { nodeSubkindLabels } from '@linli/territory/vocabulary';
import { api } from '@linli/web-kit/client';
import { BarChartCard } from '@linli/web-kit/components/charts';
import { useCan } from '@linli/web-kit/current-user';
import { kindLabel } from '@linli/web-kit/labels';
import type { NodeDetail, Page, TerritoryNode } from '@linli/web-kit/types';
import { Breadcrumb, Button, Card, Descriptions, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CountsCards } from './counts-cards.tsx';
import { MergeNodeModal } from './merge-node.tsx';
import { childKind, NodeFormModal, type NodeFormMode } from './node-forms.tsx';

interface ChildRow extends TerritoryNode {
  households?: number;
}

const CHART_LIMIT = 30;

/** Household counts of the children: from the list when the server includes them, else one detail each (first 30). */
async function childHouseholds(children: TerritoryNode[]): Promise<ChildRow[]> {
  const rows: ChildRow[] = children.map((c) => ({ ...c, households: c.counts?.households }));
  if (rows.every((r) => r.households !== undefined)) return rows;
  const details = await Promise.all(
    rows.slice(0, CHART_LIMIT).map((r) => api.get<NodeDetail>(`/territory/nodes/${r.id}`).catch(() => null)),
  );
  return rows.map((r, i) => ({ ...r, households: r.households ?? details[i]?.counts.households }));
}

export function NodeDetailPanel({
  nodeId,
  onNavigate,
  onChanged,
}: {
  nodeId: string;
  onNavigate: (id: string) => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [detail, setDetail] = useState<NodeDetail | null>(null);
  const [children, setChildren] = useState<ChildRow[] | null>(null);
  const [mode, setMode] = useState<NodeFormMode | null>(null);
  const [version, setVersion] = useState(0);
  const [merging, setMerging] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version forces a reload after a save
  useEffect(() => {
    let live = true;
    setDetail(null);
    setChildren(null);
    api.get<NodeDetail>(`/territory/nodes/${nodeId}`).then((d) => live && setDetail(d));
    api
      .get<Page<TerritoryNode>>('/territory/nodes', { parentId: nodeId, limit: 200, sort: 'name' })
      .then((page) => childHouseholds(page.items))
      .then((rows) => live && setChildren(rows))
      .catch(() => live && setChildren([]));
    return () => {
      live = false;
    };
  }, [nodeId, version]);

  if (!detail) return <Spin />;
  const writable = can('territory.write');
  const next = childKind[detail.kind];
  const chartRows = (children ?? []).filter((c) => c.households !== undefined).slice(0, CHART_LIMIT);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="node-detail">
      <Breadcrumb
        data-testid="node-breadcrumb"
        items={[
          ...detail.ancestors.map((a) => ({ title: <Typography.Link onClick={() => onNavigate(a.id)}>{a.name}</Typography.Link> })),
          { title: detail.name },
        ]}
      />
      <Card
        title={
          <Space wrap>
            <span data-testid="node-name-title">{detail.name}</span>
            <Tag color="red">{kindLabel(detail.kind)}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {detail.kind === 'compound' && (
              <Link to={`/compounds/${detail.id}`}>
                <Button icon={<HomeOutlined />} data-testid="open-compound">
                  {t('territory.openCompound')}
                </Button>
              </Link>
            )}
            {writable && next && (
              <Button icon={<PlusOutlined />} onClick={() => setMode({ type: 'create', parent: detail })} data-testid="node-create-child">
                {t('territory.createChild')}
              </Button>
            )}
            {writable && (
              <Button icon={<EditOutlined />} onClick={() => setMode({ type: 'edit', node: detail })} data-testid="node-edit">
                {t('common.edit')}
              </Button>
            )}
            {writable && detail.parentId && detail.kind !== 'county' && (
              <Button icon={<DragOutlined />} onClick={() => setMode({ type: 'move', node: detail })} data-testid="node-move">
                {t('common.move')}
              </Button>
            )}
            {writable && detail.parentId && detail.kind !== 'county' && (
              <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)} data-testid="node-merge">
                {t('territory.merge')}
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            { key: 'code', label: t('common.code'), children: detail.code ?? '—' },
            {
              key: 'kind',
              label: t('common.kind'),
              children:
                kindLabel(detail.kind) +
                (detail.subkind
                  ? ` · ${nodeSubkindLabels[detail.subkind]?.[i18n.language === 'en-US' ? 'en' : 'zh'] ?? detail.subkind}`
                  : ''),
            },
            { key: 'children', label: t('territory.childCount'), children: detail.childCount },
            ...(detail.lat != null && detail.lng != null
              ? [{ key: 'geo', label: `${t('territory.lat')} / ${t('territory.lng')}`, children: `${detail.lat}, ${detail.lng}` }]
              : []),
          ]}
        />
      </Card>
      <CountsCards counts={detail.counts} kind={detail.kind} />
      {detail.kind !== 'household' && (
        <Card title={t('territory.chartTitle')} size="small">
          {children === null ? (
            <Spin />
          ) : chartRows.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('territory.noChildren')} />
          ) : (
            <BarChartCard
              testId="children-households-chart"
              name={t('counts.households')}
              labels={chartRows.map((c) => c.name)}
              values={chartRows.map((c) => c.households ?? 0)}
            />
          )}
        </Card>
      )}
      {detail.kind !== 'household' && (
        <Card title={t('territory.children')} size="small">
          <Table<ChildRow>
            data-testid="children-table"
            rowKey="id"
            size="small"
            loading={children === null}
            dataSource={children ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                key: 'name',
                title: t('common.name'),
                dataIndex: 'name',
                sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }),
                render: (name: string, row) => <Typography.Link onClick={() => onNavigate(row.id)}>{name}</Typography.Link>,
              },
              { key: 'kind', title: t('common.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(k) },
              { key: 'code', title: t('common.code'), dataIndex: 'code' },
              {
                key: 'childCount',
                title: t('territory.childCount'),
                dataIndex: 'childCount',
                sorter: (a, b) => a.childCount - b.childCount,
              },
              {
                key: 'households',
                title: t('counts.households'),
                dataIndex: 'households',
                sorter: (a, b) => (a.households ?? 0) - (b.households ?? 0),
              },
            ]}
          />
        </Card>
      )}
      <MergeNodeModal
        node={merging ? detail : null}
        onClose={() => setMerging(false)}
        onMerged={(into) => {
          onChanged();
          onNavigate(into.id);
        }}
      />
      <NodeFormModal
        mode={mode}
        onClose={() => setMode(null)}
        onSaved={() => {
          setVersion((v) => v + 1);
          onChanged();
        }}
      />
    </Space>
  );
}
