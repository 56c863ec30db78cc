import { PlusOutlined } from '@ant-design/icons';
import type { UrbanCasesItem } from '@linli/urban-cases/contract';
import { api } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { App, Button, Card, Form, Input, Modal } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The create dialog: a community in scope and a title. */
function CreateItemModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ communityId: string; title: string; note?: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['communityId', 'title', 'note']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const created = await run(() => api.post<UrbanCasesItem>('/urban-cases/items', { ...v, note: v.note || undefined }));
    if (created) {
      message.success(t('common.saved'));
      onCreated();
      close();
    }
  };
  return (
    <Modal open={open} title={t('urbanCases.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="urban-cases-form">
        <Form.Item name="communityId" label={t('urbanCases.community')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect selectableKinds={['community']} deepestKind="community" testId="urban-cases-community" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('urbanCases.itemTitle')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} showCount data-testid="urban-cases-title" />
        </Form.Item>
        <Form.Item name="note" label={t('urbanCases.note')}>
          <Input.TextArea maxLength={2000} showCount rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The list of items in the caller's scope: filter by community and title, sort, load more, export to Excel. */
export default function UrbanCasesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const filters = { communityId, q };
  const list = useCursorList<UrbanCasesItem>('/urban-cases/items', filters, 50, '-createdAt');
  const columns: ColumnsType<UrbanCasesItem> = [
    { title: t('urbanCases.itemTitle'), dataIndex: 'title', key: 'title', sorter: true },
    { title: t('urbanCases.community'), dataIndex: 'communityName', key: 'communityName' },
    { title: t('urbanCases.note'), dataIndex: 'note', key: 'note', ellipsis: true, responsive: ['lg'] },
    {
      title: t('urbanCases.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      width: 180,
      render: (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false }),
    },
  ];
  return (
    <Card title={t('urbanCases.title')}>
      <CursorTable<UrbanCasesItem>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/urban-cases/items"
        exportQuery={filters}
        exportName="urban-cases.xlsx"
        testId="urban-cases-table"
        toolbar={
          <>
            <TerritorySelect
              selectableKinds={['community']}
              deepestKind="community"
              allowClear
              placeholder={t('urbanCases.community')}
              style={{ width: 220 }}
              onChange={(v) => setCommunityId(v)}
            />
            <Input.Search
              allowClear
              placeholder={t('urbanCases.search')}
              style={{ width: 220 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
            {can('urbanCases.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="urban-cases-create">
                {t('urbanCases.create')}
              </Button>
            )}
          </>
        }
      />
      <CreateItemModal open={creating} onClose={() => setCreating(false)} onCreated={list.reload} />
    </Card>
  );
}
