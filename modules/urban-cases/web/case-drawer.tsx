import { UploadOutlined } from '@ant-design/icons';
import type { UrbanCaseDetail } from '@linli/urban-cases/contract';
import { type CasePhotoStage, caseUnits } from '@linli/urban-cases/vocabulary';
import { api, apiUrl } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { formatMinute } from '@linli/web-kit/format-time';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, Button, Descriptions, Drawer, Empty, Image, Space, Spin, Tag, Timeline, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadPhoto } from './api.ts';
import { AssignCaseModal, CloseCaseModal } from './case-modals.tsx';

export const statusColor = { reported: 'orange', assigned: 'blue', closed: 'green' } as const;

/** One case: where, what, how much, who enforces it, its timeline and the photos before and after the work. */
export function CaseDrawer({ caseId, onClose, onChanged }: { caseId: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const writable = can('urbanCases.write');
  const [dialog, setDialog] = useState<'assign' | 'close' | null>(null);
  const detail = useData(
    (signal) => (caseId ? api.get<UrbanCaseDetail>(`/urban-cases/cases/${caseId}`, undefined, { signal }) : Promise.resolve(null)),
    [caseId],
  );
  const item = detail.data ?? null;
  useEffect(() => {
    if (detail.error) message.error(detail.error.message);
  }, [detail.error, message]);
  const changed = () => {
    void detail.reload();
    onChanged();
  };
  const upload = async (file: File, stage: CasePhotoStage) => {
    try {
      await uploadPhoto(`/urban-cases/cases/${caseId}/photos`, file, { stage });
      message.success(t('common.saved'));
      changed();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const gallery = (stage: CasePhotoStage) => {
    const photos = (item?.photos ?? []).filter((p) => p.stage === stage);
    return (
      <Space wrap data-testid={`urban-case-photos-${stage}`}>
        {photos.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('urbanCases.noPhotos')} />}
        <Image.PreviewGroup>
          {photos.map((p) => (
            <Image
              key={p.id}
              width={120}
              height={90}
              style={{ objectFit: 'cover' }}
              src={apiUrl(`/urban-cases/cases/${item?.id}/photos/${p.id}`)}
              alt={p.fileName}
            />
          ))}
        </Image.PreviewGroup>
        {writable && item && item.status !== 'closed' && (
          <Upload
            accept="image/jpeg,image/png,image/webp"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file, stage);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid={`urban-case-upload-${stage}`}>
              {t(stage === 'before' ? 'urbanCases.addBefore' : 'urbanCases.addAfter')}
            </Button>
          </Upload>
        )}
      </Space>
    );
  };
  return (
    <Drawer
      open={caseId !== null}
      onClose={onClose}
      size="large"
      title={item ? `${t(`urbanCases.kinds.${item.kind}`)} · ${item.nodeName}` : t('urbanCases.title')}
      data-testid="urban-case-detail"
      extra={
        item &&
        writable && (
          <Space>
            {item.status === 'reported' && (
              <Button type="primary" onClick={() => setDialog('assign')} data-testid="urban-case-assign">
                {t('urbanCases.assign')}
              </Button>
            )}
            {item.status === 'assigned' && (
              <Button type="primary" onClick={() => setDialog('close')} data-testid="urban-case-close">
                {t('urbanCases.close')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {!item ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('urbanCases.status')}>
              <Tag color={statusColor[item.status]}>{t(`urbanCases.statuses.${item.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('urbanCases.source')}>{t(`urbanCases.sources.${item.source}`)}</Descriptions.Item>
            <Descriptions.Item label={t('urbanCases.community')}>{item.communityName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('urbanCases.place')}>{item.nodeName}</Descriptions.Item>
            <Descriptions.Item label={t('urbanCases.quantity')}>
              {item.quantity === null ? '—' : `${item.quantity} ${t(`urbanCases.units.${caseUnits[item.kind].unit}`)}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('urbanCases.department')}>{item.departmentName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('urbanCases.description')} span={2}>
              {item.description}
            </Descriptions.Item>
          </Descriptions>
          {item.status === 'assigned' && item.afterPhotos === 0 && (
            <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('urbanCases.closeNeedsPhoto')} />
          )}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('urbanCases.photosBefore')}
          </Typography.Title>
          {gallery('before')}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('urbanCases.photosAfter')}
          </Typography.Title>
          {gallery('after')}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('urbanCases.timeline')}
          </Typography.Title>
          <Timeline
            data-testid="urban-case-timeline"
            items={item.events.map((e) => ({
              key: e.id,
              content: (
                <>
                  <strong>{t(`urbanCases.actions.${e.action}`, { defaultValue: e.action })}</strong> {formatMinute(e.at)} ·{' '}
                  {e.actorName ?? t('urbanCases.resident')}
                  {e.note && <div>{e.note}</div>}
                </>
              ),
            }))}
          />
        </>
      )}
      <AssignCaseModal item={dialog === 'assign' ? item : null} onClose={() => setDialog(null)} onDone={changed} />
      <CloseCaseModal item={dialog === 'close' ? item : null} onClose={() => setDialog(null)} onDone={changed} />
    </Drawer>
  );
}
