import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationDetail } from '../src/station-contract.ts';

/** Posts a new version of the station's rules, starting from the one in force. */
export function StationRulesModal({
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
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ scopeSummary: string; procedure: string; meetingRules: string; note?: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['scopeSummary', 'procedure', 'meetingRules', 'note']);
  useEffect(() => {
    if (open) form.setFieldsValue({ ...(station.rules[0] ?? { scopeSummary: '', procedure: '', meetingRules: '' }), note: '' });
  }, [open, station, form]);
  const close = () => {
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const saved = await run(() =>
      api.post<StationDetail>(`/deliberation/stations/${station.id}/rules`, {
        scopeSummary: v.scopeSummary ?? '',
        procedure: v.procedure ?? '',
        meetingRules: v.meetingRules ?? '',
        note: v.note?.trim() || undefined,
      }),
    );
    if (saved) {
      message.success(t('common.saved'));
      onSaved(saved);
      close();
    }
  };
  return (
    <Modal
      open={open}
      title={t('deliberationStations.publishRules')}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="station-rules-form">
        <Form.Item name="scopeSummary" label={t('deliberationStations.scopeSummary')}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="procedure" label={t('deliberationStations.procedure')}>
          <Input.TextArea rows={3} maxLength={8000} showCount />
        </Form.Item>
        <Form.Item name="meetingRules" label={t('deliberationStations.meetingRules')}>
          <Input.TextArea rows={4} maxLength={8000} showCount />
        </Form.Item>
        <Form.Item name="note" label={t('deliberationStations.rulesNote')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
