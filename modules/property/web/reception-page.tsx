import { PlusOutlined } from '@ant-design/icons';
import type { ReceptionDay, ReceptionStatus } from '@linli/property/contract';
import { receptionStatuses } from '@linli/property/vocabulary';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Button, Card, DatePicker, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { looseT } from './loose-t.ts';
import { ReceptionDrawer, receptionColors } from './reception-drawer.tsx';
import { ScheduleReceptionModal } from './schedule-reception-modal.tsx';

const DAY = 'YYYY-MM-DD';

/**
 * 物业经理接待日: the reception days of the caller's compounds by date — filter by place, state and
 * dates, sort, load more, Excel; schedule one; a drawer per day to record the questions raised and
 * turn one into a demand.
 */
export default function ReceptionPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [status, setStatus] = useState<ReceptionStatus | undefined>();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [scheduling, setScheduling] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const filters = { nodeId, status, ...range };
  const list = useCursorList<ReceptionDay>('/property/reception-days', filters, 50, '-heldOn');
  const r = (key: string) => looseT(t)(`property.reception.${key}`);
  const columns: ColumnsType<ReceptionDay> = [
    {
      title: r('heldOn'),
      dataIndex: 'heldOn',
      key: 'heldOn',
      sorter: true,
      render: (v: string, d) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(d.id)} data-testid={`reception-${d.id}`}>
          {v} {d.hours}
        </Button>
      ),
    },
    {
      title: t('property.compound'),
      dataIndex: 'compoundName',
      key: 'compoundName',
      render: (v: string, d) => `${d.communityName} · ${v}`,
    },
    { title: t('property.company'), dataIndex: 'companyName', key: 'companyName' },
    { title: r('host'), dataIndex: 'hostName', key: 'hostName' },
    { title: r('place'), dataIndex: 'place', key: 'place', responsive: ['lg'] },
    {
      title: r('status'),
      dataIndex: 'status',
      key: 'status',
      render: (s: ReceptionStatus) => <Tag color={receptionColors[s]}>{r(`statuses.${s}`)}</Tag>,
    },
    { title: r('questions'), dataIndex: 'questions', key: 'questions', width: 90 },
    { title: r('demands'), dataIndex: 'demands', key: 'demands', width: 90 },
  ];
  return (
    <Card title={r('title')}>
      <CursorTable<ReceptionDay>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/property/reception-days"
        exportQuery={filters}
        exportName="物业经理接待日.xlsx"
        testId="property-reception-table"
        toolbar={
          <>
            <TerritorySelect
              deepestKind="compound"
              allowClear
              placeholder={t('property.place')}
              style={{ width: 220 }}
              onChange={(v) => setNodeId(v)}
            />
            <Select<ReceptionStatus>
              allowClear
              placeholder={r('status')}
              style={{ width: 120 }}
              options={receptionStatuses.map((s) => ({ value: s, label: r(`statuses.${s}`) }))}
              onChange={(v) => setStatus(v)}
            />
            <DatePicker.RangePicker onChange={(v) => setRange(v?.[0] && v[1] ? { from: v[0].format(DAY), to: v[1].format(DAY) } : {})} />
            {can('property.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setScheduling(true)} data-testid="reception-schedule">
                {r('schedule')}
              </Button>
            )}
          </>
        }
      />
      <ScheduleReceptionModal
        open={scheduling}
        onClose={() => setScheduling(false)}
        onSaved={(id) => {
          list.reload();
          setOpenId(id);
        }}
      />
      <ReceptionDrawer receptionId={openId} onClose={() => setOpenId(null)} onChanged={() => list.reload()} />
    </Card>
  );
}
