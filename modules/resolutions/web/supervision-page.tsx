import type { LateList, MonthGrid } from '@linli/resolutions/contract';
import { api } from '@linli/web-kit/client';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Card, DatePicker, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvaluateModal } from './evaluate-modal.tsx';
import { label, stateColor } from './labels.ts';

/** 一事一月一评: resolutions × months with each evaluation's state, the late list, and the month's schedule. */
export default function SupervisionPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(5, 'month'), dayjs()]);
  const [target, setTarget] = useState<{ resolutionId: string; month: string } | null>(null);
  const from = range[0].format('YYYY-MM');
  const to = range[1].format('YYYY-MM');
  const grid = useData(
    (signal) => api.get<MonthGrid>('/resolution-evaluations/grid', { nodeId, from, to }, { signal }),
    [nodeId, from, to],
  );
  const late = useData((signal) => api.get<LateList>('/resolution-evaluations/late', { nodeId }, { signal }), [nodeId]);
  const schedule = async () => {
    const r = await api.post<{ scheduled: number; alreadyScheduled: number }>('/resolution-evaluations/schedule', {
      month: dayjs().format('YYYY-MM'),
    });
    message.success(t('resolutions.supervision.scheduled', { scheduled: r.scheduled, already: r.alreadyScheduled }));
    await Promise.all([grid.reload(), late.reload()]);
  };
  const months = grid.data?.months ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={t('resolutions.supervision.title')}
        extra={
          <Space wrap>
            <TerritorySelect
              deepestKind="compound"
              allowClear
              placeholder={t('resolutions.place')}
              style={{ width: 200 }}
              onChange={(v) => setNodeId(v)}
            />
            <DatePicker.RangePicker
              picker="month"
              value={range}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            />
            {can('resolutions.write') && (
              <Button type="primary" onClick={schedule} data-testid="schedule-month">
                {t('resolutions.supervision.schedule')}
              </Button>
            )}
          </Space>
        }
      >
        <Table
          size="small"
          rowKey="resolutionId"
          loading={grid.loading}
          dataSource={grid.data?.rows ?? []}
          pagination={{ pageSize: 50 }}
          scroll={{ x: true }}
          data-testid="supervision-grid"
          columns={[
            { title: t('resolutions.resolutionTitle'), dataIndex: 'title', fixed: 'left', width: 220 },
            { title: t('resolutions.place'), dataIndex: 'nodeName', width: 120 },
            ...months.map((m) => ({
              title: m,
              key: m,
              width: 100,
              render: (_: unknown, row: MonthGrid['rows'][number]) => {
                const cell = row.cells.find((c) => c.month === m);
                if (!cell) return null;
                const open = (cell.state === 'due' || cell.state === 'late') && can('resolutions.evaluate');
                return (
                  <Tag
                    color={stateColor[cell.state]}
                    style={open ? { cursor: 'pointer' } : undefined}
                    onClick={open ? () => setTarget({ resolutionId: row.resolutionId, month: m }) : undefined}
                  >
                    {label('resolutions.supervision.states', cell.state)}
                  </Tag>
                );
              },
            })),
          ]}
        />
      </Card>
      <Card title={t('resolutions.supervision.late')}>
        <Table
          size="small"
          rowKey="evaluationId"
          loading={late.loading}
          dataSource={late.data?.items ?? []}
          data-testid="late-evaluations"
          columns={[
            { title: t('resolutions.resolutionTitle'), dataIndex: 'title' },
            { title: t('resolutions.place'), dataIndex: 'nodeName' },
            { title: t('resolutions.supervision.committee'), dataIndex: 'committeeName' },
            { title: t('resolutions.supervision.month'), dataIndex: 'month' },
            { title: t('resolutions.supervision.daysLate'), dataIndex: 'daysLate', sorter: (a, b) => a.daysLate - b.daysLate },
          ]}
        />
      </Card>
      <EvaluateModal
        target={target}
        onClose={() => setTarget(null)}
        onDone={() => {
          void grid.reload();
          void late.reload();
        }}
      />
    </Space>
  );
}
