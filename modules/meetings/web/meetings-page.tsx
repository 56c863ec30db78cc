import { PlusOutlined } from '@ant-design/icons';
import type { Meeting } from '@linli/meetings/contract';
import type { Query } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Button, Card, DatePicker, Input, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatTime, MeetingStatusTag } from './status-tag.tsx';

const levels = ['compound', 'community', 'subdistrict', 'county'] as const;
const statuses = ['draft', 'published', 'open', 'closed', 'cancelled'] as const;

/** The filters an address opens the list with (?nodeId=&placeName=&level=&status=&from=&to=, as the deliberation dashboard links). */
function fromAddress(params: URLSearchParams) {
  const day = (key: string) => {
    const v = params.get(key);
    return v && dayjs(v).isValid() ? dayjs(v) : null;
  };
  const pick = <T extends string>(key: string, words: readonly T[]) => words.find((w) => w === params.get(key));
  return {
    nodeId: params.get('nodeId') ?? undefined,
    placeName: params.get('placeName') ?? undefined,
    level: pick('level', levels),
    status: pick('status', statuses),
    range: day('from') || day('to') ? ([day('from'), day('to')] as [Dayjs | null, Dayjs | null]) : null,
  };
}

/** Meetings in scope: filter by place, level, status, period and title; sort; load more; Excel. */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [initial] = useState(() => fromAddress(params));
  const [nodeId, setNodeId] = useState<string | undefined>(initial.nodeId);
  const [level, setLevel] = useState<string | undefined>(initial.level);
  const [status, setStatus] = useState<string | undefined>(initial.status);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(initial.range);
  const [q, setQ] = useState<string | undefined>();
  const filters: Query = {
    nodeId,
    level,
    status,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    q,
  };
  const list = useCursorList<Meeting>('/meetings', filters, 50, '-startsAt');
  const columns: ColumnsType<Meeting> = [
    {
      title: t('meetings.list.meeting'),
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      render: (v: string, m) => <Link to={`/meetings/${m.id}`}>{v}</Link>,
    },
    { title: t('meetings.list.council'), dataIndex: 'councilName', key: 'councilName', responsive: ['lg'] },
    { title: t('meetings.councils.level'), dataIndex: 'level', key: 'level', render: (v: Meeting['level']) => t(`meetings.levels.${v}`) },
    { title: t('meetings.councils.place'), dataIndex: 'nodeName', key: 'nodeName' },
    { title: t('meetings.list.startsAt'), dataIndex: 'startsAt', key: 'startsAt', sorter: true, width: 170, render: formatTime },
    { title: t('meetings.list.place'), dataIndex: 'placeText', key: 'placeText', ellipsis: true, responsive: ['xl'] },
    {
      title: t('meetings.list.status'),
      dataIndex: 'status',
      key: 'status',
      render: (v: Meeting['status']) => <MeetingStatusTag status={v} />,
    },
    { title: t('meetings.list.attendance'), key: 'attendance', render: (_: unknown, m) => `${m.invited} / ${m.present}` },
  ];
  return (
    <Card title={t('meetings.list.title')}>
      <CursorTable<Meeting>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/meetings"
        exportQuery={filters}
        exportName="会议.xlsx"
        testId="meetings-table"
        toolbar={
          <>
            <TerritorySelect
              selectableKinds={['subdistrict', 'community', 'compound']}
              deepestKind="compound"
              allowClear
              placeholder={t('meetings.councils.place')}
              style={{ width: 200 }}
              value={nodeId ?? null}
              valueLabel={initial.placeName}
              onChange={(v) => setNodeId(v)}
            />
            <Select
              allowClear
              placeholder={t('meetings.councils.level')}
              style={{ width: 120 }}
              value={level}
              onChange={setLevel}
              options={levels.map((l) => ({ value: l, label: t(`meetings.levels.${l}`) }))}
            />
            <Select
              allowClear
              placeholder={t('meetings.list.status')}
              style={{ width: 120 }}
              value={status}
              onChange={setStatus}
              options={statuses.map((s) => ({ value: s, label: t(`meetings.statuses.${s}`) }))}
            />
            <DatePicker.RangePicker
              value={range}
              onChange={(v) => setRange(v)}
              placeholder={[t('meetings.list.from'), t('meetings.list.to')]}
            />
            <Input.Search
              allowClear
              placeholder={t('meetings.list.search')}
              style={{ width: 180 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
            {can('meetings.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/meetings/new')} data-testid="meeting-create">
                {t('meetings.list.create')}
              </Button>
            )}
          </>
        }
      />
    </Card>
  );
}
