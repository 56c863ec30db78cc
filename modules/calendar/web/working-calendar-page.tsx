import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CalendarYear } from '@linli/calendar/contract';
import type { DeadlineSettings } from '@linli/demands/contract';
import { ApiError, api, request } from '@linli/web-kit/client';
import { useCurrentUser } from '@linli/web-kit/current-user';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Input,
  Row,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** GET /api/v1/demand-calendar/:year (modules/calendar/src/contract.ts); the deadline settings are the demands module's. */
type CalendarDay = CalendarYear['days'][number];
interface EditRow {
  key: number;
  day: string | null;
  workday: boolean;
  name: string;
}

function shanghaiYear(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()));
}

/** The county's working-day calendar: the built-in holidays and 调休 of a year, and its own overrides, edited per year. */
export default function WorkingCalendarPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useCurrentUser();
  const editable = can('demand.configure');
  const [year, setYear] = useState(shanghaiYear());
  const [data, setData] = useState<CalendarYear | null>(null);
  const [rows, setRows] = useState<EditRow[]>([]);
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [nextKey, setNextKey] = useState(0);
  const [settings, setSettings] = useState<DeadlineSettings | null>(null);

  useEffect(() => {
    api
      .get<DeadlineSettings>('/demand-settings')
      .then(setSettings)
      .catch(() => setSettings(null));
  }, []);

  const toggleAutoEscalate = async (on: boolean) => {
    try {
      setSettings(await request<DeadlineSettings>('PATCH', '/demand-settings', { body: { autoEscalate: on } }));
      message.success(t('common.saved'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const show = useCallback((value: CalendarYear) => {
    setData(value);
    setRows(value.overrides.map((o, i) => ({ key: i, ...o })));
    setNextKey(value.overrides.length);
    setRowErrors({});
  }, []);

  useEffect(() => {
    setData(null);
    setError(null);
    api
      .get<CalendarYear>(`/demand-calendar/${year}`)
      .then(show)
      .catch((e: Error) => setError(e.message));
  }, [year, show]);

  const weekday = (day: string) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const originLabel: Record<CalendarDay['origin'], string> = {
    notice: t('calendar.originNotice'),
    statutory: t('calendar.originStatutory'),
    override: t('calendar.originOverride'),
  };
  const update = (key: number, patch: Partial<EditRow>) => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const save = async () => {
    setError(null);
    setRowErrors({});
    const filled = rows.filter((r) => r.day);
    setSaving(true);
    try {
      const saved = await request<CalendarYear>('PUT', `/demand-calendar/${year}`, {
        body: { days: filled.map((r) => ({ day: r.day, workday: r.workday, name: r.name })) },
      });
      show(saved);
      message.success(t('calendar.saved', { year }));
    } catch (e) {
      if (e instanceof ApiError) {
        // Row errors come back as days/<index>/day: show them on the row they belong to.
        const byRow: Record<number, string> = {};
        const other: string[] = [];
        for (const d of e.detailList) {
          const match = /^days\/(\d+)\//.exec(String(d.field ?? ''));
          const row = match ? filled[Number(match[1])] : undefined;
          if (row) byRow[row.key] = String(d.reason);
          else other.push(d.field ? `${d.field}: ${d.reason}` : String(d.reason));
        }
        setRowErrors(byRow);
        if (other.length || Object.keys(byRow).length === 0) setError(other.join('; ') || e.message);
      } else setError(String(e));
    } finally {
      setSaving(false);
    }
  };

  const years = [...new Set([2024, 2025, 2026, 2027, shanghaiYear() - 1, shanghaiYear(), shanghaiYear() + 1])].sort();

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="working-calendar-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('calendar.title')}
        </Typography.Title>
        <Space>
          <span>{t('calendar.year')}</span>
          <Select
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 110 }}
            data-testid="calendar-year"
          />
        </Space>
      </Flex>
      <Alert type="info" showIcon message={t('calendar.intro')} />
      {settings && (
        <Card size="small">
          <Space wrap>
            <Switch
              checked={settings.autoEscalate}
              disabled={!editable}
              onChange={(on) => void toggleAutoEscalate(on)}
              data-testid="auto-escalate"
            />
            <Typography.Text strong>{t('calendar.autoEscalate')}</Typography.Text>
            <Typography.Text type="secondary">{t('calendar.autoEscalateHelp')}</Typography.Text>
          </Space>
        </Card>
      )}
      {data && !data.official && <Alert type="warning" showIcon message={t('calendar.notOfficial')} />}
      {error && <Alert type="error" showIcon message={error} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
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
                  render: (w: boolean) =>
                    w ? <Tag color="blue">{t('calendar.workday')}</Tag> : <Tag color="red">{t('calendar.holiday')}</Tag>,
                },
                { title: t('calendar.name'), dataIndex: 'name' },
                { title: t('calendar.origin'), dataIndex: 'origin', render: (o: CalendarDay['origin']) => originLabel[o] },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('calendar.overrides')}
            size="small"
            extra={
              editable ? (
                <Button type="primary" onClick={save} loading={saving} disabled={!data} data-testid="calendar-save">
                  {t('calendar.save')}
                </Button>
              ) : null
            }
          >
            {!editable && <Alert type="info" message={t('calendar.readOnly')} style={{ marginBottom: 8 }} />}
            <Flex vertical gap={8}>
              {rows.map((r) => (
                <div key={r.key} data-testid="calendar-override-row">
                  <Flex gap={8} align="center" wrap>
                    <DatePicker
                      value={r.day ? dayjs(r.day) : null}
                      onChange={(d) => update(r.key, { day: d ? d.format('YYYY-MM-DD') : null })}
                      minDate={dayjs(`${year}-01-01`)}
                      maxDate={dayjs(`${year}-12-31`)}
                      disabled={!editable}
                      status={rowErrors[r.key] ? 'error' : undefined}
                    />
                    <Segmented<string>
                      value={r.workday ? 'workday' : 'holiday'}
                      onChange={(v) => update(r.key, { workday: v === 'workday' })}
                      disabled={!editable}
                      options={[
                        { value: 'holiday', label: t('calendar.holiday') },
                        { value: 'workday', label: t('calendar.workday') },
                      ]}
                    />
                    <Input
                      value={r.name}
                      maxLength={40}
                      placeholder={t('calendar.name')}
                      onChange={(e) => update(r.key, { name: e.target.value })}
                      disabled={!editable}
                      style={{ width: 160 }}
                    />
                    {editable && (
                      <Button
                        icon={<DeleteOutlined />}
                        type="text"
                        danger
                        aria-label={t('common.delete')}
                        onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}
                      />
                    )}
                  </Flex>
                  {rowErrors[r.key] && <Typography.Text type="danger">{rowErrors[r.key]}</Typography.Text>}
                </div>
              ))}
              {editable && (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => {
                    setRows((list) => [...list, { key: nextKey, day: null, workday: false, name: '' }]);
                    setNextKey((k) => k + 1);
                  }}
                  disabled={!data}
                  data-testid="calendar-add"
                >
                  {t('calendar.addDay')}
                </Button>
              )}
            </Flex>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
