import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CategorySetting,
  type CreateCategoryInput,
  categorySettingsApi,
  type Department,
  type HandlingLevel,
  handlingLevels,
  isStaleCategory,
  type UpdateCategoryInput,
} from '../api.ts';
import { levelLabel } from '../demand-labels.ts';

/** What the modal does: add a category under `parent` (a top-level one without), or edit `category`. */
export type CategoryFormMode = { kind: 'create'; parent: CategorySetting | null } | { kind: 'edit'; category: CategorySetting };

interface Values {
  code: string;
  name: string;
  defaultLevel: HandlingLevel;
  defaultDepartmentId?: string | null;
  active: boolean;
  isPublic: boolean;
}

const CODE = /^[a-z][a-z0-9_]{0,39}$/;
const FIELDS = ['code', 'name', 'defaultLevel', 'defaultDepartmentId', 'active', 'isPublic', 'parentId'];

/**
 * Add or edit a category; the server's field errors (409 duplicate code or name, 400/422) land on the fields.
 * An edit sends the version it was opened with; when someone else saved the category since, `onStale`.
 */
export function CategoryForm({
  mode,
  departments,
  onClose,
  onSaved,
  onStale,
}: {
  mode: CategoryFormMode;
  departments: Department[];
  onClose: () => void;
  onSaved: (category: CategorySetting) => void;
  onStale: (category: CategorySetting) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving } = useApiForm(form, FIELDS);
  const level = Form.useWatch('defaultLevel', form);
  const editing = mode.kind === 'edit' ? mode.category : null;

  useEffect(() => {
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        name: editing.name,
        defaultLevel: editing.defaultLevel,
        defaultDepartmentId: editing.defaultDepartmentId,
        active: editing.active,
        isPublic: editing.isPublic,
      });
    } else {
      const parent = mode.kind === 'create' ? mode.parent : null;
      form.setFieldsValue({
        defaultLevel: parent?.defaultLevel ?? 'community',
        defaultDepartmentId: parent?.defaultDepartmentId ?? null,
        active: true,
      });
    }
  }, [form, mode, editing]);

  const submit = async (values: Values) => {
    const departmentId = values.defaultLevel === 'department' ? (values.defaultDepartmentId ?? null) : null;
    let stale = false;
    const saved = await run(async () => {
      if (!editing) {
        const body: CreateCategoryInput = {
          code: values.code.trim(),
          name: values.name.trim(),
          defaultLevel: values.defaultLevel,
          ...(mode.kind === 'create' && mode.parent ? { parentId: mode.parent.id } : {}),
          ...(departmentId ? { defaultDepartmentId: departmentId } : {}),
        };
        return categorySettingsApi.create(body);
      }
      // Only what changed, so the audit trail names the fields that were edited.
      const body: UpdateCategoryInput = {};
      if (values.name.trim() !== editing.name) body.name = values.name.trim();
      if (values.defaultLevel !== editing.defaultLevel) body.defaultLevel = values.defaultLevel;
      if (departmentId !== editing.defaultDepartmentId) body.defaultDepartmentId = departmentId;
      if (values.active !== editing.active) body.active = values.active;
      if (values.isPublic !== editing.isPublic) body.isPublic = values.isPublic;
      if (Object.keys(body).length === 0) return { ...editing };
      try {
        return await categorySettingsApi.update(editing.id, { ...body, version: editing.version });
      } catch (e) {
        if (!isStaleCategory(e)) throw e;
        stale = true;
        return undefined;
      }
    });
    if (stale && editing) onStale(editing);
    else if (saved) {
      message.success(t('demandSettings.form.saved'));
      onSaved(saved);
    }
  };

  const title = editing
    ? t('demandSettings.form.editTitle', { name: editing.name })
    : mode.kind === 'create' && mode.parent
      ? t('demandSettings.form.createChildTitle', { parent: mode.parent.name })
      : t('demandSettings.form.createTitle');

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('demandSettings.form.save')}
      cancelText={t('demandSettings.form.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'category-submit' }}
      cancelButtonProps={{ 'data-testid': 'category-cancel' }}
      destroyOnHidden
    >
      <div data-testid="category-form">
        <FormError error={error} />
        <Form form={form} layout="vertical" onFinish={submit} requiredMark>
          {!editing && (
            <Form.Item
              name="code"
              label={t('demandSettings.form.code')}
              extra={t('demandSettings.form.codeHelp')}
              rules={[{ required: true }, { pattern: CODE, message: t('demandSettings.form.codePattern') }]}
            >
              <Input data-testid="category-code" maxLength={40} autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="name" label={t('demandSettings.form.name')} rules={[{ required: true, whitespace: true }, { max: 30 }]}>
            <Input data-testid="category-name" maxLength={30} autoComplete="off" />
          </Form.Item>
          <Form.Item name="defaultLevel" label={t('demandSettings.form.level')} rules={[{ required: true }]}>
            <Select data-testid="category-level" options={handlingLevels.map((l) => ({ value: l, label: levelLabel(l) }))} />
          </Form.Item>
          {level === 'department' && (
            <Form.Item
              name="defaultDepartmentId"
              label={t('demandSettings.form.department')}
              rules={[{ required: true, message: t('demandSettings.form.departmentRequired') }]}
            >
              <Select
                data-testid="category-department"
                showSearch={{ optionFilterProp: 'label' }}
                options={departments.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          )}
          {editing ? (
            <Form.Item
              name="active"
              label={t('demandSettings.form.active')}
              valuePropName="checked"
              extra={t('demandSettings.form.activeHelp')}
            >
              <Switch data-testid="category-active" />
            </Form.Item>
          ) : null}
          {editing ? (
            <Form.Item
              name="isPublic"
              label={t('demandSettings.form.isPublic')}
              valuePropName="checked"
              extra={t('demandSettings.form.isPublicHelp')}
            >
              <Switch data-testid="category-public" />
            </Form.Item>
          ) : (
            <Alert type="info" showIcon title={t('demandSettings.form.deadlinesHint')} />
          )}
        </Form>
      </div>
    </Modal>
  );
}
