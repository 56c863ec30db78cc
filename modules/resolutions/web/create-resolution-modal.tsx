import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { CreateResolutionBody, ResolutionDetail } from '@linli/resolutions/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

interface FormValues {
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
  const { run, error, saving, clearError } = useApiForm(form, ['nodeId', 'title', 'content', 'decidedOn', 'proposedRule', 'tasks']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body: CreateResolutionBody = {
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
        <Form.Item name="nodeId" label={t('resolutions.place')} rules={required}>
          <TerritorySelect selectableKinds={['subdistrict', 'community', 'compound']} deepestKind="compound" testId="resolution-place" />
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
