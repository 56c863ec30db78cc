import type { OpenRoundBody, Round } from '@linli/property-evaluation/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { App, DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** The quarters around today, for the period select (this one first). */
function quarters(): { value: string; start: Dayjs; end: Dayjs }[] {
  const now = dayjs();
  const first = now.startOf('month').month(Math.floor(now.month() / 3) * 3);
  return [0, -1, 1].map((k) => {
    const start = first.add(k * 3, 'month');
    return { value: `${start.year()}-Q${Math.floor(start.month() / 3) + 1}`, start, end: start.add(3, 'month').subtract(1, 'day') };
  });
}

/** Opens a quarter's round over a county, street or community in scope; the dates follow the quarter. */
export function OpenRoundModal({ open, onClose, onOpened }: { open: boolean; onClose: () => void; onOpened: (r: Round) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const options = quarters();
  const [form] = Form.useForm<{ nodeId: string; period: string; dates: [Dayjs, Dayjs] }>();
  const { run, error, saving, clearError } = useApiForm(form, ['nodeId', 'period', 'opensOn', 'closesOn']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body: OpenRoundBody = {
      nodeId: v.nodeId,
      period: v.period,
      opensOn: v.dates[0].format('YYYY-MM-DD'),
      closesOn: v.dates[1].format('YYYY-MM-DD'),
    };
    const created = await run(() => api.post<Round>('/property-evaluation/rounds', body));
    if (created) {
      message.success(t('common.saved'));
      onOpened(created);
      close();
    }
  };
  return (
    <Modal open={open} title={t('propertyEvaluation.open')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        data-testid="round-form"
        initialValues={{ period: options[0]?.value, dates: [dayjs(), options[0]?.end] }}
        onValuesChange={(changed: { period?: string }) => {
          const q = options.find((o) => o.value === changed.period);
          if (q) form.setFieldValue('dates', [q.start.isBefore(dayjs()) ? dayjs() : q.start, q.end]);
        }}
      >
        <Form.Item name="nodeId" label={t('propertyEvaluation.place')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect selectableKinds={['county', 'subdistrict', 'community']} deepestKind="community" testId="round-place" />
        </Form.Item>
        <Form.Item name="period" label={t('propertyEvaluation.period')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={options.map((o) => ({ value: o.value, label: o.value }))} data-testid="round-period" />
        </Form.Item>
        <Form.Item
          name="dates"
          label={`${t('propertyEvaluation.opensOn')} – ${t('propertyEvaluation.closesOn')}`}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
