import type { CommitteeList, EvaluateBody, ResolutionDetail } from '@linli/resolutions/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { useData } from '@linli/web-kit/use-data';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { label } from './labels.ts';

/** Staff record a committee member's monthly evaluation of a resolution (a member who owns a task is refused by the server). */
export function EvaluateModal({
  target,
  onClose,
  onDone,
}: {
  target: { resolutionId: string; month: string } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<EvaluateBody, 'month'>>();
  const { run, error, saving, clearError } = useApiForm(form, ['memberId', 'progress', 'quality', 'satisfaction', 'comment']);
  const { data: members } = useData(
    async (signal) => {
      if (!target) return [];
      const r = await api.get<ResolutionDetail>(`/resolutions/${target.resolutionId}`, undefined, { signal });
      const committees = await api.get<CommitteeList>('/supervision-committees', { nodeId: undefined }, { signal });
      return committees.items.find((c) => c.id === r.committeeId)?.members.filter((m) => m.active) ?? [];
    },
    [target?.resolutionId],
  );
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !target) return;
    const done = await run(() =>
      api.post(`/resolutions/${target.resolutionId}/evaluations`, { ...v, month: target.month, comment: v.comment || undefined }),
    );
    if (done) {
      message.success(t('common.saved'));
      onDone();
      close();
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal
      open={target !== null}
      title={`${t('resolutions.supervision.evaluate')} ${target?.month ?? ''}`}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="evaluate-form">
        <Form.Item name="memberId" label={t('resolutions.supervision.member')} rules={required}>
          <Select
            options={(members ?? []).map((m) => ({ value: m.id, label: `${m.name}（${label('resolutions.committees.kinds', m.kind)}）` }))}
          />
        </Form.Item>
        <Form.Item name="progress" label={t('resolutions.progress')} rules={required}>
          <InputNumber min={0} max={100} addonAfter="%" />
        </Form.Item>
        <Form.Item name="quality" label={t('resolutions.supervision.quality')} rules={required}>
          <Select options={['good', 'fair', 'poor'].map((v) => ({ value: v, label: label('resolutions.supervision.qualities', v) }))} />
        </Form.Item>
        <Form.Item name="satisfaction" label={t('resolutions.supervision.satisfaction')} rules={required}>
          <Select
            options={['satisfied', 'basically_satisfied', 'dissatisfied'].map((v) => ({
              value: v,
              label: label('resolutions.supervision.satisfactions', v),
            }))}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('resolutions.supervision.comment')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
