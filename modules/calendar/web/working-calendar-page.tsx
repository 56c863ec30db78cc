import type { CalendarYear } from '@linli/calendar/contract';
import { ApiError, api, request } from '@linli/web-kit/client';
import { useCurrentUser } from '@linli/web-kit/current-user';
import { Alert, App, Col, Flex, Row, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AutoEscalateCard } from './auto-escalate-card.tsx';
import { type EditRow, OverridesEditor } from './overrides-editor.tsx';
import { SpecialDaysTable } from './special-days-table.tsx';

function shanghaiYear(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()));
}

/** The county's working-day calendar: the built-in holidays and 调休 of a year, and its own overrides, edited per year. */
export default function WorkingCalendarPage() {
  const { t } = useTranslation();
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
      <AutoEscalateCard editable={editable} />
      {data && !data.official && <Alert type="warning" showIcon message={t('calendar.notOfficial')} />}
      {error && <Alert type="error" showIcon message={error} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <SpecialDaysTable data={data} error={error} />
        </Col>
        <Col xs={24} lg={12}>
          <OverridesEditor
            year={year}
            rows={rows}
            rowErrors={rowErrors}
            editable={editable}
            loaded={data !== null}
            saving={saving}
            onUpdate={update}
            onRemove={(key) => setRows((list) => list.filter((x) => x.key !== key))}
            onAdd={() => {
              setRows((list) => [...list, { key: nextKey, day: null, workday: false, name: '' }]);
              setNextKey((k) => k + 1);
            }}
            onSave={save}
          />
        </Col>
      </Row>
    </Space>
  );
}
