import type { Checklist, InspectionDetail, RecordInspectionBody } from '@linli/property-evaluation/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

interface Values {
  compoundId: string;
  inspectedOn: Dayjs;
  note?: string;
  results: Record<string, { passed: boolean; note?: string }>;
}

/** Records an inspection of a compound: pass or fail with a note for every item of the county's checklist. */
export function InspectionForm({ open, onClose, onRecorded }: { open: boolean; onClose: () => void; onRecorded: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const checklist = useData(
    (signal) => (open ? api.get<Checklist>('/property-evaluation/checklist', undefined, { signal }) : Promise.resolve(null)),
    [open],
  );
  const items = checklist.data?.items ?? [];
  const [form] = Form.useForm<Values>();
  const { run, error, saving, clearError } = useApiForm(form, ['compoundId', 'inspectedOn', 'note', 'results']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body: RecordInspectionBody = {
      compoundId: v.compoundId,
      inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
      note: v.note || undefined,
      results: items.map((i) => ({
        itemId: i.id,
        passed: v.results?.[i.id]?.passed !== false,
        note: v.results?.[i.id]?.note || undefined,
      })),
    };
    const saved = await run(() => api.post<InspectionDetail>('/property-evaluation/inspections', body));
    if (saved) {
      message.success(t('common.saved'));
      onRecorded(saved.id);
      close();
    }
  };
  return (
    <Modal
      open={open}
      title={t('propertyEvaluation.inspections.record')}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      okButtonProps={{ disabled: items.length === 0 }}
      width={640}
      destroyOnHidden
    >
      <FormError error={error} />
      {checklist.data && items.length === 0 && <Alert type="warning" showIcon message={t('propertyEvaluation.inspections.noChecklist')} />}
      <Form form={form} layout="vertical" data-testid="inspection-form" initialValues={{ inspectedOn: dayjs() }}>
        <Form.Item
          name="compoundId"
          label={t('propertyEvaluation.inspections.compound')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <TerritorySelect selectableKinds={['compound']} deepestKind="compound" testId="inspection-compound" />
        </Form.Item>
        <Form.Item
          name="inspectedOn"
          label={t('propertyEvaluation.inspections.inspectedOn')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
        </Form.Item>
        {items.map((i) => (
          <Space key={i.id} align="baseline" wrap style={{ display: 'flex' }} data-testid={`inspection-item-${i.label}`}>
            <Typography.Text style={{ width: 140, display: 'inline-block' }}>{i.label}</Typography.Text>
            <Form.Item name={['results', i.id, 'passed']} initialValue={true} noStyle>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: true, label: t('propertyEvaluation.inspections.pass') },
                  { value: false, label: t('propertyEvaluation.inspections.fail') },
                ]}
              />
            </Form.Item>
            <Form.Item name={['results', i.id, 'note']} noStyle>
              <Input placeholder={t('propertyEvaluation.inspections.itemNote')} maxLength={500} style={{ width: 240 }} />
            </Form.Item>
          </Space>
        ))}
        <Form.Item name="note" label={t('propertyEvaluation.inspections.note')} style={{ marginTop: 12 }}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
