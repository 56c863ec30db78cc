import type { ScenarioDetail, ServiceMode } from '@linli/service-clusters/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, Form, Input, Modal, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';

const MODES: ServiceMode[] = ['market', 'self_managed', 'community_state_owned', 'state_owned_takeover', 'market_state_owned'];

interface AdoptForm {
  reason?: string;
  clusters: { clusterId: string; name: string; companyId?: string | null; serviceMode?: ServiceMode }[];
}

/** Adopting a solved scenario: the reason, and per cluster its name, company (optional) and service mode. */
export function AdoptModal({ scenario, onClose, onAdopted }: { scenario: ScenarioDetail; onClose: () => void; onAdopted: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdoptForm>();
  // Only the reason has a field of its own: an error about a cluster shows above the form.
  const { run, error, saving } = useApiForm(form, ['reason']);
  // The county's property companies, when the caller may read them (the company stays optional).
  const companies = useData(
    (signal) =>
      api.get<{ items: { id: string; name: string }[] }>('/property/companies', { limit: 500 }, { signal }).catch(() => ({ items: [] })),
    [],
  );
  const initial: AdoptForm = {
    clusters: scenario.clusters.map((c) => ({
      clusterId: c.id,
      name: c.name,
      companyId: c.companyId,
      serviceMode: c.serviceMode ?? undefined,
    })),
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body = {
      reason: v.reason?.trim() || undefined,
      // The form holds only the fields it shows (name, company, mode): each row is the scenario's cluster of its index.
      clusters: v.clusters.map((c, i) => ({
        clusterId: scenario.clusters[i]!.id,
        name: c.name,
        companyId: c.companyId ?? null,
        serviceMode: c.serviceMode || undefined,
      })),
    };
    const done = await run(() => api.post<ScenarioDetail>(`/service-clusters/scenarios/${scenario.id}/adopt`, body));
    if (done) {
      message.success(t('common.saved'));
      onAdopted();
      onClose();
    }
  };
  return (
    <Modal
      open
      width={920}
      title={t('serviceClusters.adoptTitle', { name: scenario.name })}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('serviceClusters.adoptHint')} />
      <FormError error={error} />
      <Form form={form} layout="vertical" initialValues={initial} data-testid="cluster-adopt-form">
        <Form.Item name="reason" label={t('serviceClusters.reason')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        <Form.List name="clusters">
          {(fields) => (
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ y: 360 }}
              dataSource={fields}
              columns={[
                {
                  title: t('serviceClusters.name'),
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true, whitespace: true }]}>
                      <Input maxLength={100} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('serviceClusters.companyId'),
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'companyId']} noStyle>
                      <Select
                        allowClear
                        showSearch
                        optionFilterProp="label"
                        style={{ width: 220 }}
                        options={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('serviceClusters.serviceMode'),
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'serviceMode']} noStyle>
                      <Select
                        allowClear
                        style={{ width: 220 }}
                        options={MODES.map((m) => ({ value: m, label: t(`serviceClusters.serviceModes.${m}`) }))}
                      />
                    </Form.Item>
                  ),
                },
              ]}
            />
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
