import { UploadOutlined } from '@ant-design/icons';
import type { InspectionDetail } from '@linli/property-evaluation/contract';
import { api, apiUrl } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Descriptions, Drawer, Empty, Image, Space, Table, Tag, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

/** One inspection: where, who, the company, every item's result, its photos (staff add more). */
export function InspectionDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const detail = useData(
    (signal) => (id ? api.get<InspectionDetail>(`/property-evaluation/inspections/${id}`, undefined, { signal }) : Promise.resolve(null)),
    [id],
  );
  const item = detail.data ?? null;
  const upload = async (file: File) => {
    try {
      const body = new FormData();
      body.append('file', file);
      await api.post(`/property-evaluation/inspections/${id}/photos`, body);
      message.success(t('common.saved'));
      void detail.reload();
      onChanged();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Drawer open={id !== null} onClose={onClose} width={640} title={t('propertyEvaluation.inspections.detail')} destroyOnHidden>
      {item && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="inspection-drawer">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('propertyEvaluation.inspections.compound')}>{item.compoundName}</Descriptions.Item>
            <Descriptions.Item label={t('propertyEvaluation.inspections.inspectedOn')}>{item.inspectedOn}</Descriptions.Item>
            <Descriptions.Item label={t('propertyEvaluation.inspections.company')}>
              {item.companyName ?? t('propertyEvaluation.noCompany')}
            </Descriptions.Item>
            <Descriptions.Item label={t('propertyEvaluation.inspections.inspector')}>{item.inspectorName}</Descriptions.Item>
            <Descriptions.Item label={t('propertyEvaluation.inspections.passRate')}>
              {`${Math.round(item.passRate * 1000) / 10}%（${item.passed}/${item.items}）`}
            </Descriptions.Item>
            <Descriptions.Item label={t('propertyEvaluation.inspections.note')}>{item.note ?? ''}</Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="itemId"
            size="small"
            pagination={false}
            dataSource={item.results}
            columns={[
              { title: t('propertyEvaluation.inspections.items'), dataIndex: 'label', key: 'label' },
              {
                title: t('propertyEvaluation.inspections.passRate'),
                dataIndex: 'passed',
                key: 'passed',
                width: 100,
                render: (v: boolean) => (
                  <Tag color={v ? 'green' : 'red'}>
                    {v ? t('propertyEvaluation.inspections.pass') : t('propertyEvaluation.inspections.fail')}
                  </Tag>
                ),
              },
              { title: t('propertyEvaluation.inspections.itemNote'), dataIndex: 'note', key: 'note' },
            ]}
          />
          <Space wrap data-testid="inspection-photos">
            {item.photoList.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('propertyEvaluation.inspections.noPhotos')} />
            )}
            <Image.PreviewGroup>
              {item.photoList.map((p) => (
                <Image
                  key={p.id}
                  width={120}
                  height={90}
                  style={{ objectFit: 'cover' }}
                  src={apiUrl(`/property-evaluation/inspections/${item.id}/photos/${p.id}`)}
                  alt={p.fileName}
                />
              ))}
            </Image.PreviewGroup>
          </Space>
          {can('propertyEvaluation.write') && (
            <Upload
              accept="image/jpeg,image/png,image/webp"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="inspection-upload">
                {t('propertyEvaluation.inspections.upload')}
              </Button>
            </Upload>
          )}
        </Space>
      )}
    </Drawer>
  );
}
