import { ApiError, api } from '@linli/web-kit/client';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { kindLabel } from '@linli/web-kit/labels';
import type { NodeKind, TerritoryNode } from '@linli/web-kit/types';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export const childKind: Partial<Record<NodeKind, NodeKind>> = {
  county: 'subdistrict',
  subdistrict: 'community',
  community: 'compound',
  compound: 'building',
  building: 'entrance',
  entrance: 'household',
};

const parentKind: Partial<Record<NodeKind, NodeKind>> = Object.fromEntries(
  Object.entries(childKind).map(([parent, child]) => [child, parent]),
) as Partial<Record<NodeKind, NodeKind>>;

interface NodeValues {
  name: string;
  code?: string;
  lat?: number;
  lng?: number;
}

/** Puts 400 field errors (`details: [{ field, reason }]`) on the form fields; other errors as a message. */
function useSubmit() {
  const { message } = App.useApp();
  return async (form: ReturnType<typeof Form.useForm>[0], run: () => Promise<void>) => {
    try {
      await run();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.detailList.length && e.detailList.every((d) => typeof d.field === 'string')) {
        form.setFields(e.detailList.map((d) => ({ name: String(d.field), errors: [String(d.reason)] })));
      } else {
        message.error(e instanceof Error ? e.message : String(e));
      }
      return false;
    }
  };
}

type Mode = { type: 'create'; parent: TerritoryNode } | { type: 'edit'; node: TerritoryNode } | { type: 'move'; node: TerritoryNode };

export function NodeFormModal({
  mode,
  onClose,
  onSaved,
}: {
  mode: Mode | null;
  onClose: () => void;
  onSaved: (node?: TerritoryNode) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const submit = useSubmit();

  if (!mode) return null;
  const title =
    mode.type === 'create'
      ? `${t('territory.createChild')}：${kindLabel(childKind[mode.parent.kind] ?? '')}`
      : mode.type === 'edit'
        ? t('territory.editNode')
        : t('territory.moveNode');
  const initial =
    mode.type === 'edit' ? { name: mode.node.name, code: mode.node.code ?? undefined, lat: mode.node.lat, lng: mode.node.lng } : {};

  const onOk = async () => {
    const values = (await form.validateFields()) as NodeValues & { parentId?: string };
    setSaving(true);
    const ok = await submit(form, async () => {
      if (mode.type === 'create') {
        const created = await api.post<TerritoryNode>('/territory/nodes', {
          parentId: mode.parent.id,
          kind: childKind[mode.parent.kind],
          name: values.name,
          code: values.code || undefined,
          lat: values.lat ?? undefined,
          lng: values.lng ?? undefined,
        });
        onSaved(created);
      } else if (mode.type === 'edit') {
        const updated = await api.patch<TerritoryNode>(`/territory/nodes/${mode.node.id}`, {
          name: values.name,
          code: values.code || null,
          lat: values.lat ?? null,
          lng: values.lng ?? null,
        });
        onSaved(updated);
      } else {
        const moved = await api.post<TerritoryNode>(`/territory/nodes/${mode.node.id}/move`, { parentId: values.parentId });
        onSaved(moved);
      }
    });
    setSaving(false);
    if (ok) {
      form.resetFields();
      onClose();
    }
  };

  const target = mode.type === 'move' ? parentKind[mode.node.kind] : undefined;
  return (
    <Modal
      open
      title={title}
      onOk={onOk}
      confirmLoading={saving}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="node-form">
        {mode.type === 'move' ? (
          <Form.Item name="parentId" label={t('territory.newParent')} rules={[{ required: true, message: t('common.required') }]}>
            <TerritorySelect selectableKinds={target ? [target] : undefined} deepestKind={target} testId="move-parent" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label={t('common.name')} rules={[{ required: true, message: t('common.required') }]}>
              <Input data-testid="node-name" />
            </Form.Item>
            <Form.Item name="code" label={t('common.code')}>
              <Input data-testid="node-code" />
            </Form.Item>
            <Form.Item name="lat" label={t('territory.lat')}>
              <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="lng" label={t('territory.lng')}>
              <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
export type NodeFormMode = Mode;
