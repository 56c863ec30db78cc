import type { PropertyContract, RenewalDecision, RenewalDecisions } from '@linli/property/contract';
import { api, download } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Card, Empty, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const decisionColor = { renew: 'green', rectify: 'orange', terminate: 'red' } as const;

/**
 * 续聘 / 整改 / 解聘: the property contracts of a compound in scope; for one, its decisions (Excel) and a
 * new decision with a reason, shown the compound's evaluation scores it will be based on.
 */
export default function RenewalsPage() {
  const { t } = useTranslation();
  const [compoundId, setCompoundId] = useState<string | undefined>();
  const [contract, setContract] = useState<PropertyContract | null>(null);
  const contracts = useData(
    (signal) => api.get<{ items: PropertyContract[] }>('/property/contracts', compoundId ? { compoundId } : undefined, { signal }),
    [compoundId],
  );
  return (
    <Card title={t('propertyEvaluation.renewals.title')}>
      <Space style={{ marginBottom: 12 }}>
        <TerritorySelect
          selectableKinds={['compound']}
          deepestKind="compound"
          allowClear
          placeholder={t('propertyEvaluation.renewals.compound')}
          style={{ width: 260 }}
          onChange={(v) => setCompoundId(v)}
          testId="renewal-compound"
        />
      </Space>
      <Table<PropertyContract>
        rowKey="id"
        size="small"
        loading={contracts.loading}
        dataSource={contracts.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="renewal-contracts"
        columns={[
          { title: t('propertyEvaluation.renewals.compound'), dataIndex: 'compoundName', key: 'compoundName' },
          { title: t('propertyEvaluation.renewals.company'), dataIndex: 'companyName', key: 'companyName' },
          { title: t('propertyEvaluation.renewals.startsOn'), dataIndex: 'startsOn', key: 'startsOn', width: 120 },
          { title: t('propertyEvaluation.renewals.endsOn'), dataIndex: 'endsOn', key: 'endsOn', width: 120 },
          {
            key: 'open',
            width: 110,
            render: (_, r) => (
              <Button size="small" onClick={() => setContract(r)} data-testid={`renewal-open-${r.compoundName}`}>
                {t('propertyEvaluation.renewals.history')}
              </Button>
            ),
          },
        ]}
      />
      {contract && <DecisionsCard key={contract.id} contract={contract} />}
    </Card>
  );
}

function DecisionsCard({ contract }: { contract: PropertyContract }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState(false);
  const data = useData(
    (signal) => api.get<RenewalDecisions>(`/property/contracts/${contract.id}/renewal-decisions`, undefined, { signal }),
    [contract.id],
  );
  const basisText = (b: RenewalDecision['basis']) =>
    b.map((s) => `${s.period}：${s.score}`).join('；') || t('propertyEvaluation.renewals.noScores');
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={`${contract.compoundName} · ${contract.companyName}`}
      data-testid="renewal-decisions"
      extra={
        <Space>
          {can('property.write') && (
            <Button type="primary" onClick={() => setDeciding(true)} data-testid="renewal-decide">
              {t('propertyEvaluation.renewals.decide')}
            </Button>
          )}
          <Button
            onClick={() =>
              download(`/property/contracts/${contract.id}/renewal-decisions/export.xlsx`, undefined, '续聘解聘决定.xlsx').catch(
                (e: Error) => message.error(e.message),
              )
            }
          >
            {t('propertyEvaluation.renewals.export')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" data-testid="renewal-scores">
        {`${t('propertyEvaluation.renewals.scoresNow')}：${basisText(data.data?.scores ?? [])}`}
      </Typography.Paragraph>
      {data.data && data.data.decisions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table<RenewalDecision>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.data?.decisions ?? []}
          columns={[
            {
              title: t('propertyEvaluation.renewals.decision'),
              dataIndex: 'decision',
              key: 'decision',
              width: 90,
              render: (v: RenewalDecision['decision']) => (
                <Tag color={decisionColor[v]}>{t(`propertyEvaluation.renewals.decisions.${v}`)}</Tag>
              ),
            },
            { title: t('propertyEvaluation.renewals.reason'), dataIndex: 'reason', key: 'reason' },
            { title: t('propertyEvaluation.renewals.basis'), key: 'basis', render: (_, r) => basisText(r.basis) },
            { title: t('propertyEvaluation.renewals.decidedBy'), dataIndex: 'decidedByName', key: 'decidedByName', width: 110 },
            {
              title: t('propertyEvaluation.renewals.decidedAt'),
              dataIndex: 'decidedAt',
              key: 'decidedAt',
              width: 150,
              render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }),
            },
          ]}
        />
      )}
      <DecideModal
        open={deciding}
        contractId={contract.id}
        scores={basisText(data.data?.scores ?? [])}
        onClose={() => setDeciding(false)}
        onDecided={() => void data.reload()}
      />
    </Card>
  );
}

function DecideModal(props: { open: boolean; contractId: string; scores: string; onClose: () => void; onDecided: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ decision: RenewalDecision['decision']; reason: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['decision', 'reason']);
  const close = () => {
    form.resetFields();
    clearError();
    props.onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const saved = await run(() => api.post<RenewalDecision>(`/property/contracts/${props.contractId}/renewal-decisions`, v));
    if (saved) {
      props.onDecided();
      close();
    }
  };
  return (
    <Modal
      open={props.open}
      title={t('propertyEvaluation.renewals.decide')}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormError error={error} />
      <Typography.Paragraph data-testid="renewal-basis">{`${t('propertyEvaluation.renewals.scoresNow')}：${props.scores}`}</Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="renewal-form">
        <Form.Item
          name="decision"
          label={t('propertyEvaluation.renewals.decision')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Radio.Group
            options={(['renew', 'rectify', 'terminate'] as const).map((d) => ({
              value: d,
              label: t(`propertyEvaluation.renewals.decisions.${d}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('propertyEvaluation.renewals.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
