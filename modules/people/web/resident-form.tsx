import { residentTags } from '@linli/people/vocabulary';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import type { Resident } from '@linli/web-kit/types';
import { App, DatePicker, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

const fields = ['householdId', 'name', 'gender', 'birthDate', 'relation', 'phone', 'idNumber', 'tags', 'isPartyMember', 'note'];
const relations = ['户主', '配偶', '子女', '父母', '孙子女', '兄弟姐妹', '其他'];

interface Values {
  householdId: string;
  name: string;
  gender?: 'male' | 'female' | null;
  birthDate?: Dayjs | null;
  relation?: string;
  phone?: string;
  idNumber?: string;
  tags?: string[];
  isPartyMember?: boolean;
  note?: string;
}

/**
 * Creates a resident in a household, or edits one. Phone and ID number are shown masked by the server,
 * so on edit they stay empty and are sent only when retyped.
 */
export function ResidentFormModal({
  open,
  resident,
  onClose,
  onSaved,
}: {
  open: boolean;
  resident?: Resident | null;
  onClose: () => void;
  onSaved: (resident: Resident) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving, clearError } = useApiForm(form, fields);
  const editing = Boolean(resident);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    clearError();
    if (resident) {
      form.setFieldsValue({
        householdId: resident.householdId,
        name: resident.name,
        gender: resident.gender as Values['gender'],
        birthDate: resident.birthDate ? dayjs(resident.birthDate) : null,
        relation: resident.relation ?? undefined,
        tags: resident.tags,
        isPartyMember: resident.isPartyMember,
        note: resident.note ?? undefined,
      });
    }
  }, [open, resident, form, clearError]);

  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);

    if (!v) return;
    const body: Record<string, unknown> = {
      householdId: v.householdId,
      name: v.name.trim(),
      gender: v.gender ?? null,
      birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null,
      relation: v.relation || null,
      tags: v.tags ?? [],
      isPartyMember: v.isPartyMember ?? false,
      note: v.note || null,
    };
    if (v.phone?.trim()) body.phone = v.phone.trim();
    else if (!editing) body.phone = null;
    if (v.idNumber?.trim()) body.idNumber = v.idNumber.trim().toUpperCase();
    else if (!editing) body.idNumber = null;
    const saved = await run(() =>
      resident ? api.patch<Resident>(`/people/residents/${resident.id}`, body) : api.post<Resident>('/people/residents', body),
    );
    if (saved) {
      message.success(t('common.saved'));
      onSaved(saved);
      onClose();
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? `${t('people.edit')} · ${resident?.name}` : t('people.create')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="resident-form" initialValues={{ isPartyMember: false, tags: [] }}>
        <Form.Item
          name="householdId"
          label={t('people.household')}
          extra={editing ? resident?.householdPath.join(' / ') : t('people.householdHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <TerritorySelect
            selectableKinds={['household']}
            placeholder={t('people.pickHousehold')}
            valueLabel={resident?.householdPath.join(' ')}
            testId="resident-household"
          />
        </Form.Item>
        <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} data-testid="resident-name" />
        </Form.Item>
        <Form.Item name="gender" label={t('people.gender')}>
          <Select
            allowClear
            data-testid="resident-gender"
            options={[
              { value: 'male', label: t('people.genders.male') },
              { value: 'female', label: t('people.genders.female') },
            ]}
          />
        </Form.Item>
        <Form.Item name="birthDate" label={t('people.birthDate')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} data-testid="resident-birth-date" />
        </Form.Item>
        <Form.Item name="relation" label={t('people.relation')}>
          <Select allowClear showSearch options={relations.map((r) => ({ value: r, label: r }))} data-testid="resident-relation" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('people.phone')}
          extra={editing && resident?.phone ? `${t('people.currentMasked')} ${resident.phone}` : undefined}
        >
          <Input maxLength={30} placeholder={editing ? t('people.keepUnchanged') : undefined} data-testid="resident-phone" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('people.idNumber')}
          extra={editing && resident?.idNumber ? `${t('people.currentMasked')} ${resident.idNumber}` : undefined}
        >
          <Input maxLength={30} placeholder={editing ? t('people.keepUnchanged') : undefined} data-testid="resident-id-number" />
        </Form.Item>
        <Form.Item name="tags" label={t('people.tags')}>
          <Select mode="tags" options={residentTags.map((x) => ({ value: x, label: x }))} data-testid="resident-tags" />
        </Form.Item>
        <Form.Item name="isPartyMember" label={t('people.isPartyMember')} valuePropName="checked">
          <Switch data-testid="resident-party-member" />
        </Form.Item>
        <Form.Item name="note" label={t('people.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        <Typography.Text type="secondary">{t('people.piiHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
