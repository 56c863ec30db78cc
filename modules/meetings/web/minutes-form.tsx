import type { MeetingDetail } from '@linli/meetings/contract';
import { request } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { App, Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

const outcomes = ['adopted', 'rejected', 'deferred', 'noted'] as const;

interface Values {
  minutes: string;
  items: { id: string; decision?: string; outcome?: (typeof outcomes)[number] }[];
}

/** The minutes and the decision on each agenda item. */
export function MinutesForm({ meeting, onSaved }: { meeting: MeetingDetail; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving } = useApiForm(form, ['minutes', 'items']);
  const save = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const items = (v.items ?? [])
      .filter((i) => i.outcome)
      .map((i) => ({ id: i.id, decision: i.decision?.trim() ?? '', outcome: i.outcome as (typeof outcomes)[number] }));
    const saved = await run(() =>
      request<MeetingDetail>('PUT', `/meetings/${meeting.id}/minutes`, { body: { minutes: v.minutes ?? '', items } }),
    );
    if (saved) {
      message.success(t('common.saved'));
      onSaved();
    }
  };
  return (
    <>
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        data-testid="minutes-form"
        initialValues={{
          minutes: meeting.minutes ?? '',
          items: meeting.items.map((i) => ({ id: i.id, decision: i.decision ?? '', outcome: i.outcome ?? undefined })),
        }}
      >
        <Form.List name="items">
          {(fields) =>
            fields.map((f, n) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <span style={{ minWidth: 160, display: 'inline-block' }}>
                  {meeting.items[n]?.position}. {meeting.items[n]?.title}
                </span>
                <Form.Item name={[f.name, 'outcome']}>
                  <Select
                    allowClear
                    style={{ width: 110 }}
                    placeholder={t('meetings.detail.outcome')}
                    options={outcomes.map((o) => ({ value: o, label: t(`meetings.outcomes.${o}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'decision']}>
                  <Input placeholder={t('meetings.detail.decision')} style={{ width: 360 }} maxLength={4000} />
                </Form.Item>
              </Space>
            ))
          }
        </Form.List>
        <Form.Item name="minutes" label={t('meetings.detail.minutes')}>
          <Input.TextArea rows={6} maxLength={20000} showCount data-testid="minutes-text" />
        </Form.Item>
        <Button type="primary" onClick={save} loading={saving} data-testid="minutes-save">
          {t('meetings.detail.saveMinutes')}
        </Button>
      </Form>
    </>
  );
}
