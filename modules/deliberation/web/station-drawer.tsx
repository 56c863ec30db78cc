import { DeleteOutlined, EditOutlined, QrcodeOutlined, UploadOutlined } from '@ant-design/icons';
import { api, apiUrl } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Collapse, Descriptions, Drawer, Empty, Image, Popconfirm, Space, Spin, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StationDetail, StationKind } from '../src/station-contract.ts';
import { describeSchedule, type StationScheduleRule, toRRule } from '../src/station-schedule.ts';
import { StationFormModal } from './station-form-modal.tsx';
import { StationRulesModal } from './station-rules-modal.tsx';
import { StationScheduleModal } from './station-schedule-modal.tsx';
import { levelColor, levelKey, openingRange, put } from './stations-api.ts';

/** One station: where it is, its schedule and next openings, its photos, and every version of its posted rules. */
export function StationDrawer({
  stationId,
  kinds,
  onClose,
  onChanged,
}: {
  stationId: string | null;
  kinds: StationKind[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en-US';
  const { message } = App.useApp();
  const can = useCan();
  const writable = can('deliberation.write');
  const [editing, setEditing] = useState<'station' | 'schedule' | 'rules' | null>(null);
  const detail = useData(
    (signal) => (stationId ? api.get<StationDetail>(`/deliberation/stations/${stationId}`, undefined, { signal }) : Promise.resolve(null)),
    [stationId],
  );
  const station = detail.data ?? null;
  useEffect(() => {
    if (detail.error) message.error(detail.error.message);
  }, [detail.error, message]);
  const changed = () => {
    void detail.reload();
    onChanged();
  };
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      message.success(t('common.saved'));
      changed();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const upload = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    await act(() => api.post(`/deliberation/stations/${stationId}/photos`, body));
  };
  return (
    <Drawer
      open={stationId !== null}
      onClose={onClose}
      title={station?.name ?? t('deliberationStations.title')}
      size="large"
      data-testid="station-detail"
      extra={
        station && (
          <Space>
            <Link to={`/deliberation/stations/${station.id}/poster`} target="_blank">
              <Button icon={<QrcodeOutlined />} data-testid="station-poster">
                {t('deliberationStations.poster')}
              </Button>
            </Link>
            {writable && (
              <Button icon={<EditOutlined />} onClick={() => setEditing('station')}>
                {t('deliberationStations.edit')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {!station ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('deliberationStations.kind')}>{station.kindName}</Descriptions.Item>
            <Descriptions.Item label={t('deliberationStations.level')}>
              <Tag color={levelColor[station.level]}>{t(levelKey[station.level])}</Tag>
              {!station.active && <Tag>{t('deliberationStations.inactive')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('deliberationStations.place')} span={2}>
              {station.place.slice(1).join(' / ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('deliberationStations.room')}>{station.room ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('deliberationStations.area')}>{station.areaM2 ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('deliberationStations.schedule')} span={2}>
              <Space direction="vertical" size={2}>
                <span data-testid="station-schedule">
                  {station.schedule
                    ? describeSchedule(station.schedule as StationScheduleRule, zh ? 'zh-CN' : 'en-US')
                    : t('deliberationStations.noSchedule')}
                  {station.schedule?.note ? `（${station.schedule.note}）` : ''}
                </span>
                {station.schedule && (
                  <Typography.Text type="secondary" copyable>
                    {toRRule(station.schedule as StationScheduleRule)}
                  </Typography.Text>
                )}
                {writable && (
                  <Space>
                    <Button size="small" onClick={() => setEditing('schedule')} data-testid="station-set-schedule">
                      {t('deliberationStations.setSchedule')}
                    </Button>
                    {station.schedule && (
                      <Button
                        size="small"
                        onClick={() => act(() => put(`/deliberation/stations/${station.id}/schedule`, { schedule: null }))}
                      >
                        {t('deliberationStations.clearSchedule')}
                      </Button>
                    )}
                  </Space>
                )}
              </Space>
            </Descriptions.Item>
            {station.openings.length > 0 && (
              <Descriptions.Item label={t('deliberationStations.openings')} span={2}>
                <Space direction="vertical" size={0} data-testid="station-openings">
                  {station.openings.map((o) => (
                    <span key={o.start}>{openingRange(o, zh)}</span>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>

          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('deliberationStations.photos')}
          </Typography.Title>
          <Space wrap>
            <Image.PreviewGroup>
              {station.photos.map((p) => (
                <div key={p.id} style={{ position: 'relative' }}>
                  <Image
                    width={120}
                    height={90}
                    style={{ objectFit: 'cover' }}
                    src={apiUrl(`/deliberation/stations/${station.id}/photos/${p.id}`)}
                    alt={p.fileName}
                  />
                  {writable && (
                    <Popconfirm
                      title={t('deliberationStations.removePhotoConfirm')}
                      onConfirm={() => act(() => api.delete(`/deliberation/stations/${station.id}/photos/${p.id}`))}
                    >
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        style={{ position: 'absolute', top: 4, right: 4 }}
                        aria-label={t('deliberationStations.removePhoto')}
                      />
                    </Popconfirm>
                  )}
                </div>
              ))}
            </Image.PreviewGroup>
            {writable && (
              <Upload
                accept="image/jpeg,image/png,image/webp"
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>{t('deliberationStations.addPhoto')}</Button>
              </Upload>
            )}
          </Space>

          <Space style={{ marginTop: 24, display: 'flex', justifyContent: 'space-between' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('deliberationStations.rules')}
            </Typography.Title>
            {writable && (
              <Button size="small" type="primary" onClick={() => setEditing('rules')} data-testid="station-publish-rules">
                {t('deliberationStations.publishRules')}
              </Button>
            )}
          </Space>
          {station.rules.length === 0 ? (
            <Empty description={t('deliberationStations.noRules')} />
          ) : (
            <Collapse
              style={{ marginTop: 8 }}
              defaultActiveKey={[String(station.rules[0]?.version)]}
              data-testid="station-rules"
              items={station.rules.map((r) => ({
                key: String(r.version),
                label: (
                  <Space>
                    {t('deliberationStations.version', { v: r.version })}
                    {r.current && <Tag color="red">{t('deliberationStations.current')}</Tag>}
                    <Typography.Text type="secondary">
                      {t('deliberationStations.publishedBy', {
                        name: r.publishedByName ?? '—',
                        at: new Date(r.publishedAt).toLocaleString('zh-CN', { hour12: false }),
                      })}
                    </Typography.Text>
                    {r.note && <Typography.Text type="secondary">· {r.note}</Typography.Text>}
                  </Space>
                ),
                children: (
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label={t('deliberationStations.scopeSummary')}>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{r.scopeSummary || '—'}</div>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('deliberationStations.procedure')}>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{r.procedure || '—'}</div>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('deliberationStations.meetingRules')}>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{r.meetingRules || '—'}</div>
                    </Descriptions.Item>
                  </Descriptions>
                ),
              }))}
            />
          )}
          <StationFormModal
            open={editing === 'station'}
            station={station}
            kinds={kinds}
            onClose={() => setEditing(null)}
            onSaved={changed}
          />
          <StationScheduleModal open={editing === 'schedule'} station={station} onClose={() => setEditing(null)} onSaved={changed} />
          <StationRulesModal open={editing === 'rules'} station={station} onClose={() => setEditing(null)} onSaved={changed} />
        </>
      )}
    </Drawer>
  );
}
