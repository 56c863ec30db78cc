import type { Ballot, BallotProxy } from '@linli/ballots/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { formatMinute } from '@linli/web-kit/format-time';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Form, Table } from 'antd';
import { useTranslation } from 'react-i18next';

/** The proxies of a ballot and, while it is open, the form that registers a written proxy (households picked in the tree). */
export function ProxyPanel({ ballot, canWrite }: { ballot: Ballot; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useData((signal) => api.get<{ items: BallotProxy[] }>(`/ballots/${ballot.id}/proxies`, undefined, { signal }), [ballot.id]);
  const [form] = Form.useForm<{ grantorId: string; holderId: string }>();
  const { run, error, saving } = useApiForm(form, ['grantorId', 'holderId']);
  const save = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    if (await run(() => api.post(`/ballots/${ballot.id}/proxies`, v))) {
      message.success(t('common.saved'));
      form.resetFields();
      void list.reload();
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <div data-testid="ballot-proxies">
      {canWrite && ballot.status === 'open' && ballot.voterUnit === 'household' && ballot.maxProxies > 0 && (
        <Form form={form} layout="inline" style={{ rowGap: 8, marginBottom: 12 }}>
          <FormError error={error} />
          <Form.Item name="grantorId" label={t('ballots.grantor')} rules={required}>
            <TerritorySelect selectableKinds={['household']} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="holderId" label={t('ballots.holder')} rules={required}>
            <TerritorySelect selectableKinds={['household']} style={{ width: 220 }} />
          </Form.Item>
          <Button loading={saving} onClick={save}>
            {t('ballots.registerProxy')}
          </Button>
        </Form>
      )}
      <Table<BallotProxy>
        size="small"
        rowKey="grantorId"
        pagination={false}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('ballots.grantor'), dataIndex: 'grantorName' },
          { title: t('ballots.holder'), dataIndex: 'holderName' },
          {
            title: t('ballots.registeredAt'),
            dataIndex: 'registeredAt',
            render: (v: string) => formatMinute(v),
          },
        ]}
      />
    </div>
  );
}
