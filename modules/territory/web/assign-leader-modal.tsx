import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { ResidentSelect } from '@linli/web-kit/components/resident-select';
import { leaderRoleLabel } from '@linli/web-kit/labels';
import type { Leader, TerritoryNode } from '@linli/web-kit/types';
import { useData } from '@linli/web-kit/use-data';
import { App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { children } from './compound-children.ts';

/** Assigns a resident living there as 楼栋长 (a building picked) or 单元长 (an entrance picked too). */
export function AssignLeaderModal({
  open,
  compoundId,
  buildings,
  onClose,
  onAssigned,
}: {
  open: boolean;
  compoundId: string;
  buildings: TerritoryNode[];
  onClose: () => void;
  onAssigned: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ buildingId: string; entranceId?: string; residentId: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['nodeId', 'residentId', 'role']);
  const buildingId = Form.useWatch('buildingId', form);
  const entranceId = Form.useWatch('entranceId', form);
  const entranceChoices = useData(
    (signal) => (buildingId ? children(buildingId, signal).catch((): TerritoryNode[] => []) : Promise.resolve<TerritoryNode[]>([])),
    [buildingId],
  );
  const entrances = entranceChoices.loading ? [] : (entranceChoices.data ?? []);

  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const assign = async () => {
    const v = await form.validateFields().catch(() => undefined);

    if (!v) return;
    const nodeId = v.entranceId ?? v.buildingId;
    const created = await run(() =>
      api.post<Leader>('/people/leaders', { nodeId, residentId: v.residentId, role: v.entranceId ? 'entrance_leader' : 'building_leader' }),
    );
    if (created) {
      message.success(t('common.saved'));
      onAssigned();
      close();
    }
  };
  return (
    <Modal open={open} title={t('leaders.assign')} onOk={assign} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="leader-form">
        <Form.Item name="buildingId" label={t('compound.buildings')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            options={buildings.map((b) => ({ value: b.id, label: b.name }))}
            onChange={() => form.setFieldsValue({ entranceId: undefined })}
            data-testid="leader-building"
          />
        </Form.Item>
        <Form.Item name="entranceId" label={t('compound.entrances')} extra={t('leaders.entranceHint')}>
          <Select allowClear options={entrances.map((e) => ({ value: e.id, label: e.name }))} data-testid="leader-entrance" />
        </Form.Item>
        <Form.Item
          label={`${t('leaders.role')}：${leaderRoleLabel(entranceId ? 'entrance_leader' : 'building_leader')}`}
          name="residentId"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <ResidentSelect nodeId={entranceId ?? buildingId ?? compoundId} testId="leader-resident" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
