import type { PublicNotices } from '@linli/resolutions/contract';
import { api } from '@linli/web-kit/client';
import { Button, Card, DotLoading, ErrorBlock, List, NavBar, Tag } from 'antd-mobile';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { label } from './labels.ts';

/**
 * A place's notices (一事一月一评一公示) as on its notice board, open without sign-in (a station's public
 * page links here): each resolution's progress and the committee's evaluation, the objection period,
 * the printable A4 notice; objections are made on the resident's phone after signing in.
 */
export default function PublicNoticesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tenantId, nodeId } = useParams();
  const [notices, setNotices] = useState<PublicNotices | null | undefined>();
  useEffect(() => {
    const controller = new AbortController();
    api
      .get<PublicNotices>(`/public/tenants/${tenantId}/places/${nodeId}/resolution-notices`, undefined, {
        signal: controller.signal,
        allow401: true,
      })
      .then(setNotices)
      .catch(() => setNotices(null));
    return () => controller.abort();
  }, [tenantId, nodeId]);
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }} data-testid="public-notices">
      <NavBar back={window.history.length > 1 ? '' : null} onBack={() => navigate(-1)}>
        {notices ? t('resolutions.public.titleOf', { place: notices.placeName }) : t('resolutions.notices.title')}
      </NavBar>
      {notices === undefined && (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <DotLoading />
        </div>
      )}
      {notices === null && <ErrorBlock status="empty" title={t('resolutions.public.notFound')} description="" />}
      {notices && notices.items.length === 0 && <ErrorBlock status="empty" title={t('resolutions.public.empty')} description="" />}
      {notices?.items.map((n) => (
        <Card
          key={n.id}
          title={`${n.nodeName} · ${n.month}`}
          extra={
            <Tag color={n.open ? 'success' : 'default'}>{n.open ? t('resolutions.notices.open') : t('resolutions.notices.closed')}</Tag>
          }
          style={{ margin: 12 }}
          data-testid="public-notice"
        >
          <List style={{ '--border-top': 'none' }}>
            {n.entries.map((e) => (
              <List.Item
                key={e.resolutionId}
                extra={`${e.progress}%`}
                description={
                  e.evaluation
                    ? `${t('resolutions.supervision.quality')}：${label('resolutions.supervision.qualities', e.evaluation.quality)} · ${t('resolutions.supervision.satisfaction')}：${label('resolutions.supervision.satisfactions', e.evaluation.satisfaction)}${e.evaluation.comment ? ` · ${e.evaluation.comment}` : ''}`
                    : t('resolutions.public.notEvaluated')
                }
              >
                {e.title}
              </List.Item>
            ))}
          </List>
          <div style={{ color: '#888', margin: '8px 0' }}>
            {t('resolutions.notices.objectionUntil')} {dayjs(n.objectionUntil).format('YYYY-MM-DD HH:mm')}
          </div>
          <a
            href={n.pdfUrl}
            target="_blank"
            rel="noopener"
            style={{ display: 'block', textDecoration: 'none' }}
            data-testid="public-notice-pdf"
          >
            <Button block fill="outline">
              {t('resolutions.notices.pdf')}
            </Button>
          </a>
          {n.open && (
            <Button
              block
              color="primary"
              style={{ marginTop: 8 }}
              onClick={() => navigate('/m/resolutions/notices')}
              data-testid="public-notice-object"
            >
              {t('resolutions.public.objectOnPhone')}
            </Button>
          )}
        </Card>
      ))}
    </div>
  );
}
