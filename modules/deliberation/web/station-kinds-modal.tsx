import { api } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { type Data, useData } from '@linli/web-kit/use-data';
import { App, Button, Form, Input, InputNumber, Modal, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StationKind } from '../src/station-contract.ts';
import { put } from './stations-api.ts';

/** The county's list of station kinds, loaded once per page. */
export function useStationKinds(): Data<{ items: StationKind[] }> & { items: StationKind[] } {
  const data = useData((signal) => api.get<{ items: StationKind[] }>('/deliberation/station-kinds', undefined, { signal }), []);
  return { ...data, items: data.data?.items ?? [] };
}

/** The kinds list: rename, reorder, hide or show a kind, add one (county-wide keepers; others read it). */
export function StationKindsModal({
  open,
  onClose,
  kinds,
}: {
  open: boolean;
  onClose: () => void;
  kinds: ReturnType<typeof useStationKinds>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<{ code: string; name: string; sortOrder?: number }>();
  const save = async (body: { code: string; name: string; sortOrder?: number; active?: boolean }) => {
    try {
      await put('/deliberation/station-kinds', body);
      message.success(t('common.saved'));
      await kinds.reload();
      return true;
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  const writable = can('deliberation.write');
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('deliberationStations.kinds')} width={640} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('deliberationStations.kindsHint')}</Typography.Paragraph>
      <Table<StationKind>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={kinds.items}
        columns={[
          { title: t('deliberationStations.kindCode'), dataIndex: 'code', width: 120 },
          {
            title: t('deliberationStations.kindName'),
            dataIndex: 'name',
            render: (v: string, k) =>
              writable ? (
                <Typography.Text
                  editable={{ onChange: (name) => name.trim() && name !== v && void save({ code: k.code, name: name.trim() }) }}
                >
                  {v}
                </Typography.Text>
              ) : (
                v
              ),
          },
          { title: t('deliberationStations.kindStations'), dataIndex: 'stations', width: 90 },
          {
            title: t('deliberationStations.active'),
            dataIndex: 'active',
            width: 80,
            render: (v: boolean, k) => (
              <Switch
                size="small"
                checked={v}
                disabled={!writable}
                onChange={(active) => void save({ code: k.code, name: k.name, active })}
              />
            ),
          },
        ]}
      />
      {writable && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 16 }}
          onFinish={async (v) => {
            if (await save({ code: v.code.trim(), name: v.name.trim(), sortOrder: v.sortOrder })) form.resetFields();
          }}
        >
          <Form.Item name="code" rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/, message: 'a-z 0-9 _' }]}>
            <Input placeholder={t('deliberationStations.kindCode')} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input placeholder={t('deliberationStations.kindName')} maxLength={40} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="sortOrder">
            <InputNumber min={0} max={9999} placeholder="#" style={{ width: 80 }} />
          </Form.Item>
          <Space>
            <Button htmlType="submit" type="primary">
              {t('deliberationStations.addKind')}
            </Button>
          </Space>
        </Form>
      )}
    </Modal>
  );
}
