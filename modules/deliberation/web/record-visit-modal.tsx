import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanHousehold, Visit } from '../src/visit-contract.ts';
import { quarterDays, type VisitOutcome, visitOutcomes } from '../src/visit-vocabulary.ts';
import { lastVisitDay, stateKey } from './visits-api.ts';

interface Values {
  visitedOn: Dayjs;
  outcome: VisitOutcome;
  raised?: string;
}

/** Records a visit of one household (a later attempt replaces the outcome; every attempt is kept). */
export function RecordVisitModal({
  planId,
  quarter,
  household,
  onClose,
  onSaved,
}: {
  planId: string;
  quarter: string;
  household: PlanHousehold | null;
  onClose: () => void;
  onSaved: (v: Visit) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const { run, error, saving, clearError } = useApiForm(form, ['visitedOn', 'outcome', 'raised']);
  const { first } = quarterDays(quarter);
  const last = lastVisitDay(quarter);
  useEffect(() => {
    if (household) form.setFieldsValue({ visitedOn: dayjs(last), outcome: 'visited', raised: household.raised ?? '' });
  }, [household, form, last]);
  const close = () => {
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !household) return;
    const saved = await run(() =>
      api.post<Visit>(`/deliberation/visit-plans/${planId}/visits`, {
        householdId: household.householdId,
        visitedOn: v.visitedOn.format('YYYY-MM-DD'),
        outcome: v.outcome,
        raised: v.outcome === 'visited' ? v.raised?.trim() || null : null,
        ...(household.version ? { version: household.version } : {}),
      }),
    );
    if (saved) {
      message.success(t('deliberationVisits.recorded'));
      onSaved(saved);
      close();
    }
  };
  return (
    <Modal
      open={household !== null}
      title={household ? t('deliberationVisits.recordTitle', { household: household.place.join(' ') }) : ''}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="visit-record-form">
        <Form.Item name="visitedOn" label={t('deliberationVisits.visitedOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < first || d.format('YYYY-MM-DD') > last} allowClear={false} />
        </Form.Item>
        <Form.Item name="outcome" label={t('deliberationVisits.outcome')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={visitOutcomes.map((o) => ({ value: o, label: t(stateKey[o]) }))}
            data-testid="visit-outcome"
          />
        </Form.Item>
        {outcome === 'visited' && (
          <Form.Item name="raised" label={t('deliberationVisits.raisedText')} extra={t('deliberationVisits.raisedHint')}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
