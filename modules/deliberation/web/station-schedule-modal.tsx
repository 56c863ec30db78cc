import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationDetail, StationSchedule } from '../src/station-contract.ts';
import { describeSchedule, nextOpenings, type StationScheduleRule } from '../src/station-schedule.ts';
import { nthKeys, openingRange, put, weekdayKeys } from './stations-api.ts';

interface Values {
  freq: 'weekly' | 'monthly';
  weekdays: number[];
  interval?: number;
  nth?: number[];
  time: [Dayjs, Dayjs];
  from?: Dayjs | null;
  until?: Dayjs | null;
  note?: string;
}

const toRule = (v: Values): StationSchedule => ({
  freq: v.freq,
  weekdays: [...(v.weekdays ?? [])].sort((a, b) => a - b),
  ...(v.freq === 'weekly' && (v.interval ?? 1) > 1 ? { interval: v.interval } : {}),
  ...(v.freq === 'monthly' ? { nth: v.nth ?? [] } : {}),
  start: v.time?.[0]?.format('HH:mm') ?? '',
  end: v.time?.[1]?.format('HH:mm') ?? '',
  ...(v.from ? { from: v.from.format('YYYY-MM-DD') } : {}),
  ...(v.until ? { until: v.until.format('YYYY-MM-DD') } : {}),
  ...(v.note?.trim() ? { note: v.note.trim() } : {}),
});

/** The opening schedule as a recurrence rule (每周 / 每月第几个星期几, time of day), with the openings it gives, previewed. */
export function StationScheduleModal({
  station,
  open,
  onClose,
  onSaved,
}: {
  station: StationDetail;
  open: boolean;
  onClose: () => void;
  onSaved: (s: StationDetail) => void;
}) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en-US';
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving, clearError } = useApiForm(form, []);
  const values = Form.useWatch([], form) as Values | undefined;
  useEffect(() => {
    if (!open) return;
    const s = station.schedule;
    form.setFieldsValue(
      s
        ? {
            freq: s.freq,
            weekdays: s.weekdays,
            interval: s.interval,
            nth: s.nth,
            time: [dayjs(`2000-01-01T${s.start}`), dayjs(`2000-01-01T${s.end}`)],
            from: s.from ? dayjs(s.from) : null,
            until: s.until ? dayjs(s.until) : null,
            note: s.note,
          }
        : { freq: 'weekly', weekdays: [6], time: [dayjs('2000-01-01T09:00'), dayjs('2000-01-01T11:00')], note: '周六有约' },
    );
  }, [open, station, form]);
  const preview = values?.time ? toRule(values) : undefined;
  const close = () => {
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const saved = await run(() => put<StationDetail>(`/deliberation/stations/${station.id}/schedule`, { schedule: toRule(v) }));
    if (saved) {
      message.success(t('common.saved'));
      onSaved(saved);
      close();
    }
  };
  const weekdayOptions = weekdayKeys.map(([d, key]) => ({ value: d as number, label: t(key) }));
  return (
    <Modal
      open={open}
      title={t('deliberationStations.setSchedule')}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      width={620}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="station-schedule-form">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="freq" label={t('deliberationStations.freq')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'weekly', label: t('deliberationStations.weekly') },
                  { value: 'monthly', label: t('deliberationStations.monthly') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            {values?.freq === 'monthly' ? (
              <Form.Item name="nth" label={t('deliberationStations.nth')} rules={[{ required: true, message: t('common.required') }]}>
                <Select mode="multiple" options={nthKeys.map(([n, key]) => ({ value: n as number, label: t(key) }))} />
              </Form.Item>
            ) : (
              <Form.Item name="interval" label={t('deliberationStations.interval')}>
                <InputNumber min={1} max={8} placeholder="1" />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item name="weekdays" label={t('deliberationStations.weekdays')} rules={[{ required: true, message: t('common.required') }]}>
          <Checkbox.Group options={weekdayOptions} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="time"
              label={`${t('deliberationStations.start')} – ${t('deliberationStations.end')}`}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <TimePicker.RangePicker format="HH:mm" minuteStep={5} order />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="from" label={t('deliberationStations.from')}>
              <DatePicker />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="until" label={t('deliberationStations.until')}>
              <DatePicker />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('deliberationStations.scheduleNote')}>
          <Input maxLength={200} placeholder={t('deliberationStations.scheduleNoteHint')} />
        </Form.Item>
      </Form>
      {preview && preview.weekdays.length > 0 && (
        <div data-testid="station-schedule-preview" style={{ background: '#fafafa', padding: 12 }}>
          <div style={{ fontWeight: 500 }}>{describeSchedule(preview as StationScheduleRule, zh ? 'zh-CN' : 'en-US')}</div>
          {nextOpenings(preview as StationScheduleRule, new Date(), 5).map((o) => (
            <div key={o.start} style={{ color: '#666' }}>
              {openingRange(o, zh)}
            </div>
          ))}
        </div>
      )}
    </Modal>
  );
}
