import { LockOutlined } from '@ant-design/icons';
import type {
  ClusterMember,
  ManagementStatus,
  ScenarioCluster,
  ScenarioDetail,
  ScenarioLock,
  ServiceMode,
} from '@linli/service-clusters/contract';
import { request } from '@linli/web-kit/client';
import { App, Button, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from './format.ts';

/** Sends the scenario's new locks (all of them: the route replaces the set). */
async function putLocks(scenarioId: string, locks: ScenarioLock[]) {
  await request<ScenarioDetail>('PUT', `/service-clusters/scenarios/${scenarioId}/locks`, { body: { locks } });
}

/** The dialog that pins a compound to a cluster's anchor (or to itself), kept when solving again. */
export function LockModal({
  scenario,
  compoundId,
  onClose,
  onSaved,
}: {
  scenario: ScenarioDetail;
  compoundId: string | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const compound = scenario.compounds.find((c) => c.compoundId === compoundId);
  const current = scenario.locks.find((l) => l.compoundId === compoundId)?.anchorCompoundId;
  const [anchor, setAnchor] = useState<string | undefined>(current);
  const [saving, setSaving] = useState(false);
  if (!compound) return null;
  const others = scenario.locks.filter((l) => l.compoundId !== compound.compoundId);
  const save = async (locks: ScenarioLock[]) => {
    setSaving(true);
    try {
      await putLocks(scenario.id, locks);
      message.success(t('common.saved'));
      onSaved();
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  const options = [
    { value: compound.compoundId, label: t('serviceClusters.alone') },
    ...scenario.clusters
      .filter((c) => c.anchorCompoundId !== compound.compoundId)
      .map((c) => ({ value: c.anchorCompoundId, label: `${c.name}（${c.anchorName}）` })),
  ];
  return (
    <Modal
      open
      title={t('serviceClusters.lockTitle', { name: compound.name })}
      onCancel={onClose}
      confirmLoading={saving}
      onOk={() => anchor && save([...others, { compoundId: compound.compoundId, anchorCompoundId: anchor }])}
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          {current && (
            <Button danger onClick={() => save(others)} loading={saving}>
              {t('serviceClusters.unlock')}
            </Button>
          )}
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      <Select
        style={{ width: '100%' }}
        showSearch
        optionFilterProp="label"
        placeholder={t('serviceClusters.lockCluster')}
        value={anchor}
        onChange={setAnchor}
        options={options}
        data-testid="cluster-lock-anchor"
      />
    </Modal>
  );
}

/** The plan's clusters (revenue, cost, margin, subsidy, households, distance), each opening to its members. */
export function ClustersTable({ scenario, onLock }: { scenario: ScenarioDetail; onLock?: (compoundId: string) => void }) {
  const { t } = useTranslation();
  const columns: ColumnsType<ScenarioCluster> = [
    { title: t('serviceClusters.name'), dataIndex: 'name', key: 'name' },
    { title: t('serviceClusters.anchor'), dataIndex: 'anchorName', key: 'anchorName' },
    {
      title: t('serviceClusters.mode'),
      dataIndex: 'mode',
      key: 'mode',
      render: (v: ScenarioCluster['mode']) => t(`serviceClusters.modes.${v}`),
    },
    { title: t('serviceClusters.compounds'), key: 'count', align: 'right', render: (_, c) => c.members.length },
    { title: t('serviceClusters.households'), dataIndex: 'households', key: 'households', align: 'right' },
    { title: t('serviceClusters.revenue'), dataIndex: 'revenue', key: 'revenue', align: 'right', render: money },
    { title: t('serviceClusters.cost'), dataIndex: 'cost', key: 'cost', align: 'right', render: money },
    {
      title: t('serviceClusters.margin'),
      dataIndex: 'margin',
      key: 'margin',
      align: 'right',
      render: (v: number) => <span style={{ color: v < 0 ? '#cf1322' : '#389e0d' }}>{money(v)}</span>,
    },
    {
      title: t('serviceClusters.subsidy'),
      dataIndex: 'subsidy',
      key: 'subsidy',
      align: 'right',
      sorter: (a, b) => a.subsidy - b.subsidy,
      render: money,
    },
    { title: t('serviceClusters.distance'), dataIndex: 'maxDistanceKm', key: 'maxDistanceKm', align: 'right' },
    {
      title: t('serviceClusters.serviceMode'),
      dataIndex: 'serviceMode',
      key: 'serviceMode',
      render: (v: ServiceMode | null) => (v ? t(`serviceClusters.serviceModes.${v}`) : '—'),
    },
  ];
  const memberColumns: ColumnsType<ClusterMember> = [
    {
      title: t('serviceClusters.members'),
      dataIndex: 'name',
      key: 'name',
      render: (v: string, m) => (
        <>
          {v} {m.locked && <Tag icon={<LockOutlined />}>{t('serviceClusters.locked')}</Tag>}
        </>
      ),
    },
    { title: t('serviceClusters.place'), dataIndex: 'communityName', key: 'communityName' },
    {
      title: t('serviceClusters.status'),
      dataIndex: 'status',
      key: 'status',
      render: (v: ManagementStatus | null) => (v ? t(`serviceClusters.managementStatuses.${v}`) : '—'),
    },
    { title: t('serviceClusters.households'), dataIndex: 'households', key: 'households', align: 'right' },
    { title: t('serviceClusters.revenue'), dataIndex: 'revenue', key: 'revenue', align: 'right', render: money },
    { title: t('serviceClusters.cost'), dataIndex: 'cost', key: 'cost', align: 'right', render: money },
    { title: t('serviceClusters.distance'), dataIndex: 'distanceKm', key: 'distanceKm', align: 'right' },
    ...(onLock
      ? [
          {
            key: 'lock',
            render: (_: unknown, m: ClusterMember) => (
              <Button size="small" icon={<LockOutlined />} onClick={() => onLock(m.compoundId)}>
                {t('serviceClusters.lock')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const totals = scenario.totals;
  return (
    <Table<ScenarioCluster>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={scenario.clusters}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid="clusters-table"
      expandable={{
        expandedRowRender: (c) => (
          <Table<ClusterMember> rowKey="compoundId" size="small" pagination={false} columns={memberColumns} dataSource={c.members} />
        ),
      }}
      summary={() =>
        totals ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              {t('serviceClusters.totals')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              {totals.compounds}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              {totals.households}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">
              {money(totals.revenue)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              {money(totals.cost)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8} align="right">
              {money(totals.revenue - totals.cost)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={9} align="right">
              {money(totals.subsidy)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={10} colSpan={2} />
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
