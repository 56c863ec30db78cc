import type { CouncilDetail } from '@linli/meetings/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

const kindOfLevel = { compound: 'compound', community: 'community', subdistrict: 'subdistrict', county: 'county' } as const;
type Level = keyof typeof kindOfLevel;

interface Values {
  level: Level;
  kind: 'council' | 'joint_meeting' | 'owners_meeting';
  nodeId: string;
  name: string;
  quorumPercent?: number;
  termStart?: Dayjs;
  termEnd?: Dayjs;
}

/** Sets up a council: its level, its place of that level, name, kind, quorum and term. */
export function CreateCouncilModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const level = Form.useWatch('level', form) ?? 'compound';
  const { run, error, saving, clearError } = useApiForm(form, ['level', 'kind', 'nodeId', 'name', 'quorumPercent', 'termStart', 'termEnd']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const created = await run(() =>
      api.post<CouncilDetail>('/councils', {
        level: v.level,
        kind: v.kind,
        nodeId: v.nodeId,
        name: v.name,
        quorumPercent: v.quorumPercent ?? undefined,
        termStart: v.termStart?.format('YYYY-MM-DD'),
        termEnd: v.termEnd?.format('YYYY-MM-DD'),
      }),
    );
    if (created) {
      message.success(t('common.saved'));
      onCreated(created.id);
      close();
    }
  };
  return (
    <Modal open={open} title={t('meetings.councils.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ level: 'compound', kind: 'council', quorumPercent: 51 }}
        data-testid="council-form"
      >
        <Form.Item name="level" label={t('meetings.councils.level')} rules={[{ required: true }]}>
          <Select
            onChange={() => form.setFieldValue('nodeId', undefined)}
            options={(Object.keys(kindOfLevel) as Level[]).map((l) => ({ value: l, label: t(`meetings.levels.${l}`) }))}
          />
        </Form.Item>
        <Form.Item name="nodeId" label={t('meetings.councils.place')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect key={level} selectableKinds={[kindOfLevel[level]]} deepestKind={kindOfLevel[level]} testId="council-place" />
        </Form.Item>
        <Form.Item name="kind" label={t('meetings.councils.kind')}>
          <Select
            options={(['council', 'joint_meeting', 'owners_meeting'] as const).map((k) => ({
              value: k,
              label: t(`meetings.councilKinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('meetings.councils.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={100} data-testid="council-name" />
        </Form.Item>
        <Form.Item name="quorumPercent" label={t('meetings.councils.quorumPercent')}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item label={t('meetings.councils.term')} style={{ marginBottom: 0 }}>
          <Form.Item name="termStart" style={{ display: 'inline-block', marginRight: 8 }}>
            <DatePicker placeholder={t('meetings.councils.termStart')} />
          </Form.Item>
          <Form.Item name="termEnd" style={{ display: 'inline-block' }}>
            <DatePicker placeholder={t('meetings.councils.termEnd')} />
          </Form.Item>
        </Form.Item>
      </Form>
    </Modal>
  );
}
