import type { Committee, CommitteeList } from '@linli/resolutions/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { label } from './labels.ts';

/** The supervision committees (one per compound) and their members from 五老乡贤, building leaders and resident representatives. */
export default function CommitteesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const list = useData((signal) => api.get<CommitteeList>('/supervision-committees', { nodeId }, { signal }), [nodeId]);
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<Committee | null>(null);
  const [createForm] = Form.useForm<{ nodeId: string; name?: string }>();
  const [memberForm] = Form.useForm<{ name: string; kind: string }>();
  const create = useApiForm(createForm, ['nodeId', 'name']);
  const member = useApiForm(memberForm, ['name', 'kind']);
  const saveCommittee = async () => {
    const v = await createForm.validateFields().catch(() => undefined);
    if (v && (await create.run(() => api.post('/supervision-committees', { ...v, name: v.name || undefined })))) {
      message.success(t('common.saved'));
      setCreating(false);
      createForm.resetFields();
      await list.reload();
    }
  };
  const saveMember = async () => {
    const v = await memberForm.validateFields().catch(() => undefined);
    if (v && adding && (await member.run(() => api.post(`/supervision-committees/${adding.id}/members`, v)))) {
      message.success(t('common.saved'));
      setAdding(null);
      memberForm.resetFields();
      await list.reload();
    }
  };
  return (
    <Card
      title={t('resolutions.committees.title')}
      extra={
        <Space>
          <TerritorySelect
            deepestKind="compound"
            allowClear
            placeholder={t('resolutions.place')}
            style={{ width: 220 }}
            onChange={(v) => setNodeId(v)}
          />
          {can('resolutions.write') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="committee-create">
              {t('resolutions.committees.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<Committee>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="committees-table"
        columns={[
          { title: t('resolutions.committees.compound'), dataIndex: 'nodeName' },
          { title: t('resolutions.committees.name'), dataIndex: 'name' },
          {
            title: t('resolutions.committees.members'),
            key: 'members',
            render: (_, c) => (
              <Space wrap size={4}>
                {c.members.map((m) => (
                  <Tag key={m.id} color={m.hasAccount ? 'blue' : undefined}>
                    {m.name} · {label('resolutions.committees.kinds', m.kind)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('resolutions.committees.open'), dataIndex: 'openResolutions', width: 110 },
          {
            key: 'add',
            width: 110,
            render: (_, c) =>
              can('resolutions.write') && (
                <Button size="small" onClick={() => setAdding(c)}>
                  {t('resolutions.committees.addMember')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('resolutions.committees.create')}
        onOk={saveCommittee}
        onCancel={() => setCreating(false)}
        confirmLoading={create.saving}
        destroyOnHidden
      >
        <FormError error={create.error} />
        <Form form={createForm} layout="vertical">
          <Form.Item name="nodeId" label={t('resolutions.committees.compound')} rules={[{ required: true, message: t('common.required') }]}>
            <TerritorySelect selectableKinds={['compound']} deepestKind="compound" />
          </Form.Item>
          <Form.Item name="name" label={t('resolutions.committees.name')}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={adding !== null}
        title={`${t('resolutions.committees.addMember')} · ${adding?.name ?? ''}`}
        onOk={saveMember}
        onCancel={() => setAdding(null)}
        confirmLoading={member.saving}
        destroyOnHidden
      >
        <FormError error={member.error} />
        <Form form={memberForm} layout="vertical" initialValues={{ kind: 'resident_rep' }}>
          <Form.Item
            name="name"
            label={t('resolutions.committees.memberName')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="kind" label={t('resolutions.committees.kind')}>
            <Select
              options={['elder_sage', 'building_leader', 'resident_rep'].map((k) => ({
                value: k,
                label: label('resolutions.committees.kinds', k),
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
