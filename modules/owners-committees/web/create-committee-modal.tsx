import type { Committee } from '@linli/owners-committees/contract';
import { committeeKinds } from '@linli/owners-committees/vocabulary';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

interface Values {
  compoundId: string;
  kind: (typeof committeeKinds)[number];
  formedOn: Dayjs;
  termEnd?: Dayjs;
  note?: string;
}

/** Records a committee of a compound: kind, formed date, term end (five years by default). */
export function CreateCommitteeModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving, clearError } = useApiForm(form, ['compoundId', 'kind', 'formedOn', 'termEnd', 'note']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const created = await run(() =>
      api.post<Committee>('/owners-committees', {
        compoundId: v.compoundId,
        kind: v.kind,
        formedOn: v.formedOn.format('YYYY-MM-DD'),
        termEnd: v.termEnd?.format('YYYY-MM-DD'),
        note: v.note || undefined,
      }),
    );
    if (created) {
      message.success(t('common.saved'));
      onCreated();
      close();
    }
  };
  return (
    <Modal open={open} title={t('ownersCommittees.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="oc-create-form" initialValues={{ kind: 'owners_committee' }}>
        <Form.Item name="compoundId" label={t('ownersCommittees.compound')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect selectableKinds={['compound']} deepestKind="compound" testId="oc-create-compound" />
        </Form.Item>
        <Form.Item name="kind" label={t('ownersCommittees.kind')} extra={t('ownersCommittees.pmcHint')}>
          <Select options={committeeKinds.map((k) => ({ value: k, label: t(`ownersCommittees.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="formedOn" label={t('ownersCommittees.formedOn')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="termEnd" label={t('ownersCommittees.termEnd')} extra={t('ownersCommittees.termEndHint')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('ownersCommittees.note')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
