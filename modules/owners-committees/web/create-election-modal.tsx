import type { ElectionDetail } from '@linli/owners-committees/contract';
import { electedKinds } from '@linli/owners-committees/vocabulary';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { App, Form, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';

interface Values {
  compoundId: string;
  kind: (typeof electedKinds)[number];
  seats: number;
}

/**
 * Starts an election for a compound chosen here: the first one where no owners' committee serves (a
 * committee whose term ends is re-elected from its own drawer as well).
 */
export function CreateElectionModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (e: ElectionDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving, clearError } = useApiForm(form, ['compoundId', 'kind', 'seats']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const created = await run(() => api.post<ElectionDetail>('/owners-committees/elections', v));
    if (created) {
      message.success(t('common.saved'));
      onCreated(created);
      close();
    }
  };
  return (
    <Modal open={open} title={t('ownersCommittees.elections.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="oc-election-form" initialValues={{ kind: 'owners_committee', seats: 5 }}>
        <Form.Item name="compoundId" label={t('ownersCommittees.compound')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect selectableKinds={['compound']} deepestKind="compound" testId="oc-election-compound" />
        </Form.Item>
        <Form.Item name="kind" label={t('ownersCommittees.kind')}>
          <Select options={electedKinds.map((k) => ({ value: k, label: t(`ownersCommittees.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="seats" label={t('ownersCommittees.elections.seats')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={3} max={15} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
