import type { Ballot, TallyEntry } from '@linli/ballots/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { formatMinute } from '@linli/web-kit/format-time';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Form, Input, InputNumber, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';

/** Typing in paper counts (ballots cast, each option) and the full history of every number with its corrections. */
export function TallyPanel({ ballot }: { ballot: Ballot }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const weighted = ballot.weighting === 'area';
  const history = useData((signal) => api.get<{ items: TallyEntry[] }>(`/ballots/${ballot.id}/tally`, undefined, { signal }), [ballot.id]);
  const [form] = Form.useForm();
  const { run, error, saving } = useApiForm(form, ['reason']);
  const label = (id: number) => (id === 0 ? t('ballots.castLine') : (ballot.options.find((o) => o.id === id)?.label ?? String(id)));
  const save = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body = {
      cast: { voters: v.castVoters ?? 0, ...(weighted ? { area: v.castArea ?? 0 } : {}) },
      options: ballot.options.map((o) => ({ id: o.id, voters: v[`v${o.id}`] ?? 0, ...(weighted ? { area: v[`a${o.id}`] ?? 0 } : {}) })),
      ...(v.reason ? { reason: v.reason } : {}),
    };
    const saved = await run(() => api.post<{ items: TallyEntry[] }>(`/ballots/${ballot.id}/tally`, body));
    if (saved) {
      message.success(t('common.saved'));
      form.setFieldValue('reason', undefined);
      void history.reload();
    }
  };
  return (
    <div data-testid="ballot-tally">
      {ballot.status === 'open' && (
        <Form form={form} layout="inline" style={{ rowGap: 8, marginBottom: 12 }}>
          <FormError error={error} />
          <Form.Item name="castVoters" label={t('ballots.tallyCast')}>
            <InputNumber min={0} />
          </Form.Item>
          {weighted && (
            <Form.Item name="castArea" label={t('ballots.tallyCastArea')}>
              <InputNumber min={0} step={0.01} />
            </Form.Item>
          )}
          {ballot.options.map((o) => (
            <Space key={o.id}>
              <Form.Item name={`v${o.id}`} label={o.label}>
                <InputNumber min={0} />
              </Form.Item>
              {weighted && (
                <Form.Item name={`a${o.id}`} label="㎡">
                  <InputNumber min={0} step={0.01} />
                </Form.Item>
              )}
            </Space>
          ))}
          <Form.Item name="reason" label={t('ballots.tallyReason')} extra={t('ballots.tallyReasonHelp')}>
            <Input maxLength={500} style={{ width: 260 }} />
          </Form.Item>
          <Button type="primary" loading={saving} onClick={save} data-testid="ballot-tally-save">
            {t('ballots.tallySave')}
          </Button>
        </Form>
      )}
      <Table<TallyEntry>
        size="small"
        rowKey={(r) => `${r.optionId}-${r.version}`}
        loading={history.loading}
        pagination={false}
        dataSource={history.data?.items ?? []}
        columns={[
          { title: t('ballots.options'), dataIndex: 'optionId', render: label },
          { title: t('ballots.version'), dataIndex: 'version' },
          { title: t('ballots.voters'), dataIndex: 'voters' },
          ...(weighted ? [{ title: t('ballots.area'), dataIndex: 'area' }] : []),
          { title: t('ballots.tallyReason'), dataIndex: 'reason' },
          { title: t('ballots.enteredBy'), dataIndex: 'enteredByName' },
          {
            title: t('ballots.enteredAt'),
            dataIndex: 'enteredAt',
            render: (v: string) => formatMinute(v),
          },
        ]}
      />
    </div>
  );
}
