import { PlusOutlined } from '@ant-design/icons';
import { compoundOrganisationKinds, organisationKinds } from '@linli/organisations/vocabulary';
import { api, itemsOf, type Query } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { ResidentSelect } from '@linli/web-kit/components/resident-select';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { organisationKindLabel } from '@linli/web-kit/labels';
import type { DualRegistration, NodeKind, Organisation, OrganisationKind, Page } from '@linli/web-kit/types';
import { App, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Switch, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const kindOptions = () => organisationKinds.map((k) => ({ value: k, label: organisationKindLabel(k) }));

/** Where an organisation of this kind may sit: 业委会/物管会 on a compound, the others anywhere in the territory. */
function nodeKindsFor(kind: OrganisationKind | undefined): NodeKind[] | undefined {
  return kind && compoundOrganisationKinds.includes(kind) ? ['compound'] : undefined;
}

const orgFields = ['kind', 'name', 'nodeId', 'creditCode', 'stateOwned', 'contactName', 'phone', 'servedCompoundIds'];

function CreateOrganisationModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { run, error, saving, clearError } = useApiForm(form, orgFields);
  const kind = Form.useWatch<OrganisationKind | undefined>('kind', form);
  const served = Form.useWatch<string[] | undefined>('servedCompoundIds', form) ?? [];
  const [pick, setPick] = useState<string | undefined>();
  const [servedNames, setServedNames] = useState<Record<string, string>>({});

  const close = () => {
    form.resetFields();
    clearError();
    setServedNames({});
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);

    if (!v) return;
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '' && !(Array.isArray(x) && !x.length)));
    const created = await run(() => api.post<Organisation>('/organisations', body));
    if (created) {
      message.success(t('common.saved'));
      onCreated();
      close();
    }
  };
  return (
    <Modal open={open} title={t('organisations.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden width={600}>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="organisation-form" initialValues={{ stateOwned: false }}>
        <Form.Item name="kind" label={t('organisations.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            options={kindOptions()}
            data-testid="organisation-kind"
            onChange={() => form.setFieldsValue({ nodeId: undefined, servedCompoundIds: undefined })}
          />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="organisation-name" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="nodeId"
          label={t('organisations.node')}
          extra={kind && compoundOrganisationKinds.includes(kind) ? t('organisations.compoundOnly') : undefined}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <TerritorySelect selectableKinds={nodeKindsFor(kind)} deepestKind="compound" testId="organisation-node" />
        </Form.Item>
        {kind === 'property_company' && (
          <>
            <Form.Item name="stateOwned" label={t('organisations.stateOwned')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="servedCompoundIds" label={t('organisations.servedCompounds')}>
              <Select
                mode="multiple"
                open={false}
                suffixIcon={null}
                placeholder={t('organisations.servedHint')}
                options={served.map((id) => ({ value: id, label: servedNames[id] ?? id }))}
              />
            </Form.Item>
            <Form.Item label={t('organisations.addServed')}>
              <TerritorySelect
                value={pick}
                selectableKinds={['compound']}
                deepestKind="compound"
                testId="organisation-served-pick"
                onChange={(id, node) => {
                  setPick(undefined);
                  if (!id || served.includes(id)) return;
                  setServedNames((prev) => ({ ...prev, [id]: node?.name ?? id }));
                  form.setFieldsValue({ servedCompoundIds: [...served, id] });
                }}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="creditCode" label={t('organisations.creditCode')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="contactName" label={t('organisations.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('organisations.phone')}>
          <Input maxLength={30} data-testid="organisation-phone" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OrganisationsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const [kind, setKind] = useState<string | undefined>();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const filters: Query = { kind, nodeId, q };
  const list = useCursorList<Organisation>('/organisations', filters);
  const columns: ColumnsType<Organisation> = [
    { key: 'name', title: t('common.name'), dataIndex: 'name', fixed: 'left' },
    { key: 'kind', title: t('organisations.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{organisationKindLabel(k)}</Tag> },
    {
      key: 'nodeName',
      title: t('organisations.node'),
      dataIndex: 'nodeName',
      render: (name: string, o) => <Link to={`/territory/${o.nodeId}`}>{name}</Link>,
    },
    {
      key: 'served',
      title: t('organisations.servedCompounds'),
      dataIndex: 'servedCompounds',
      render: (list: Organisation['servedCompounds'], o) =>
        o.kind === 'property_company' ? (
          <>
            {o.stateOwned && <Tag color="red">{t('organisations.stateOwned')}</Tag>}
            {list.map((c) => (
              <Tag key={c.id}>
                <Link to={`/compounds/${c.id}`}>{c.name}</Link>
              </Tag>
            ))}
          </>
        ) : (
          '—'
        ),
    },
    { key: 'contactName', title: t('organisations.contactName'), dataIndex: 'contactName' },
    { key: 'phone', title: t('organisations.phone'), dataIndex: 'phone' },
    { key: 'creditCode', title: t('organisations.creditCode'), dataIndex: 'creditCode' },
  ];
  return (
    <>
      <CursorTable<Organisation>
        testId="organisations-table"
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/organisations"
        exportQuery={filters}
        exportName="organisations.xlsx"
        size="small"
        toolbar={
          <>
            <Select
              allowClear
              placeholder={t('organisations.kind')}
              value={kind}
              onChange={setKind}
              options={kindOptions()}
              style={{ width: 180 }}
              data-testid="organisations-kind-filter"
            />
            <TerritorySelect value={nodeId} onChange={(v) => setNodeId(v)} deepestKind="compound" testId="organisations-node-filter" />
            <Input.Search allowClear placeholder={t('common.name')} onSearch={setQ} style={{ width: 180 }} />
            {can('organisation.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-organisation">
                {t('organisations.create')}
              </Button>
            )}
          </>
        }
      />
      <CreateOrganisationModal open={creating} onClose={() => setCreating(false)} onCreated={list.reload} />
    </>
  );
}

const dualFields = ['communityId', 'organisationId', 'residentId', 'registeredOn', 'services'];

function CreateDualRegistrationModal({
  open,
  communityId,
  onClose,
  onCreated,
}: {
  open: boolean;
  communityId?: string;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { run, error, saving, clearError } = useApiForm(form, dualFields);
  const [who, setWho] = useState<'organisation' | 'member'>('organisation');
  const [orgOptions, setOrgOptions] = useState<{ value: string; label: string }[]>([]);
  const [orgQuery, setOrgQuery] = useState('');
  const loadOrgs = (q: string) => {
    setOrgQuery(q);
    api
      .get<Page<Organisation>>('/organisations', { q: q.trim() || undefined, limit: 30 })
      .then((p) => setOrgOptions(itemsOf(p).map((o) => ({ value: o.id, label: `${o.name} · ${organisationKindLabel(o.kind)}` }))))
      .catch(() => setOrgOptions([]));
  };

  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = (await form.validateFields().catch(() => undefined)) as {
      communityId: string;
      organisationId?: string;
      residentId?: string;
      registeredOn?: Dayjs;
      services?: string;
    };
    if (!v) return;
    const created = await run(() =>
      api.post<DualRegistration>('/dual-registrations', {
        communityId: v.communityId,
        ...(who === 'organisation' ? { organisationId: v.organisationId } : { residentId: v.residentId }),
        registeredOn: v.registeredOn?.format('YYYY-MM-DD'),
        services: v.services || undefined,
      }),
    );
    if (created) {
      message.success(t('common.saved'));
      onCreated();
      close();
    }
  };
  return (
    <Modal
      open={open}
      title={t('organisations.dualCreate')}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
      afterOpenChange={(visible) => visible && loadOrgs('')}
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="dual-registration-form" initialValues={{ communityId }}>
        <Form.Item name="communityId" label={t('organisations.community')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect selectableKinds={['community']} deepestKind="community" testId="dual-community" />
        </Form.Item>
        <Form.Item label={t('organisations.dualWho')}>
          <Radio.Group
            value={who}
            onChange={(e) => setWho(e.target.value)}
            options={[
              { value: 'organisation', label: t('organisations.dualOrganisation') },
              { value: 'member', label: t('organisations.dualMember') },
            ]}
          />
        </Form.Item>
        {who === 'organisation' ? (
          <Form.Item
            name="organisationId"
            label={t('organisations.organisation')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: loadOrgs, searchValue: orgQuery }}
              options={orgOptions}
              data-testid="dual-organisation"
            />
          </Form.Item>
        ) : (
          <Form.Item name="residentId" label={t('organisations.partyMember')} rules={[{ required: true, message: t('common.required') }]}>
            <ResidentSelect testId="dual-resident" />
          </Form.Item>
        )}
        <Form.Item name="registeredOn" label={t('organisations.registeredOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="services" label={t('organisations.services')}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DualRegistrationsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const list = useCursorList<DualRegistration>('/dual-registrations', { communityId });
  const columns: ColumnsType<DualRegistration> = [
    { key: 'communityName', title: t('organisations.community'), dataIndex: 'communityName' },
    {
      key: 'who',
      title: t('organisations.dualWho'),
      render: (_: unknown, r) =>
        r.organisationName ? (
          <>
            <Tag color="blue">{t('organisations.dualOrganisation')}</Tag>
            {r.organisationName}
          </>
        ) : (
          <>
            <Tag color="red">{t('organisations.dualMember')}</Tag>
            {r.residentName}
          </>
        ),
    },
    { key: 'registeredOn', title: t('organisations.registeredOn'), dataIndex: 'registeredOn' },
    { key: 'services', title: t('organisations.services'), dataIndex: 'services' },
  ];
  return (
    <>
      <CursorTable<DualRegistration>
        testId="dual-registrations-table"
        list={list}
        columns={columns}
        rowKey="id"
        size="small"
        toolbar={
          <>
            <TerritorySelect
              value={communityId}
              onChange={(v) => setCommunityId(v)}
              selectableKinds={['community']}
              deepestKind="community"
              placeholder={t('organisations.community')}
              testId="dual-community-filter"
            />
            {can('organisation.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-dual-registration">
                {t('organisations.dualCreate')}
              </Button>
            )}
          </>
        }
      />
      <CreateDualRegistrationModal open={creating} communityId={communityId} onClose={() => setCreating(false)} onCreated={list.reload} />
    </>
  );
}

export default function OrganisationsPage() {
  const { t } = useTranslation();
  return (
    <Card title={t('organisations.title')}>
      <Tabs
        items={[
          { key: 'organisations', label: t('organisations.list'), children: <OrganisationsTab /> },
          { key: 'dual', label: t('organisations.dualRegistrations'), children: <DualRegistrationsTab /> },
        ]}
      />
    </Card>
  );
}
