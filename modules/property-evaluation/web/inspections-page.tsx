import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { Inspection } from '@linli/property-evaluation/contract';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Button, Card, DatePicker, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InspectionDrawer } from './inspection-drawer.tsx';
import { InspectionForm } from './inspection-form.tsx';
import { SettingsModal } from './settings-modal.tsx';

const rateColor = (r: number) => (r >= 0.9 ? 'green' : r >= 0.75 ? 'blue' : r >= 0.6 ? 'orange' : 'red');

/**
 * 物业服务检查: staff inspections in scope (filter by place and days, sort by day or pass rate, Excel),
 * recording one against the county's checklist, its results and photos; the county's checklist and
 * weights of the combined score.
 */
export default function InspectionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [days, setDays] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [recording, setRecording] = useState(false);
  const [settings, setSettings] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const filters = { nodeId, from: days?.[0]?.format('YYYY-MM-DD'), to: days?.[1]?.format('YYYY-MM-DD') };
  const list = useCursorList<Inspection>('/property-evaluation/inspections', filters, 50, '-inspectedOn');
  const columns: ColumnsType<Inspection> = [
    {
      title: t('propertyEvaluation.inspections.inspectedOn'),
      dataIndex: 'inspectedOn',
      key: 'inspectedOn',
      sorter: true,
      defaultSortOrder: 'descend',
      width: 120,
      render: (v: string, r) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => setOpenId(r.id)}
          data-testid={`inspection-${r.compoundName}`}
        >
          {v}
        </Button>
      ),
    },
    { title: t('propertyEvaluation.inspections.compound'), dataIndex: 'compoundName', key: 'compoundName' },
    { title: t('propertyEvaluation.inspections.community'), dataIndex: 'communityName', key: 'communityName', responsive: ['lg'] },
    {
      title: t('propertyEvaluation.inspections.company'),
      dataIndex: 'companyName',
      key: 'companyName',
      render: (v: string | null) => v ?? t('propertyEvaluation.noCompany'),
    },
    { title: t('propertyEvaluation.inspections.inspector'), dataIndex: 'inspectorName', key: 'inspectorName', responsive: ['xl'] },
    {
      title: t('propertyEvaluation.inspections.passRate'),
      dataIndex: 'passRate',
      key: 'passRate',
      sorter: true,
      width: 130,
      render: (v: number, r) => <Tag color={rateColor(v)}>{`${Math.round(v * 1000) / 10}%（${r.passed}/${r.items}）`}</Tag>,
    },
    { title: t('propertyEvaluation.inspections.photos'), dataIndex: 'photos', key: 'photos', width: 80 },
  ];
  return (
    <Card title={t('propertyEvaluation.inspections.title')}>
      <CursorTable<Inspection>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/property-evaluation/inspections"
        exportQuery={filters}
        exportName="物业服务检查.xlsx"
        testId="inspections-table"
        toolbar={
          <>
            <TerritorySelect
              selectableKinds={['county', 'subdistrict', 'community', 'compound']}
              deepestKind="compound"
              allowClear
              placeholder={t('propertyEvaluation.place')}
              style={{ width: 220 }}
              onChange={(v) => setNodeId(v)}
            />
            <DatePicker.RangePicker
              value={days}
              onChange={(v) => setDays(v)}
              placeholder={[t('propertyEvaluation.inspections.from'), t('propertyEvaluation.inspections.to')]}
            />
            {can('propertyEvaluation.write') && (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="inspection-record">
                  {t('propertyEvaluation.inspections.record')}
                </Button>
                <Button icon={<SettingOutlined />} onClick={() => setSettings(true)} data-testid="inspection-settings">
                  {t('propertyEvaluation.inspections.settings')}
                </Button>
              </>
            )}
          </>
        }
      />
      <InspectionForm
        open={recording}
        onClose={() => setRecording(false)}
        onRecorded={(id) => {
          list.reload();
          setOpenId(id);
        }}
      />
      <SettingsModal open={settings} onClose={() => setSettings(false)} />
      <InspectionDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => list.reload()} />
    </Card>
  );
}
