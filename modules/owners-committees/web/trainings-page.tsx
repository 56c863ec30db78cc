import { PlusOutlined } from '@ant-design/icons';
import type { Committee, CommitteeDetail, Training, TrainingDetail } from '@linli/owners-committees/contract';
import { api } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Card, Checkbox, DatePicker, Drawer, Form, Input, Modal, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Records a training batch: topic, date, place, the organising place. */
function CreateTrainingModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ nodeId: string; title: string; heldOn: Dayjs; placeText?: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['nodeId', 'title', 'heldOn', 'placeText']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const created = await run(() =>
      api.post<Training>('/owners-committees/trainings', {
        ...v,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        placeText: v.placeText || undefined,
      }),
    );
    if (created) {
      message.success(t('common.saved'));
      onCreated();
      close();
    }
  };
  return (
    <Modal open={open} title={t('ownersCommittees.trainings.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="oc-training-form">
        <Form.Item name="nodeId" label={t('ownersCommittees.trainings.node')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect deepestKind="compound" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('ownersCommittees.trainings.trainingTitle')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('ownersCommittees.trainings.heldOn')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="placeText" label={t('ownersCommittees.trainings.placeText')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A batch with its attendees; pick a committee under the batch's place and tick who attended. */
function TrainingDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const detail = useData(
    (signal) => (id ? api.get<TrainingDetail>(`/owners-committees/trainings/${id}`, undefined, { signal }) : Promise.resolve(undefined)),
    [id],
  );
  const batch = detail.data;
  const committees = useData(
    (signal) =>
      batch
        ? api.get<{ items: Committee[] }>('/owners-committees', { nodeId: batch.nodeId, status: 'active', limit: 500 }, { signal })
        : Promise.resolve(undefined),
    [batch?.nodeId],
  );
  const [committeeId, setCommitteeId] = useState<string | undefined>();
  const members = useData(
    (signal) =>
      committeeId ? api.get<CommitteeDetail>(`/owners-committees/${committeeId}`, undefined, { signal }) : Promise.resolve(undefined),
    [committeeId],
  );
  const [ticked, setTicked] = useState<string[]>([]);
  const record = async () => {
    try {
      await api.post(`/owners-committees/trainings/${id}/attendance`, { memberIds: ticked });
      message.success(t('common.saved'));
      setTicked([]);
      await detail.reload();
      onChanged();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Drawer open={id !== null} onClose={onClose} width={640} title={batch?.title} destroyOnHidden data-testid="oc-training-drawer">
      {batch && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>
            {batch.heldOn} · {batch.nodeName} · {batch.placeText}
          </div>
          <Table
            size="small"
            rowKey="memberId"
            dataSource={batch.attendeeList}
            pagination={false}
            title={() => t('ownersCommittees.trainings.attendance')}
            columns={[
              { title: t('ownersCommittees.name'), dataIndex: 'name' },
              { title: t('ownersCommittees.trainings.committee'), dataIndex: 'committeeName' },
              {
                title: t('ownersCommittees.elections.position'),
                dataIndex: 'position',
                render: (p: 'chair' | 'vice_chair' | 'member') => t(`ownersCommittees.positions.${p}`),
              },
            ]}
          />
          {can('ownersCommittees.write') && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Select
                showSearch
                optionFilterProp="label"
                placeholder={t('ownersCommittees.trainings.pickCommittee')}
                style={{ width: 320 }}
                onChange={(v: string) => {
                  setCommitteeId(v);
                  setTicked([]);
                }}
                options={(committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                data-testid="oc-training-committee"
              />
              {members.data && (
                <Checkbox.Group
                  value={ticked}
                  onChange={(v) => setTicked(v as string[])}
                  options={members.data.members
                    .filter((m) => !m.until)
                    .map((m) => ({ value: m.id, label: `${m.name}（${t(`ownersCommittees.positions.${m.position}`)}）` }))}
                />
              )}
              <Button type="primary" disabled={!ticked.length} onClick={record} data-testid="oc-training-record">
                {t('ownersCommittees.trainings.record')}
              </Button>
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}

/** Training batches of committee members, filter by place and topic, Excel; a row opens its attendance. */
export default function TrainingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const filters = { nodeId, q };
  const list = useCursorList<Training>('/owners-committees/trainings', filters, 50);
  const columns: ColumnsType<Training> = [
    { title: t('ownersCommittees.trainings.heldOn'), dataIndex: 'heldOn', width: 110 },
    {
      title: t('ownersCommittees.trainings.trainingTitle'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('ownersCommittees.trainings.node'), dataIndex: 'nodeName' },
    { title: t('ownersCommittees.trainings.placeText'), dataIndex: 'placeText', responsive: ['lg'] },
    { title: t('ownersCommittees.trainings.attendees'), dataIndex: 'attendees', width: 100 },
  ];
  return (
    <Card title={t('ownersCommittees.trainings.title')}>
      <CursorTable<Training>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/owners-committees/trainings"
        exportQuery={filters}
        exportName="业委会培训.xlsx"
        testId="oc-trainings"
        toolbar={
          <>
            <TerritorySelect
              deepestKind="compound"
              allowClear
              placeholder={t('ownersCommittees.place')}
              style={{ width: 200 }}
              onChange={(v) => setNodeId(v)}
            />
            <Input.Search allowClear style={{ width: 200 }} onSearch={(v) => setQ(v.trim() || undefined)} />
            {can('ownersCommittees.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="oc-training-create">
                {t('ownersCommittees.trainings.create')}
              </Button>
            )}
          </>
        }
      />
      <CreateTrainingModal open={creating} onClose={() => setCreating(false)} onCreated={list.reload} />
      <TrainingDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
    </Card>
  );
}
