import { PlusOutlined } from '@ant-design/icons';
import type { ScenarioDetail, ScenarioStatus, ScenarioSummary } from '@linli/service-clusters/contract';
import { api } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { App, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { money, statusColor } from './format.ts';

const STATUSES: ScenarioStatus[] = ['draft', 'solving', 'solved', 'failed', 'adopted', 'superseded'];

/** The create dialog: a place (county, subdistrict or community) in scope and a name; the parameters start from the county defaults. */
function CreateScenarioModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ nodeId: string; name: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['nodeId', 'name']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const created = await run(() => api.post<ScenarioDetail>('/service-clusters/scenarios', v));
    if (created) navigate(`/service-clusters/${created.id}`);
  };
  return (
    <Modal open={open} title={t('serviceClusters.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="cluster-scenario-form">
        <Form.Item name="nodeId" label={t('serviceClusters.place')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect
            selectableKinds={['county', 'subdistrict', 'community']}
            deepestKind="community"
            testId="cluster-scenario-place"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('serviceClusters.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={100} data-testid="cluster-scenario-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The scenarios in the caller's scope: filter by place, status and name, sort, load more, Excel; tick some to compare. */
export default function ScenariosPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [status, setStatus] = useState<ScenarioStatus | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const filters = { nodeId, status, q };
  const list = useCursorList<ScenarioSummary>('/service-clusters/scenarios', filters, 50, '-createdAt');
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id].slice(-4) : p.filter((x) => x !== id)));
  const columns: ColumnsType<ScenarioSummary> = [
    {
      key: 'pick',
      width: 40,
      render: (_, s) => <Checkbox checked={picked.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />,
    },
    {
      title: t('serviceClusters.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      render: (v: string, s) => <Link to={`/service-clusters/${s.id}`}>{v}</Link>,
    },
    { title: t('serviceClusters.place'), dataIndex: 'nodeName', key: 'nodeName' },
    {
      title: t('serviceClusters.status'),
      dataIndex: 'status',
      key: 'status',
      render: (v: ScenarioStatus) => <Tag color={statusColor[v]}>{t(`serviceClusters.statuses.${v}`)}</Tag>,
    },
    { title: t('serviceClusters.compounds'), dataIndex: 'compoundCount', key: 'compoundCount', align: 'right' },
    { title: t('serviceClusters.clusters'), key: 'clusters', align: 'right', render: (_, s) => s.totals?.clusters ?? '—' },
    { title: t('serviceClusters.viable'), key: 'viable', align: 'right', render: (_, s) => s.totals?.viable ?? '—' },
    {
      title: t('serviceClusters.subsidy'),
      key: 'subsidy',
      align: 'right',
      render: (_, s) => (s.totals ? money(s.totals.subsidy) : '—'),
    },
    {
      title: t('serviceClusters.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      width: 180,
      render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }),
    },
  ];
  const compare = () => {
    if (picked.length < 2) {
      message.info(t('serviceClusters.compareHint'));
      return;
    }
    navigate(`/service-clusters/compare?ids=${picked.join(',')}`);
  };
  return (
    <Card title={t('serviceClusters.title')}>
      <CursorTable<ScenarioSummary>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/service-clusters/scenarios"
        exportQuery={filters}
        exportName="cluster-scenarios.xlsx"
        testId="cluster-scenarios-table"
        toolbar={
          <Space wrap>
            <TerritorySelect
              selectableKinds={['county', 'subdistrict', 'community']}
              deepestKind="community"
              allowClear
              placeholder={t('serviceClusters.place')}
              style={{ width: 220 }}
              onChange={(v) => setNodeId(v)}
            />
            <Select<ScenarioStatus>
              allowClear
              placeholder={t('serviceClusters.status')}
              style={{ width: 140 }}
              value={status}
              onChange={setStatus}
              options={STATUSES.map((s) => ({ value: s, label: t(`serviceClusters.statuses.${s}`) }))}
            />
            <Input.Search
              allowClear
              placeholder={t('serviceClusters.search')}
              style={{ width: 200 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
            <Button onClick={compare} disabled={picked.length < 2} data-testid="cluster-scenarios-compare">
              {t('serviceClusters.compare')}
              {picked.length > 0 ? ` (${picked.length})` : ''}
            </Button>
            {can('serviceClusters.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cluster-scenarios-create">
                {t('serviceClusters.create')}
              </Button>
            )}
          </Space>
        }
      />
      <CreateScenarioModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
