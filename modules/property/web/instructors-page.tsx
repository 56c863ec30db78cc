import { PlusOutlined } from '@ant-design/icons';
import type { Instructor, PropertyCompany } from '@linli/property/contract';
import { api, request } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { looseT } from './loose-t.ts';

/**
 * 党建指导员: the party-building instructors at the caller's places — filter by place and whether
 * serving, sort by appointment, load more, Excel; appoint one to a compound or community (and a
 * company); record the day one left.
 */
export default function InstructorsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [active, setActive] = useState<boolean | undefined>(true);
  const [appointing, setAppointing] = useState(false);
  const filters = { nodeId, active };
  const list = useCursorList<Instructor>('/property/instructors', filters, 50, '-appointedOn');
  const x = (key: string) => looseT(t)(`property.instructors.${key}`);
  const end = async (i: Instructor) => {
    try {
      await api.post(`/property/instructors/${i.id}/end`, { endedOn: dayjs().format('YYYY-MM-DD') });
      list.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const columns: ColumnsType<Instructor> = [
    { title: x('name'), dataIndex: 'name', key: 'name' },
    { title: x('unit'), dataIndex: 'unit', key: 'unit', render: (v: string | null) => v ?? '—' },
    {
      title: x('place'),
      key: 'place',
      render: (_: unknown, i) => (i.nodeKind === 'community' ? i.nodeName : `${i.communityName} · ${i.nodeName}`),
    },
    { title: t('property.company'), dataIndex: 'companyName', key: 'companyName', render: (v: string | null) => v ?? '—' },
    { title: x('appointedOn'), dataIndex: 'appointedOn', key: 'appointedOn', sorter: true },
    {
      title: x('state'),
      key: 'state',
      render: (_: unknown, i) =>
        i.endedOn ? (
          <Tag>{`${x('ended')} ${i.endedOn}`}</Tag>
        ) : can('property.write') ? (
          <Popconfirm title={x('endConfirm')} onConfirm={() => end(i)}>
            <Tag color="green" style={{ cursor: 'pointer' }}>
              {x('serving')}
            </Tag>
          </Popconfirm>
        ) : (
          <Tag color="green">{x('serving')}</Tag>
        ),
    },
  ];
  return (
    <Card title={x('title')}>
      <CursorTable<Instructor>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/property/instructors"
        exportQuery={filters}
        exportName="党建指导员.xlsx"
        testId="property-instructors-table"
        toolbar={
          <>
            <TerritorySelect
              deepestKind="compound"
              allowClear
              placeholder={t('property.place')}
              style={{ width: 220 }}
              onChange={(v) => setNodeId(v)}
            />
            <Select<'serving' | 'ended' | 'all'>
              value={active === undefined ? 'all' : active ? 'serving' : 'ended'}
              style={{ width: 120 }}
              options={(['serving', 'ended', 'all'] as const).map((v) => ({ value: v, label: x(v) }))}
              onChange={(v) => setActive(v === 'all' ? undefined : v === 'serving')}
            />
            {can('property.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAppointing(true)} data-testid="instructor-appoint">
                {x('appoint')}
              </Button>
            )}
          </>
        }
      />
      <AppointModal open={appointing} onClose={() => setAppointing(false)} onSaved={() => list.reload()} />
    </Card>
  );
}

function AppointModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; unit?: string; nodeId: string; companyId?: string; appointedOn: Dayjs }>();
  const { run, error, saving, clearError } = useApiForm(form, ['name', 'unit', 'nodeId', 'companyId', 'appointedOn']);
  const companies = useData(
    (signal) =>
      open ? api.get<{ items: PropertyCompany[] }>('/property/companies', { limit: 200 }, { signal }) : Promise.resolve({ items: [] }),
    [open],
  );
  const x = (key: string) => looseT(t)(`property.instructors.${key}`);
  const close = () => {
    clearError();
    form.resetFields();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body = {
      name: v.name,
      unit: v.unit?.trim() || null,
      nodeId: v.nodeId,
      companyId: v.companyId ?? null,
      appointedOn: v.appointedOn.format('YYYY-MM-DD'),
    };
    const saved = await run(() => request('POST', '/property/instructors', { body }));
    if (saved) {
      onSaved();
      close();
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal open={open} title={x('appoint')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical" initialValues={{ appointedOn: dayjs() }}>
        <Form.Item name="name" label={x('name')} rules={required}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="unit" label={x('unit')}>
          <Input maxLength={100} placeholder={x('unitHint')} />
        </Form.Item>
        <Form.Item name="nodeId" label={x('place')} rules={required}>
          <TerritorySelect deepestKind="compound" selectableKinds={['community', 'compound']} placeholder={x('place')} />
        </Form.Item>
        <Form.Item name="companyId" label={t('property.company')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="appointedOn" label={x('appointedOn')} rules={required}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
