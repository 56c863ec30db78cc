import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { kindLabel } from '@linli/web-kit/labels';
import type { MergeResult, NodeDetail, Page, TerritoryNode } from '@linli/web-kit/types';
import type { ButtonProps } from 'antd';
import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Merges a node into another of the same kind (two entries for one real place). The second step says
 * what moves — children, residents, grants, party organisations, grids, organisations — and that the
 * node is removed; the server refuses children with clashing names.
 */
export function MergeNodeModal({
  node,
  onClose,
  onMerged,
}: {
  node: NodeDetail | null;
  onClose: () => void;
  onMerged: (into: TerritoryNode, moved: MergeResult['moved']) => void;
}) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<{ intoId: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['intoId']);
  const [target, setTarget] = useState<TerritoryNode | undefined>();
  const [candidates, setCandidates] = useState<TerritoryNode[]>([]);

  // The usual target is a sibling (the same place entered twice under one parent); a name search finds others.
  const search = (q: string) => {
    if (!node) return;
    const query = q.trim() ? { q: q.trim(), kind: node.kind, limit: 30 } : { parentId: node.parentId, limit: 200, sort: 'name' };
    api
      .get<Page<TerritoryNode>>('/territory/nodes', { ...query, withCounts: false })
      .then((page) => setCandidates(page.items.filter((n) => n.kind === node.kind)))
      .catch(() => setCandidates([]));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: siblings when the dialog opens
  useEffect(() => {
    if (node) search('');
  }, [node?.id]);

  const close = () => {
    form.resetFields();
    clearError();
    setTarget(undefined);
    onClose();
  };

  const onOk = async () => {
    if (!node) return;
    const values = await form.validateFields().catch(() => undefined);

    if (!values) return;

    const { intoId } = values;
    const targetName = target?.name ?? intoId;
    const c = node.counts;
    modal.confirm({
      title: t('territory.mergeConfirmTitle', { from: node.name, into: targetName }),
      width: 520,
      okText: t('territory.merge'),
      okButtonProps: { danger: true, 'data-testid': 'merge-confirm-ok' } as ButtonProps,
      content: (
        <div data-testid="merge-confirm">
          <Typography.Paragraph>
            {t('territory.mergeWhatMoves', {
              from: node.name,
              into: targetName,
              children: node.childCount,
              households: c.households,
              residents: c.residents,
            })}
          </Typography.Paragraph>
          <Typography.Paragraph>{t('territory.mergeAlsoMoves')}</Typography.Paragraph>
          <Alert type="warning" showIcon title={t('territory.mergeRemoved', { from: node.name })} />
        </div>
      ),
      onOk: async () => {
        const result = await run(() => api.post<MergeResult>(`/territory/nodes/${node.id}/merge`, { intoId }));
        if (result) {
          const m = result.moved;
          const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
          const references = m.references.map((r) => `${r.label[lang]} ${r.count}`).join(lang === 'en-US' ? ', ' : '、');
          message.success(t('territory.mergeDone', { children: m.children, references: references || '—' }), 6);
          onMerged(result.node, m);
          close();
        }
      },
    });
  };

  return (
    <Modal
      open={node !== null}
      title={node ? `${t('territory.merge')} · ${node.name}` : t('territory.merge')}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      okText={t('import.next')}
      destroyOnHidden
    >
      <FormError error={error} />
      <Typography.Paragraph type="secondary">{t('territory.mergeHint', { kind: node ? kindLabel(node.kind) : '' })}</Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="merge-form">
        <Form.Item name="intoId" label={t('territory.mergeInto')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            data-testid="merge-target"
            showSearch={{ filterOption: false, onSearch: search }}
            placeholder={t('territory.mergeSearch')}
            options={candidates
              .filter((c) => c.id !== node?.id)
              .map((c) => ({ value: c.id, label: `${c.name}${c.code ? ` · ${c.code}` : ''}` }))}
            onChange={(id: string) => setTarget(candidates.find((c) => c.id === id))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
