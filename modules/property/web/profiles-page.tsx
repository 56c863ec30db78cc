import type { CompoundProfile, ManagementStatus, ServiceMode } from '@linli/property/contract';
import { managementStatuses, serviceModes } from '@linli/property/vocabulary';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Button, Card, Input, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CriteriaBar } from './criteria-bar.tsx';
import { OverrideDialog } from './override-dialog.tsx';
import { ProfileDrawer } from './profile-drawer.tsx';
import { StatusTag } from './status-tag.tsx';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** Compound property profiles in scope: filter by place, status and service mode, status tags, the manual status dialog, a drawer with the history; Excel. */
export default function ProfilesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [status, setStatus] = useState<ManagementStatus | undefined>();
  const [serviceMode, setServiceMode] = useState<ServiceMode | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [overriding, setOverriding] = useState<CompoundProfile | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const filters = { nodeId, status, serviceMode, q };
  const list = useCursorList<CompoundProfile>('/property/compounds', filters, 50, 'name');
  const columns: ColumnsType<CompoundProfile> = [
    {
      title: t('property.compound'),
      dataIndex: 'compoundName',
      key: 'name',
      sorter: true,
      render: (v: string, p) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(p.compoundId)}>
          {v}
        </Button>
      ),
    },
    { title: t('property.subdistrict'), dataIndex: 'subdistrictName', key: 'subdistrictName', responsive: ['lg'] },
    { title: t('property.community'), dataIndex: 'communityName', key: 'communityName' },
    { title: t('property.households'), dataIndex: 'households', key: 'households', width: 80 },
    { title: t('property.company'), dataIndex: 'companyName', key: 'companyName', responsive: ['md'] },
    { title: t('property.fee'), dataIndex: 'feePerM2Month', key: 'fee', width: 120, responsive: ['xl'] },
    { title: t('property.collectionRate'), dataIndex: 'collectionRate', key: 'rate', width: 90, render: pct },
    {
      title: t('property.status'),
      dataIndex: 'status',
      key: 'status',
      width: 150,
      render: (s: ManagementStatus, p) => (
        <Space size={4}>
          <StatusTag status={s} />
          {p.overrideStatus && <span title={p.overrideReason ?? ''}>✎</span>}
        </Space>
      ),
    },
    {
      title: t('property.serviceMode'),
      dataIndex: 'serviceMode',
      key: 'serviceMode',
      responsive: ['lg'],
      render: (m: ServiceMode | null) => (m ? t(`property.modes.${m}`) : '—'),
    },
    { title: t('property.cluster'), dataIndex: 'clusterName', key: 'cluster', responsive: ['xl'] },
    {
      title: t('property.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      width: 170,
      responsive: ['xl'],
      render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }),
    },
    ...(can('property.write')
      ? [
          {
            key: 'actions',
            width: 100,
            render: (_: unknown, p: CompoundProfile) => (
              <Button type="link" size="small" onClick={() => setOverriding(p)} data-testid="property-override">
                {t('property.override')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card title={t('property.title')}>
      <CriteriaBar onChanged={() => list.reload()} />
      <CursorTable<CompoundProfile>
        list={list}
        columns={columns}
        rowKey="compoundId"
        exportPath="/property/compounds"
        exportQuery={filters}
        exportName="小区物业档案.xlsx"
        testId="property-profiles-table"
        toolbar={
          <>
            <TerritorySelect
              deepestKind="community"
              allowClear
              placeholder={t('property.place')}
              style={{ width: 220 }}
              onChange={(v) => setNodeId(v)}
            />
            <Select<ManagementStatus>
              allowClear
              placeholder={t('property.status')}
              style={{ width: 130 }}
              options={managementStatuses.map((s) => ({ value: s, label: t(`property.statuses.${s}`) }))}
              onChange={(v) => setStatus(v)}
              data-testid="property-status-filter"
            />
            <Select<ServiceMode>
              allowClear
              placeholder={t('property.serviceMode')}
              style={{ width: 190 }}
              options={serviceModes.map((m) => ({ value: m, label: t(`property.modes.${m}`) }))}
              onChange={(v) => setServiceMode(v)}
            />
            <Input.Search
              allowClear
              placeholder={t('property.search')}
              style={{ width: 180 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
          </>
        }
      />
      <OverrideDialog profile={overriding} onClose={() => setOverriding(null)} onSaved={() => list.reload()} />
      <ProfileDrawer compoundId={openId} onClose={() => setOpenId(null)} onChanged={() => list.reload()} />
    </Card>
  );
}
