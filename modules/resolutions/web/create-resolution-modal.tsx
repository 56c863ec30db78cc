import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { CreateResolutionBody, ResolutionDetail } from '@linli/resolutions/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import type { Page } from '@linli/web-kit/types';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** An adopted topic of the pool (the deliberation module's list), to record its resolution from. */
interface AdoptedTopic {
  id: string;
  number: string;
  title: string;
  nodeId: string;
  locationPath: string[];
}

interface FormValues {
  topicId?: string;
  nodeId: string;
  title: string;
  content?: string;
  decidedOn?: Dayjs;
  proposedRule?: string;
  tasks: { title: string; ownerKind: 'unit' | 'person'; ownerName: string; deadline: Dayjs; fundingNote?: string }[];
}

/** Records a resolution at a compound, community or subdistrict with its tasks (owner, deadline, funding). */
export function CreateResolutionModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { run, error, saving, clearError } = useApiForm(form, [
    'topicId',
    'nodeId',
    'title',
    'content',
    'decidedOn',
    'proposedRule',
    'tasks',
  ]);
  // The topics adopted in the pool (none for a caller who may not read it): picking one links the
  // resolution to it and fills in its place and title.
  const topics = useData(
    (signal) =>
      open
        ? api
            .get<Page<AdoptedTopic>>('/deliberation/topics', { status: 'adopted', limit: 200, sort: '-submittedAt' }, { signal })
            .catch(() => undefined)
        : Promise.resolve(undefined),
    [open],
  );
  const [topicPlace, setTopicPlace] = useState<string | undefined>();
  const pickTopic = (id?: string) => {
    const topic = topics.data?.items.find((x) => x.id === id);
    if (!topic) return;
    setTopicPlace(topic.locationPath.at(-1));
    form.setFieldsValue({
      nodeId: topic.nodeId,
      title: form.getFieldValue('title')?.trim() ? form.getFieldValue('title') : topic.title,
    });
  };
  const close = () => {
    setTopicPlace(undefined);
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body: CreateResolutionBody = {
      topicId: v.topicId || undefined,
      nodeId: v.nodeId,
      title: v.title,
      content: v.content || undefined,
      decidedOn: v.decidedOn?.format('YYYY-MM-DD'),
      proposedRule: v.proposedRule || undefined,
      tasks: v.tasks.map((task) => ({ ...task, deadline: task.deadline.format('YYYY-MM-DD'), fundingNote: task.fundingNote || undefined })),
    };
    const created = await run(() => api.post<ResolutionDetail>('/resolutions', body));
    if (created) {
      message.success(t('common.saved'));
      onCreated();
      close();
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal open={open} width={760} title={t('resolutions.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical" initialValues={{ tasks: [{ ownerKind: 'unit' }] }} data-testid="resolution-form">
        <Form.Item name="topicId" label={t('resolutions.fromTopic')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={topics.loading}
            options={topics.data?.items.map((x) => ({ value: x.id, label: `${x.number} ${x.title}` }))}
            onChange={pickTopic}
            data-testid="resolution-topic"
          />
        </Form.Item>
        <Form.Item name="nodeId" label={t('resolutions.place')} rules={required}>
          <TerritorySelect
            selectableKinds={['subdistrict', 'community', 'compound']}
            deepestKind="compound"
            testId="resolution-place"
            valueLabel={topicPlace}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('resolutions.resolutionTitle')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} data-testid="resolution-title" />
        </Form.Item>
        <Form.Item name="content" label={t('resolutions.content')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('resolutions.decidedOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="proposedRule" label={t('resolutions.proposedRule')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.List name="tasks">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item name={[field.name, 'title']} rules={required}>
                    <Input placeholder={t('resolutions.taskTitle')} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'ownerKind']} rules={required}>
                    <Select
                      style={{ width: 80 }}
                      options={(['unit', 'person'] as const).map((k) => ({ value: k, label: t(`resolutions.ownerKinds.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'ownerName']} rules={required}>
                    <Input placeholder={t('resolutions.owner')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'deadline']} rules={required}>
                    <DatePicker placeholder={t('resolutions.deadline')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'fundingNote']}>
                    <Input placeholder={t('resolutions.fundingNote')} style={{ width: 140 }} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} style={{ marginTop: 8 }} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ownerKind: 'unit' })}>
                {t('resolutions.addTask')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
