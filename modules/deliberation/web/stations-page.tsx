import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { Query } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Button, Card, Input, Select, Space, Spin, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Station, StationLevel } from '../src/station-contract.ts';
import { describeSchedule, type StationScheduleRule } from '../src/station-schedule.ts';
import { StationDrawer } from './station-drawer.tsx';
import { StationFormModal } from './station-form-modal.tsx';
import { StationKindsModal, useStationKinds } from './station-kinds-modal.tsx';
import { levelColor, levelKey, openingRange } from './stations-api.ts';

const StationsMap = lazy(() => import('./stations-map.tsx'));

/** Deliberation stations (议事阵地): the list and the map with one filter bar, the station drawer, the create dialog and the kinds list. */
export default function StationsPage() {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en-US';
  const can = useCan();
  const [level, setLevel] = useState<StationLevel | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editingKinds, setEditingKinds] = useState(false);
  const [tab, setTab] = useState('list');
  const kinds = useStationKinds();
  const filters: Query = { level, kind, nodeId, q };
  const list = useCursorList<Station>('/deliberation/stations', filters, 50, 'name');
  const columns: ColumnsType<Station> = [
    {
      title: t('deliberationStations.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      render: (v: string, s) => (
        <Space>
          <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(s.id)} data-testid="station-open">
            {v}
          </Button>
          {!s.active && <Tag>{t('deliberationStations.inactive')}</Tag>}
        </Space>
      ),
    },
    { title: t('deliberationStations.kind'), dataIndex: 'kindName', key: 'kindName', width: 110 },
    {
      title: t('deliberationStations.level'),
      dataIndex: 'level',
      key: 'level',
      width: 80,
      render: (v: StationLevel) => <Tag color={levelColor[v]}>{t(levelKey[v])}</Tag>,
    },
    {
      title: t('deliberationStations.place'),
      dataIndex: 'place',
      key: 'place',
      ellipsis: true,
      render: (v: string[]) => v.slice(1).join(' / '),
    },
    { title: t('deliberationStations.room'), dataIndex: 'room', key: 'room', ellipsis: true, responsive: ['xl'] },
    {
      title: t('deliberationStations.schedule'),
      dataIndex: 'schedule',
      key: 'schedule',
      render: (v: Station['schedule'], s) =>
        v ? (
          <div>
            <div>{describeSchedule(v as StationScheduleRule, zh ? 'zh-CN' : 'en-US')}</div>
            {s.nextOpening && (
              <div style={{ color: '#888', fontSize: 12 }}>
                {t('deliberationStations.nextOpening')} {openingRange(s.nextOpening, zh)}
              </div>
            )}
          </div>
        ) : (
          <span style={{ color: '#999' }}>{t('deliberationStations.noSchedule')}</span>
        ),
    },
    {
      title: t('deliberationStations.rulesVersion'),
      dataIndex: 'rulesVersion',
      key: 'rulesVersion',
      width: 100,
      responsive: ['lg'],
      render: (v: number | null) => (v ? `v${v}` : '—'),
    },
    {
      title: t('deliberationStations.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      width: 170,
      responsive: ['lg'],
      render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }),
    },
  ];
  const toolbar = (
    <>
      <Select
        allowClear
        placeholder={t('deliberationStations.level')}
        style={{ width: 110 }}
        value={level}
        onChange={setLevel}
        options={(['compound', 'community', 'street'] as const).map((l) => ({ value: l, label: t(levelKey[l]) }))}
        data-testid="station-level-filter"
      />
      <Select
        allowClear
        placeholder={t('deliberationStations.kind')}
        style={{ width: 130 }}
        value={kind}
        onChange={setKind}
        options={kinds.items.map((k) => ({ value: k.code, label: k.name }))}
      />
      <TerritorySelect
        selectableKinds={['subdistrict', 'community', 'compound']}
        deepestKind="compound"
        allowClear
        placeholder={t('deliberationStations.place')}
        style={{ width: 220 }}
        onChange={(v) => setNodeId(v)}
      />
      <Input.Search
        allowClear
        placeholder={t('deliberationStations.search')}
        style={{ width: 200 }}
        onSearch={(v) => setQ(v.trim() || undefined)}
      />
      <Button icon={<SettingOutlined />} onClick={() => setEditingKinds(true)}>
        {t('deliberationStations.kinds')}
      </Button>
      {can('deliberation.write') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="station-create">
          {t('deliberationStations.create')}
        </Button>
      )}
    </>
  );
  return (
    <Card title={t('deliberationStations.title')}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'list',
            label: t('deliberationStations.list'),
            children: (
              <CursorTable<Station>
                list={list}
                columns={columns}
                rowKey="id"
                exportPath="/deliberation/stations"
                exportQuery={filters}
                exportName="议事阵地.xlsx"
                testId="stations-table"
                toolbar={toolbar}
              />
            ),
          },
          {
            key: 'map',
            label: t('deliberationStations.map'),
            children: (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  {toolbar}
                </Space>
                {tab === 'map' && (
                  <Suspense fallback={<Spin />}>
                    <StationsMap query={{ level, kind, nodeId }} onOpen={setOpen} />
                  </Suspense>
                )}
              </>
            ),
          },
        ]}
      />
      <StationDrawer stationId={open} onClose={() => setOpen(null)} onChanged={list.reload} kinds={kinds.items} />
      <StationFormModal
        open={creating}
        kinds={kinds.items}
        onClose={() => setCreating(false)}
        onSaved={(s) => {
          list.reload();
          setOpen(s.id);
        }}
      />
      <StationKindsModal open={editingKinds} onClose={() => setEditingKinds(false)} kinds={kinds} />
    </Card>
  );
}
