import type { CrossPosting, PropertyCompany, PropertyContract } from '@linli/property/contract';
import { api, download } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type CompanyDetail = PropertyCompany & { crossPostings: CrossPosting[]; contracts: PropertyContract[] };
const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

/** One company: its registry data, cross-postings (add, remove) and contracts (record one, record collection rates). */
export function CompanyDrawer({
  companyId,
  onClose,
  onEdit,
}: {
  companyId: string | null;
  onClose: () => void;
  onEdit: (c: PropertyCompany) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const { data, reload } = useData(
    (signal) =>
      companyId ? api.get<CompanyDetail>(`/property/companies/${companyId}`, undefined, { signal }) : Promise.resolve(undefined),
    [companyId],
  );
  const [posting, setPosting] = useState(false);
  const [contracting, setContracting] = useState(false);
  const [collectingFor, setCollectingFor] = useState<string | null>(null);
  const writable = can('property.write');
  const remove = async (id: string) => {
    await api.delete(`/property/companies/${companyId}/cross-postings/${id}`);
    message.success(t('common.saved'));
    await reload();
  };
  return (
    <Drawer open={companyId !== null} onClose={onClose} size="large" title={data?.name} data-testid="property-company-drawer">
      {data && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('property.kind')}>{t(`property.kinds.${data.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('property.creditCode')}>{data.creditCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('property.servicePhone')}>{data.servicePhone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('property.community')}>{data.communityName}</Descriptions.Item>
            <Descriptions.Item label={t('property.partyOrg')}>{data.partyOrgName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('property.instructor')}>{data.instructorName ?? '—'}</Descriptions.Item>
          </Descriptions>
          {writable && (
            <Button style={{ marginTop: 12 }} onClick={() => onEdit(data)} data-testid="property-company-edit">
              {t('property.editCompany')}
            </Button>
          )}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('property.crossPostings')}
          </Typography.Title>
          <Table<CrossPosting>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.crossPostings}
            columns={[
              { title: t('property.personName'), dataIndex: 'personName' },
              { title: t('property.companyPost'), dataIndex: 'companyPost' },
              { title: t('property.partyPost'), dataIndex: 'partyPost' },
              { title: t('property.since'), dataIndex: 'since' },
              ...(writable
                ? [
                    {
                      key: 'remove',
                      render: (_: unknown, p: CrossPosting) => (
                        <Popconfirm title={t('property.remove')} onConfirm={() => remove(p.id)}>
                          <Button type="link" size="small" danger>
                            {t('property.remove')}
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {writable && (
            <Button style={{ marginTop: 8 }} onClick={() => setPosting(true)} data-testid="property-posting-add">
              {t('property.addPosting')}
            </Button>
          )}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('property.contracts')}
          </Typography.Title>
          <Table<PropertyContract>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.contracts}
            columns={[
              { title: t('property.compound'), dataIndex: 'compoundName' },
              { title: t('property.period'), key: 'period', render: (_, k) => `${k.startsOn} ~ ${k.endsOn ?? ''}` },
              { title: t('property.fee'), dataIndex: 'feePerM2Month' },
              { title: t('property.services'), key: 'services', render: (_, k) => k.services.map((s) => <Tag key={s}>{s}</Tag>) },
              {
                title: t('property.collections'),
                key: 'collections',
                render: (_, k) => (
                  <Space wrap>
                    {k.collections.map((c) => (
                      <Tag key={c.period}>
                        {c.period}: {pct(c.rate)}
                      </Tag>
                    ))}
                    {writable && (
                      <Button type="link" size="small" onClick={() => setCollectingFor(k.id)}>
                        {t('property.recordCollection')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 8 }}>
            {writable && (
              <Button onClick={() => setContracting(true)} data-testid="property-contract-add">
                {t('property.addContract')}
              </Button>
            )}
            <Button
              onClick={() =>
                download('/property/contracts/export.xlsx', { companyId: data.id }, '物业服务合同.xlsx').catch((e: Error) =>
                  message.error(e.message),
                )
              }
            >
              {t('common.exportExcel')}
            </Button>
          </Space>
          <PostingModal open={posting} companyId={data.id} onClose={() => setPosting(false)} onSaved={reload} />
          <ContractModal open={contracting} companyId={data.id} onClose={() => setContracting(false)} onSaved={reload} />
          <CollectionModal contractId={collectingFor} onClose={() => setCollectingFor(null)} onSaved={reload} />
        </>
      )}
    </Drawer>
  );
}

function PostingModal({
  open,
  companyId,
  onClose,
  onSaved,
}: {
  open: boolean;
  companyId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ personName: string; companyPost: string; partyPost: string; since: Dayjs }>();
  const { run, error, saving, clearError } = useApiForm(form, ['personName', 'companyPost', 'partyPost', 'since']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const saved = await run(() =>
      api.post(`/property/companies/${companyId}/cross-postings`, { ...v, since: v.since.format('YYYY-MM-DD') }),
    );
    if (saved) {
      onSaved();
      close();
    }
  };
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <Modal open={open} title={t('property.addPosting')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical">
        <Form.Item name="personName" label={t('property.personName')} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="companyPost" label={t('property.companyPost')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="partyPost" label={t('property.partyPost')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="since" label={t('property.since')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ContractModal({
  open,
  companyId,
  onClose,
  onSaved,
}: {
  open: boolean;
  companyId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ compoundId: string; startsOn: Dayjs; endsOn?: Dayjs; services?: string; feePerM2Month: number }>();
  const { run, error, saving, clearError } = useApiForm(form, ['compoundId', 'startsOn', 'endsOn', 'services', 'feePerM2Month']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body = {
      companyId,
      compoundId: v.compoundId,
      startsOn: v.startsOn.format('YYYY-MM-DD'),
      endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null,
      services: (v.services ?? '')
        .split(/[、,，;；\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      feePerM2Month: v.feePerM2Month,
    };
    const saved = await run(() => api.post('/property/contracts', body));
    if (saved) {
      onSaved();
      close();
    }
  };
  return (
    <Modal open={open} title={t('property.addContract')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical">
        <Form.Item name="compoundId" label={t('property.compound')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect selectableKinds={['compound']} deepestKind="compound" />
        </Form.Item>
        <Space>
          <Form.Item name="startsOn" label={t('property.startsOn')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endsOn" label={t('property.endsOn')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="feePerM2Month" label={t('property.fee')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0} max={100} step={0.05} precision={2} />
        </Form.Item>
        <Form.Item name="services" label={t('property.services')} extra={t('property.servicesHint')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CollectionModal({ contractId, onClose, onSaved }: { contractId: string | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ period: string; rate: number }>();
  const { run, error, saving, clearError } = useApiForm(form, ['period', 'rate']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !contractId) return;
    const saved = await run(() =>
      api.post(`/property/contracts/${contractId}/collections`, { period: v.period.trim(), rate: v.rate / 100 }),
    );
    if (saved) {
      onSaved();
      close();
    }
  };
  return (
    <Modal
      open={contractId !== null}
      title={t('property.recordCollection')}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="period"
          label={t('property.collectionPeriod')}
          rules={[{ required: true, pattern: /^[0-9]{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/, message: t('common.required') }]}
        >
          <Input maxLength={7} />
        </Form.Item>
        <Form.Item name="rate" label={t('property.rate')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0} max={100} precision={1} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
