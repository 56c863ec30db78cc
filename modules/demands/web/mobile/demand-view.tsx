import { API_BASE, ApiError } from '@linli/web-kit/client';
import { Button, Card, Dialog, ErrorBlock, Image, List, Selector, SpinLoading, Steps, TextArea, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type DemandAction, type DemandDetail, demandsApi, type Satisfaction, satisfactions } from '../api.ts';
import { actionLabel, replyTemplates, satisfactionLabel, statusLabel } from '../demand-labels.ts';
import { MobileStatusTag } from './my-demands.tsx';

/**
 * Sends an action; a 409 (the demand moved on meanwhile) offers a reload and keeps what was typed.
 * Returns true when the action went through.
 */
function useAct(detail: DemandDetail | null, reload: () => Promise<void>) {
  const { t } = useTranslation();
  return useCallback(
    async (action: DemandAction, body: Record<string, unknown>): Promise<boolean> => {
      if (!detail) return false;
      try {
        await demandsApi.act(detail.id, action, { ...body, version: detail.version });
        Toast.show({ icon: 'success', content: t('demands.detail.done', { action: actionLabel(action) }) });
        await reload();
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          await Dialog.alert({ content: t('demands.detail.conflict'), confirmText: t('demands.detail.reload') });
          await reload();
        } else Dialog.alert({ content: e instanceof Error ? e.message : String(e) });
        return false;
      }
    },
    [detail, reload, t],
  );
}

function EvaluateCard({ act }: { act: (action: DemandAction, body: Record<string, unknown>) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [satisfaction, setSatisfaction] = useState<Satisfaction[]>([]);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  return (
    <Card title={t('demands.mobile.evaluateTitle')} data-testid="m-evaluate">
      <Selector
        columns={3}
        value={satisfaction}
        onChange={setSatisfaction}
        options={satisfactions.map((s) => ({ label: satisfactionLabel(s), value: s }))}
        data-testid="m-satisfaction"
      />
      <TextArea
        value={note}
        onChange={setNote}
        placeholder={replyTemplates('evaluate')[0] ?? t('demands.fields.note')}
        rows={2}
        maxLength={1000}
        style={{ marginTop: 12 }}
      />
      <Button
        block
        color="primary"
        disabled={satisfaction.length === 0}
        loading={saving}
        style={{ marginTop: 12 }}
        data-testid="m-evaluate-submit"
        onClick={async () => {
          setSaving(true);
          await act('evaluate', { satisfaction: satisfaction[0], note: note.trim() || undefined });
          setSaving(false);
        }}
      >
        {actionLabel('evaluate')}
      </Button>
    </Card>
  );
}

function ReopenCard({ act }: { act: (action: DemandAction, body: Record<string, unknown>) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  return (
    <Card title={t('demands.mobile.reopenTitle')} data-testid="m-reopen">
      <p style={{ color: '#888', fontSize: 13, marginTop: 0 }}>{t('demands.mobile.reopenHint')}</p>
      <TextArea
        value={reason}
        onChange={setReason}
        placeholder={t('demands.fields.reason')}
        rows={3}
        maxLength={1000}
        data-testid="m-reopen-reason"
      />
      <Button
        block
        color="warning"
        disabled={!reason.trim()}
        loading={saving}
        style={{ marginTop: 12 }}
        data-testid="m-reopen-submit"
        onClick={async () => {
          setSaving(true);
          await act('reopen', { reason: reason.trim() });
          setSaving(false);
        }}
      >
        {actionLabel('reopen')}
      </Button>
    </Card>
  );
}

/** A resident's demand: where it stands, the progress as a timeline of statuses, the result, and evaluate / reopen when allowed. */
export default function DemandView() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [detail, setDetail] = useState<DemandDetail | null | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      setDetail(await demandsApi.detail(id));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setDetail(null);
      else Toast.show({ icon: 'fail', content: e instanceof Error ? e.message : String(e) });
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  const act = useAct(detail ?? null, load);

  if (detail === undefined) {
    return (
      <div style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
        <SpinLoading />
      </div>
    );
  }
  if (detail === null) return <ErrorBlock status="empty" title={t('demands.detail.notFound')} description="" />;

  const images = (detail.attachments ?? []).filter((a) => a.contentType.startsWith('image/'));
  return (
    <div data-testid="m-demand-view" style={{ display: 'grid', gap: 12, padding: '12px 0' }}>
      <List header={detail.number}>
        <List.Item extra={<MobileStatusTag status={detail.status} />} data-testid="m-demand-title">
          {detail.title}
        </List.Item>
        <List.Item extra={detail.categoryName}>{t('demands.fields.category')}</List.Item>
        <List.Item extra={[...detail.locationPath.slice(-3), detail.address].filter(Boolean).join(' ')}>
          {t('demands.fields.location')}
        </List.Item>
        <List.Item extra={dayjs(detail.submittedAt).format('YYYY-MM-DD HH:mm')}>{t('demands.fields.submittedAt')}</List.Item>
        {detail.handlingUnit && <List.Item extra={detail.handlingUnit.name}>{t('demands.fields.handlingUnit')}</List.Item>}
        {detail.satisfaction && <List.Item extra={satisfactionLabel(detail.satisfaction)}>{t('demands.fields.satisfaction')}</List.Item>}
        <List.Item description={<span style={{ whiteSpace: 'pre-wrap' }}>{detail.description}</span>}>
          {t('demands.fields.description')}
        </List.Item>
        {detail.result && (
          <List.Item
            description={
              <span style={{ whiteSpace: 'pre-wrap' }} data-testid="m-demand-result">
                {detail.result}
              </span>
            }
          >
            {t('demands.fields.result')}
          </List.Item>
        )}
        {detail.rejectReason && <List.Item description={detail.rejectReason}>{t('demands.fields.rejectReason')}</List.Item>}
      </List>
      {images.length > 0 && (
        <Card title={t('demands.fields.photos')}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-testid="m-photos">
            {images.map((a) => (
              <Image key={a.id} src={`${API_BASE}/demand-attachments/${a.id}`} width={80} height={80} fit="cover" />
            ))}
          </div>
        </Card>
      )}
      {detail.allowedActions.includes('evaluate') && <EvaluateCard act={act} />}
      {detail.allowedActions.includes('reopen') && <ReopenCard act={act} />}
      <Card title={t('demands.mobile.progress')}>
        <Steps direction="vertical" current={detail.timeline.length - 1} data-testid="m-timeline">
          {[...detail.timeline].map((e) => (
            <Steps.Step
              key={e.seq}
              status="finish"
              // The status only when the step changed it: a callback or supervision keeps it, and
              // "回访 · 已办结" read as if the demand had been resolved again.
              title={e.fromStatus !== e.toStatus ? `${actionLabel(e.action)} · ${statusLabel(e.toStatus)}` : actionLabel(e.action)}
              description={
                <div>
                  <div>{dayjs(e.at).format('YYYY-MM-DD HH:mm')}</div>
                  {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
                </div>
              }
            />
          ))}
        </Steps>
      </Card>
    </div>
  );
}
