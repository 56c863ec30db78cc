import { ArrowLeftOutlined, EnvironmentOutlined, FilePdfOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { API_BASE, ApiError, api } from '@linli/web-kit/client';
import { useCurrentUser } from '@linli/web-kit/current-user';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Image,
  List,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  type Attachment,
  type DemandAction,
  type DemandDetail,
  type DemandFeatures,
  demandFeatures,
  demandsApi,
  type SimilarDemand,
} from './api.ts';
import { ActionModal } from './demand-action-form.tsx';
import { actionLabel, channelLabel, levelLabel, satisfactionLabel, typeLabel, urgencyLabel } from './demand-labels.ts';
import { DemandTimeline } from './demand-timeline.tsx';
import { DeadlineBadge, formatTime, StatusTag, useNow } from './demand-ui.tsx';
import './print.css';

/** Actions that move the demand forward come first and stand out. */
const primary: DemandAction[] = ['accept', 'dispatch', 'start', 'resolve', 'close', 'decide_extension'];

export function Attachments({ items }: { items: Attachment[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Typography.Text type="secondary">{t('demands.detail.noPhotos')}</Typography.Text>;
  const url = (a: Attachment) => `${API_BASE}/demand-attachments/${a.id}`;
  const images = items.filter((a) => a.contentType.startsWith('image/'));
  const files = items.filter((a) => !a.contentType.startsWith('image/'));
  return (
    <Space orientation="vertical" data-testid="demand-attachments">
      <Image.PreviewGroup>
        <Space wrap>
          {images.map((a) => (
            <Image key={a.id} width={96} height={96} style={{ objectFit: 'cover' }} src={url(a)} alt={a.fileName} />
          ))}
        </Space>
      </Image.PreviewGroup>
      {files.map((a) => (
        <a key={a.id} href={url(a)} target="_blank" rel="noreferrer">
          <FilePdfOutlined /> {a.fileName}
        </a>
      ))}
    </Space>
  );
}

function SimilarList({ id, canMerge, onMerge }: { id: string; canMerge: boolean; onMerge: (target: SimilarDemand) => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<SimilarDemand[] | null>(null);
  useEffect(() => {
    demandsApi
      .similar(id)
      .then(setItems)
      .catch(() => setItems([]));
  }, [id]);
  if (items === null) return <Spin size="small" />;
  if (items.length === 0) return <Typography.Text type="secondary">{t('demands.detail.noSimilar')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={items}
      data-testid="similar-demands"
      renderItem={(s) => (
        <List.Item
          actions={[
            <StatusTag key="status" status={s.status} />,
            canMerge && s.suggestion === 'merge' && (
              <Button key="merge" size="small" onClick={() => onMerge(s)} data-testid={`merge-into-${s.number}`}>
                {t('demands.detail.mergeInto')}
              </Button>
            ),
          ].filter(Boolean)}
        >
          <Space orientation="vertical" size={0}>
            <Link to={`/demands/${s.id}`}>
              {s.number} {s.title}
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(s.submittedAt)} {s.categoryName ?? ''} {s.matchedBy ? t(`demands.detail.matchedBy.${s.matchedBy}`) : ''}
              {s.suggestion === 'merge' && (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  {t('demands.detail.likelyDuplicate')}
                </Tag>
              )}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/**
 * The reporter's masked name and phone; for a callback, holders of people.pii may reveal them
 * (the server checks the place and audits every attempt).
 */
function ReporterContact({ detail }: { detail: DemandDetail }) {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const [revealed, setRevealed] = useState<{ name: string | null; phone: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reveal = async () => {
    try {
      setRevealed(await api.post<{ name: string | null; phone: string | null }>(`/demands/${detail.id}/reveal-contact`));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const shown = revealed ?? { name: detail.reporterName, phone: detail.reporterPhone };
  return (
    <Space wrap size={4}>
      <span data-testid="demand-reporter">
        {shown.name ?? ''} {shown.phone ?? ''}
      </span>
      {!revealed && detail.reporterPhone && can('people.pii') && (
        <Button size="small" type="link" className="no-print" onClick={() => void reveal()} data-testid="reveal-contact">
          {t('demands.detail.reveal')}
        </Button>
      )}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}

/** One demand for staff: facts, place, photos, timeline, similar demands and the actions the caller may take; printable. */
export default function DemandDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Back returns to the inbox as it was (tab, filters); a detail opened directly goes to the inbox.
  const location = useLocation();
  const [detail, setDetail] = useState<DemandDetail | null | undefined>(undefined);
  const [features, setFeatures] = useState<DemandFeatures | null>(null);
  const [action, setAction] = useState<DemandAction | null>(null);
  const [mergeTarget, setMergeTarget] = useState<SimilarDemand | null>(null);
  const now = useNow();

  const [loadError, setLoadError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setDetail(await demandsApi.detail(id));
      setLoadError(null);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setDetail(null);
      else setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, [id]);

  useEffect(() => {
    setDetail(undefined);
    void load();
    void demandFeatures().then(setFeatures);
  }, [load]);

  if (detail === undefined && loadError) {
    return (
      <Result
        status="warning"
        title={loadError}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            {t('demands.detail.reload')}
          </Button>
        }
      />
    );
  }
  if (detail === undefined) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (detail === null) return <Result status="404" title="404" subTitle={t('demands.detail.notFound')} />;

  const actions = [...detail.allowedActions].sort((a, b) => Number(primary.includes(b)) - Number(primary.includes(a)));

  return (
    <div className="demand-print" data-testid="demand-detail">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Space wrap>
          <Button
            className="no-print"
            icon={<ArrowLeftOutlined />}
            onClick={() => (location.key === 'default' ? navigate('/demands') : navigate(-1))}
          >
            {t('common.back')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="demand-title">
            {detail.number} {detail.title}
          </Typography.Title>
          <StatusTag status={detail.status} testId="demand-status" />
          <DeadlineBadge demand={detail} now={now} />
          {detail.supervised && <Tag color="volcano">{t('demands.fields.supervised')}</Tag>}
          {detail.staffOnly && <Tag data-testid="demand-staff-only">{t('demands.mobile.staffOnly')}</Tag>}
        </Space>
        <Space className="no-print" wrap>
          <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label={t('demands.detail.reload')} />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="demand-print">
            {t('demands.detail.print')}
          </Button>
        </Space>
      </Flex>

      {loadError && <Alert type="warning" showIcon title={loadError} style={{ marginBottom: 16 }} className="no-print" />}
      <Card size="small" className="no-print" style={{ marginBottom: 16 }} data-testid="demand-actions">
        {actions.length === 0 ? (
          <Typography.Text type="secondary">{t('demands.detail.noActions')}</Typography.Text>
        ) : (
          <Space wrap>
            {actions.map((a) => (
              <Button
                key={a}
                type={primary.includes(a) ? 'primary' : 'default'}
                danger={a === 'reject'}
                onClick={() => setAction(a)}
                data-testid={`action-${a}`}
              >
                {actionLabel(a)}
              </Button>
            ))}
          </Space>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title={t('demands.detail.title')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={t('demands.fields.category')}>{detail.categoryName}</Descriptions.Item>
              <Descriptions.Item label={t('demands.fields.type')}>{typeLabel(detail.type)}</Descriptions.Item>
              <Descriptions.Item label={t('demands.fields.channel')}>{channelLabel(detail.channel)}</Descriptions.Item>
              <Descriptions.Item label={t('demands.fields.urgency')}>{urgencyLabel(detail.urgency)}</Descriptions.Item>
              <Descriptions.Item label={t('demands.fields.level')}>{levelLabel(detail.level)}</Descriptions.Item>
              <Descriptions.Item label={t('demands.fields.handlingUnit')}>
                <span data-testid="demand-unit">{detail.handlingUnit?.name ?? ''}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('demands.fields.firstReceiver')}>{detail.firstReceiver?.name ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('demands.fields.reporter')}>
                <ReporterContact detail={detail} />
              </Descriptions.Item>
              <Descriptions.Item label={t('demands.fields.submittedAt')}>{formatTime(detail.submittedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('demands.fields.responseDueAt')}>{formatTime(detail.responseDueAt)}</Descriptions.Item>
              <Descriptions.Item label={t('demands.fields.resolveDueAt')}>{formatTime(detail.resolveDueAt)}</Descriptions.Item>
              <Descriptions.Item label={t('demands.fields.resolvedAt')}>{formatTime(detail.resolvedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('demands.fields.location')} span={2}>
                <Space orientation="vertical" size={0}>
                  <Breadcrumb items={detail.locationPath.map((name) => ({ title: name }))} data-testid="demand-location" />
                  {detail.address && <Typography.Text>{detail.address}</Typography.Text>}
                  {detail.lat !== null && detail.lng !== null && (
                    <a
                      href={`https://uri.amap.com/marker?position=${detail.lng},${detail.lat}&coordinate=wgs84`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      <EnvironmentOutlined /> {detail.lat.toFixed(5)}, {detail.lng.toFixed(5)} · {t('demands.detail.openMap')}
                    </a>
                  )}
                </Space>
              </Descriptions.Item>
              {detail.satisfaction && (
                <Descriptions.Item label={t('demands.fields.satisfaction')}>{satisfactionLabel(detail.satisfaction)}</Descriptions.Item>
              )}
              {detail.extensionRequestedUntil && (
                <Descriptions.Item label={t('demands.fields.extension')}>
                  {formatTime(detail.extensionRequestedUntil)} {detail.extensionReason ?? ''}
                </Descriptions.Item>
              )}
              {detail.reopenCount > 0 && (
                <Descriptions.Item label={t('demands.fields.reopenCount')}>{detail.reopenCount}</Descriptions.Item>
              )}
              {detail.escalationCount > 0 && (
                <Descriptions.Item label={t('demands.fields.escalationCount')}>{detail.escalationCount}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card title={t('demands.fields.description')} size="small" style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="demand-description">
              {detail.description}
            </Typography.Paragraph>
            {detail.result && (
              <>
                <Typography.Text strong>{t('demands.fields.result')}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="demand-result">
                  {detail.result}
                </Typography.Paragraph>
              </>
            )}
            {detail.rejectReason && (
              <>
                <Typography.Text strong>{t('demands.fields.rejectReason')}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{detail.rejectReason}</Typography.Paragraph>
              </>
            )}
          </Card>
          {detail.attachments && (
            <Card title={t('demands.fields.photos')} size="small" style={{ marginBottom: 16 }}>
              <Attachments items={detail.attachments} />
            </Card>
          )}
          {features?.similar && (
            <Card title={t('demands.detail.similar')} size="small" className="no-print">
              <SimilarList
                id={detail.id}
                canMerge={detail.allowedActions.includes('merge')}
                onMerge={(target) => {
                  setMergeTarget(target);
                  setAction('merge');
                }}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('demands.detail.timeline')} size="small">
            {detail.timeline.length ? <DemandTimeline entries={detail.timeline} /> : <Empty />}
          </Card>
        </Col>
      </Row>
      <div className="print-only">{t('demands.detail.printedAt', { time: formatTime(new Date().toISOString()) })}</div>

      {action && (
        <ActionModal
          action={action}
          detail={detail}
          attachmentsEnabled={Boolean(features?.attachments)}
          mergeTarget={action === 'merge' ? mergeTarget : null}
          onClose={() => {
            setAction(null);
            setMergeTarget(null);
          }}
          onReload={load}
          onDone={() => {
            setAction(null);
            setMergeTarget(null);
            void load();
          }}
        />
      )}
    </div>
  );
}
