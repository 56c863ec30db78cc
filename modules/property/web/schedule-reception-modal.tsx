import type { ReceptionDayDetail } from '@linli/property/contract';
import { request } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { App, DatePicker, Form, Input, Modal, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { looseT } from './loose-t.ts';

interface Values {
  compoundId: string;
  heldOn: Dayjs;
  hours: [Dayjs, Dayjs];
  place: string;
  hostName: string;
}

/** Schedules a reception day in a compound, for the company serving it (the server takes it from the compound's profile). */
export function ScheduleReceptionModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving, clearError } = useApiForm(form, ['compoundId', 'heldOn', 'hours', 'place', 'hostName']);
  const r = (key: string) => looseT(t)(`property.reception.${key}`);
  const close = () => {
    clearError();
    form.resetFields();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body = {
      compoundId: v.compoundId,
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      hours: `${v.hours[0].format('HH:mm')}-${v.hours[1].format('HH:mm')}`,
      place: v.place,
      hostName: v.hostName,
    };
    const saved = await run(() => request<ReceptionDayDetail>('POST', '/property/reception-days', { body }));
    if (saved) {
      message.success(t('common.saved'));
      onSaved(saved.id);
      close();
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal open={open} title={r('schedule')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <div data-testid="reception-schedule-form">
        <FormError error={error} />
        <Form form={form} layout="vertical">
          <Form.Item name="compoundId" label={t('property.compound')} rules={required}>
            <TerritorySelect
              deepestKind="compound"
              selectableKinds={['compound']}
              placeholder={t('property.compound')}
              testId="reception-compound"
            />
          </Form.Item>
          <Form.Item name="heldOn" label={r('heldOn')} rules={required}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="hours" label={r('hours')} rules={required}>
            <TimePicker.RangePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
          <Form.Item name="place" label={r('place')} rules={required}>
            <Input maxLength={200} placeholder={r('placeHint')} />
          </Form.Item>
          <Form.Item name="hostName" label={r('host')} rules={required}>
            <Input maxLength={50} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
