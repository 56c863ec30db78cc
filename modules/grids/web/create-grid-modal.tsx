import { gridLevels } from '@linli/grids/vocabulary';
import { api } from '@linli/web-kit/client';
import { BuildingPicker } from '@linli/web-kit/components/building-picker';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { gridLevelLabel } from '@linli/web-kit/labels';
import type { Grid, GridDetail, Page } from '@linli/web-kit/types';
import { useData } from '@linli/web-kit/use-data';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';

const gridFields = ['communityId', 'name', 'level', 'parentId', 'code', 'buildingIds'];

export function CreateGridModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (grid: GridDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    communityId: string;
    name: string;
    level: string;
    parentId?: string;
    code?: string;
    buildingIds?: string[];
  }>();
  const { run, error, saving, clearError } = useApiForm(form, gridFields);
  const communityId = Form.useWatch('communityId', form);
  const level = Form.useWatch('level', form);
  const parentChoices = useData(
    (signal) =>
      communityId && level === 'micro_grid'
        ? api
            .get<Page<Grid>>('/grids', { communityId, level: 'grid', limit: 200 }, { signal })
            .then((p) => p.items)
            .catch((): Grid[] => [])
        : Promise.resolve<Grid[]>([]),
    [communityId, level],
  );
  const parents = parentChoices.loading ? [] : (parentChoices.data ?? []);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);

    if (!v) return;
    const created = await run(() =>
      api.post<GridDetail>('/grids', {
        communityId: v.communityId,
        name: v.name.trim(),
        level: v.level,
        parentId: v.level === 'micro_grid' ? v.parentId : undefined,
        code: v.code || undefined,
        buildingIds: v.buildingIds ?? [],
      }),
    );
    if (created) {
      message.success(t('common.saved'));
      onCreated(created);
      close();
    }
  };
  return (
    <Modal open={open} title={t('grids.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden width={640}>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="grid-form" initialValues={{ level: 'grid', buildingIds: [] }}>
        <Form.Item name="communityId" label={t('grids.community')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect
            selectableKinds={['community']}
            deepestKind="community"
            testId="grid-community"
            onChange={(v) => form.setFieldsValue({ communityId: v, buildingIds: [], parentId: undefined })}
          />
        </Form.Item>
        <Form.Item name="level" label={t('grids.level')} rules={[{ required: true }]}>
          <Radio.Group options={gridLevels.map((l) => ({ value: l, label: gridLevelLabel(l) }))} />
        </Form.Item>
        {level === 'micro_grid' && (
          <Form.Item name="parentId" label={t('grids.parent')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={parents.map((g) => ({ value: g.id, label: g.name }))} data-testid="grid-parent" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('grids.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} data-testid="grid-name" />
        </Form.Item>
        <Form.Item name="code" label={t('common.code')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="buildingIds" label={t('grids.buildings')}>
          <BuildingPicker communityId={communityId} testId="grid-buildings-pick" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
