import type { MyEvaluation, RateBody } from '@linli/property-evaluation/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Button, Card, Dialog, ErrorBlock, List, Rate, SpinLoading, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Dimension, dimensions } from '../src/vocabulary.ts';

/** The resident rates their compound's property service in the open round (1–5 stars on six dimensions) and sees the last result. */
export default function MobileRate() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useData((signal) => api.get<MyEvaluation>('/me/property-evaluation', undefined, { signal }), []);
  const [stars, setStars] = useState<Partial<Record<Dimension, number>>>({});
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  if (loading && !data) return <SpinLoading style={{ margin: '40px auto' }} />;
  if (error) return <ErrorBlock status="default" description={error.message} />;
  if (!data?.compound) return <ErrorBlock status="empty" description={t('propertyEvaluation.mobile.notInCompound')} />;
  const complete = dimensions.every((d) => (stars[d] ?? 0) >= 1);
  const submit = async () => {
    if (!data.round || !complete) return;
    setSaving(true);
    try {
      await api.post('/me/property-evaluation', {
        roundId: data.round.id,
        ...(stars as Record<Dimension, number>),
        comment: comment.trim() || undefined,
      } satisfies RateBody);
      Toast.show({ icon: 'success', content: t('propertyEvaluation.mobile.done') });
      reload();
    } catch (e) {
      Dialog.alert({ content: e instanceof Error ? e.message : String(e) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <div data-testid="m-property-evaluation">
      <List header={t('propertyEvaluation.mobile.title')}>
        <List.Item extra={data.compound.name}>{t('propertyEvaluation.compound')}</List.Item>
        <List.Item extra={data.company?.name ?? t('propertyEvaluation.mobile.noCompany')}>
          {t('propertyEvaluation.mobile.company')}
        </List.Item>
      </List>
      {!data.round && <ErrorBlock status="empty" title="" description={t('propertyEvaluation.mobile.noRound')} />}
      {data.round && data.myRating && (
        <Card title={t('propertyEvaluation.mobile.rated')} style={{ margin: 12 }} data-testid="m-rated">
          {dimensions.map((d) => (
            <div key={d} style={{ display: 'flex', justifyContent: 'space-between', padding: '4px 0' }}>
              <span>{t(`propertyEvaluation.dimensions.${d}`)}</span>
              <Rate readOnly value={data.myRating?.[d] ?? 0} style={{ '--star-size': '18px' }} />
            </div>
          ))}
        </Card>
      )}
      {data.round && !data.myRating && (
        <Card
          title={t('propertyEvaluation.mobile.roundOf', { period: data.round.period, closesOn: data.round.closesOn })}
          style={{ margin: 12 }}
          data-testid="m-rate-form"
        >
          {dimensions.map((d) => (
            <div key={d} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '6px 0' }}>
              <span>{t(`propertyEvaluation.dimensions.${d}`)}</span>
              <Rate
                value={stars[d] ?? 0}
                onChange={(v) => setStars((s) => ({ ...s, [d]: v }))}
                style={{ '--star-size': '24px' }}
                data-testid={`m-rate-${d}`}
              />
            </div>
          ))}
          <TextArea
            placeholder={t('propertyEvaluation.mobile.comment')}
            value={comment}
            onChange={setComment}
            maxLength={500}
            showCount
            rows={3}
            style={{ marginTop: 8 }}
          />
          <Button
            block
            color="primary"
            disabled={!complete}
            loading={saving}
            onClick={submit}
            style={{ marginTop: 12 }}
            data-testid="m-rate-submit"
          >
            {t('propertyEvaluation.mobile.submit')}
          </Button>
        </Card>
      )}
      {data.lastResult && (
        <Card title={t('propertyEvaluation.mobile.lastResult')} style={{ margin: 12 }} data-testid="m-last-result">
          {t('propertyEvaluation.mobile.lastResultText', {
            period: data.lastResult.period,
            place: data.lastResult.placeName,
            score: data.lastResult.score ?? '—',
            rank: data.lastResult.rank,
            of: data.lastResult.of,
            ratings: data.lastResult.ratings,
          })}
        </Card>
      )}
    </div>
  );
}
