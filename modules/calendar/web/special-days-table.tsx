import type { CalendarYear } from '@linli/calendar/contract';
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type CalendarDay = CalendarYear['days'][number];

/** The year's special days: built-in holidays and 调休 and the county's overrides, each with its origin. */
export function SpecialDaysTable({ data, error }: { data: CalendarYear | null; error: string | null }) {
  const { t, i18n } = useTranslation();
  const weekday = (day: string) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const originLabel: Record<CalendarDay['origin'], string> = {
    notice: t('calendar.originNotice'),
    statutory: t('calendar.originStatutory'),
    override: t('calendar.originOverride'),
  };
  return (
    <Card
      title={t('calendar.specialDays')}
      size="small"
      extra={data?.source ? <Typography.Text type="secondary">{data.source}</Typography.Text> : null}
    >
      <Table<CalendarDay>
        size="small"
        rowKey="day"
        loading={!data && !error}
        dataSource={data?.days ?? []}
        pagination={false}
        scroll={{ y: 480 }}
        columns={[
          { title: t('calendar.day'), dataIndex: 'day', render: (day: string) => `${day} ${weekday(day)}` },
          {
            title: t('calendar.kind'),
            dataIndex: 'workday',
            render: (w: boolean) => (w ? <Tag color="blue">{t('calendar.workday')}</Tag> : <Tag color="red">{t('calendar.holiday')}</Tag>),
          },
          { title: t('calendar.name'), dataIndex: 'name' },
          { title: t('calendar.origin'), dataIndex: 'origin', render: (o: CalendarDay['origin']) => originLabel[o] },
        ]}
      />
    </Card>
  );
}
