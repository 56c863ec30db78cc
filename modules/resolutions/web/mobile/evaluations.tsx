import type { DueEvaluation, DueEvaluationList, EvaluateBody } from '@linli/resolutions/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Button, Dialog, ErrorBlock, List, Popup, Selector, Slider, SpinLoading, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { label } from '../labels.ts';

type Quality = EvaluateBody['quality'];
type Satisfaction = EvaluateBody['satisfaction'];

/** The month's evaluation of one resolution: progress, quality, residents' satisfaction and a comment, posted with the member's own seat. */
function EvaluateForm({ item, onDone }: { item: DueEvaluation; onDone: () => void }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState(item.progress);
  const [quality, setQuality] = useState<Quality[]>([]);
  const [satisfaction, setSatisfaction] = useState<Satisfaction[]>([]);
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!quality[0] || !satisfaction[0]) return;
    setSaving(true);
    try {
      await api.post(`/resolutions/${item.resolutionId}/evaluations`, {
        month: item.month,
        memberId: item.memberId,
        progress,
        quality: quality[0],
        satisfaction: satisfaction[0],
        comment: comment.trim() || undefined,
      } satisfies EvaluateBody);
      Toast.show({ icon: 'success', content: t('resolutions.mobile.evaluate.done') });
      onDone();
    } catch (e) {
      Dialog.alert({ content: e instanceof Error ? e.message : String(e) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <div style={{ padding: 16 }} data-testid="m-evaluate-form">
      <h3 style={{ margin: '0 0 4px' }}>{item.title}</h3>
      <div style={{ color: '#888', marginBottom: 12 }}>
        {t('resolutions.mobile.evaluate.monthOf', { month: item.month })} · {item.nodeName}
      </div>
      <div style={{ fontWeight: 500 }}>
        {t('resolutions.mobile.evaluate.progress')} {progress}%
      </div>
      <Slider min={0} max={100} step={5} value={progress} onChange={(v) => setProgress(v as number)} data-testid="m-evaluate-progress" />
      <div style={{ fontWeight: 500, margin: '12px 0 6px' }}>{t('resolutions.supervision.quality')}</div>
      <Selector
        columns={3}
        value={quality}
        onChange={(v) => setQuality(v as Quality[])}
        options={(['good', 'fair', 'poor'] as const).map((v) => ({ value: v, label: label('resolutions.supervision.qualities', v) }))}
        data-testid="m-evaluate-quality"
      />
      <div style={{ fontWeight: 500, margin: '12px 0 6px' }}>{t('resolutions.supervision.satisfaction')}</div>
      <Selector
        columns={3}
        value={satisfaction}
        onChange={(v) => setSatisfaction(v as Satisfaction[])}
        options={(['satisfied', 'basically_satisfied', 'dissatisfied'] as const).map((v) => ({
          value: v,
          label: label('resolutions.supervision.satisfactions', v),
        }))}
        data-testid="m-evaluate-satisfaction"
      />
      <div style={{ fontWeight: 500, margin: '12px 0 6px' }}>{t('resolutions.supervision.comment')}</div>
      <TextArea
        value={comment}
        onChange={setComment}
        maxLength={1000}
        rows={3}
        placeholder={t('resolutions.mobile.evaluate.commentHint')}
        style={{ background: '#f5f5f5', padding: 8, borderRadius: 4 }}
        data-testid="m-evaluate-comment"
      />
      <Button
        block
        color="primary"
        size="large"
        style={{ marginTop: 16 }}
        disabled={!quality[0] || !satisfaction[0]}
        loading={saving}
        onClick={submit}
        data-testid="m-evaluate-submit"
      >
        {t('resolutions.mobile.evaluate.submit')}
      </Button>
    </div>
  );
}

/**
 * 一事一月一评 on the phone: the evaluations the resident owes as a member of their compound's
 * supervision committee (this month's, and earlier months' still missing), each opening the form.
 * A resolution whose task the member owns is shown but not offered: the server refuses it.
 */
export default function Evaluations() {
  const { t } = useTranslation();
  const { data, error, reload } = useData((signal) => api.get<DueEvaluationList>('/me/evaluations-due', undefined, { signal }), []);
  const [open, setOpen] = useState<DueEvaluation | null>(null);
  if (error) return <ErrorBlock status="default" description={error.message} />;
  if (!data) return <SpinLoading style={{ margin: '40px auto' }} />;
  if (data.items.length === 0)
    return <ErrorBlock status="empty" title={t('resolutions.mobile.evaluate.empty')} description="" data-testid="m-evaluations" />;
  return (
    <div data-testid="m-evaluations">
      <div style={{ padding: '12px 12px 0', color: '#666' }}>
        {t('resolutions.mobile.evaluate.hint', { committee: data.items[0]?.committeeName ?? '' })}
      </div>
      <List header={t('resolutions.mobile.evaluate.title')}>
        {data.items.map((e) => {
          const done = e.evaluatedAt !== null;
          return (
            <List.Item
              key={`${e.resolutionId}-${e.month}`}
              data-testid={`m-evaluation-${e.title}`}
              description={
                <>
                  {e.month} · {t('resolutions.mobile.evaluate.dueOn', { date: e.dueOn })} · {t('resolutions.progress')} {e.progress}%
                  {e.ownsTask && !done && <div style={{ color: '#b26a00' }}>{t('resolutions.mobile.evaluate.ownsTask')}</div>}
                </>
              }
              extra={
                done ? (
                  <Tag color="success">{t('resolutions.mobile.evaluate.evaluated')}</Tag>
                ) : e.ownsTask ? (
                  <Tag color="default">{t('resolutions.mobile.evaluate.notYours')}</Tag>
                ) : (
                  <Button size="small" color="primary" onClick={() => setOpen(e)} data-testid="m-evaluate-open">
                    {t('resolutions.mobile.evaluate.action')}
                  </Button>
                )
              }
            >
              {e.title} {!done && e.state === 'late' && <Tag color="danger">{label('resolutions.supervision.states', 'late')}</Tag>}
            </List.Item>
          );
        })}
      </List>
      <Popup
        visible={open !== null}
        onMaskClick={() => setOpen(null)}
        onClose={() => setOpen(null)}
        destroyOnClose
        bodyStyle={{ borderTopLeftRadius: 8, borderTopRightRadius: 8, maxHeight: '90vh', overflowY: 'auto' }}
      >
        {open && (
          <EvaluateForm
            item={open}
            onDone={() => {
              setOpen(null);
              void reload();
            }}
          />
        )}
      </Popup>
    </div>
  );
}
