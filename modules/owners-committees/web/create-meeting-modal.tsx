import type { MeetingDetail } from '@linli/owners-committees/contract';
import { matterKinds, meetingKinds } from '@linli/owners-committees/vocabulary';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

interface Values {
  compoundId: string;
  kind: (typeof meetingKinds)[number];
  title?: string;
  placeText?: string;
  voteFrom: Dayjs;
  voteUntil: Dayjs;
  matters: { kind: (typeof matterKinds)[number]; title: string }[];
}

/** Prepares an owners' general meeting: compound, kind, voting period and the agenda of Art. 278 matters. */
export function CreateMeetingModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving, clearError } = useApiForm(form, [
    'compoundId',
    'kind',
    'title',
    'placeText',
    'voteFrom',
    'voteUntil',
    'matters',
  ]);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const created = await run(() =>
      api.post<MeetingDetail>('/owners-committees/meetings', {
        compoundId: v.compoundId,
        kind: v.kind,
        title: v.title || undefined,
        placeText: v.placeText || undefined,
        voteFrom: v.voteFrom.format('YYYY-MM-DD'),
        voteUntil: v.voteUntil.format('YYYY-MM-DD'),
        matters: v.matters,
      }),
    );
    if (created) {
      message.success(t('common.saved'));
      onCreated(created.id);
      close();
    }
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal
      open={open}
      title={t('ownersCommittees.meetings.create')}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        data-testid="om-create-form"
        initialValues={{ kind: 'regular', matters: [{ kind: 'property_company', title: '' }] }}
      >
        <Form.Item name="compoundId" label={t('ownersCommittees.compound')} rules={required}>
          <TerritorySelect selectableKinds={['compound']} deepestKind="compound" testId="om-create-compound" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('ownersCommittees.meetings.kind')}>
            <Select
              style={{ width: 180 }}
              options={meetingKinds.map((k) => ({ value: k, label: t(`ownersCommittees.meetings.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="voteFrom"
            label={t('ownersCommittees.meetings.voteFrom')}
            rules={required}
            extra={t('ownersCommittees.meetings.noticeHint')}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="voteUntil" label={t('ownersCommittees.meetings.voteUntil')} rules={required}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('ownersCommittees.meetings.meetingTitle')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="placeText" label={t('ownersCommittees.meetings.placeText')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.List name="matters">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'kind']} rules={required}>
                    <Select
                      style={{ width: 240 }}
                      options={matterKinds.map((k) => ({ value: k, label: t(`ownersCommittees.meetings.matterKinds.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={required}>
                    <Input style={{ width: 300 }} maxLength={200} placeholder={t('ownersCommittees.meetings.matterTitle')} />
                  </Form.Item>
                  {fields.length > 1 && <Button onClick={() => remove(f.name)}>−</Button>}
                </Space>
              ))}
              {fields.length < 20 && (
                <Button onClick={() => add({ kind: 'other_major', title: '' })} data-testid="om-add-matter">
                  {t('ownersCommittees.meetings.addMatter')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
