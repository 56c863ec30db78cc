import type { MyConversation, StatementsToVote, WrittenStatement } from '@linli/opinion-map/contract';
import { STATEMENT_MAX_LENGTH, type VoteChoice } from '@linli/opinion-map/vocabulary';
import { api, request } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Button, Card, DotLoading, ErrorBlock, Result, Space, TextArea, Toast } from 'antd-mobile';
import { type TouchEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

/** How far a swipe must go (px) to count: right agrees, left disagrees. */
const SWIPE = 80;

/**
 * One statement at a time, like a card to swipe: 同意 (right), 不同意 (left) or 跳过; then the next.
 * Below, the resident writes a statement of their own (moderated before others vote on it).
 */
export default function Vote() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [busy, setBusy] = useState(false);
  const [offset, setOffset] = useState(0);
  const [text, setText] = useState('');
  const start = useRef<number | null>(null);
  const conversation = useData(
    async (signal) =>
      (await api.get<{ items: MyConversation[] }>('/me/opinion-conversations', undefined, { signal })).items.find((c) => c.id === id),
    [id],
  );
  const next = useData(
    (signal) => api.get<StatementsToVote>(`/me/opinion-conversations/${id}/statements-to-vote`, { limit: 1 }, { signal }),
    [id],
  );
  const current = next.data?.items[0];

  const vote = async (value: VoteChoice) => {
    if (!current || busy) return;
    setBusy(true);
    try {
      await request('PUT', `/me/opinion-statements/${current.id}/vote`, { body: { value } });
      await next.reload();
    } catch (e) {
      Toast.show({ icon: 'fail', content: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
      setOffset(0);
    }
  };
  const onTouchStart = (e: TouchEvent) => {
    start.current = e.touches[0]?.clientX ?? null;
  };
  const onTouchMove = (e: TouchEvent) => {
    if (start.current !== null) setOffset((e.touches[0]?.clientX ?? start.current) - start.current);
  };
  const onTouchEnd = () => {
    start.current = null;
    if (offset > SWIPE) void vote('agree');
    else if (offset < -SWIPE) void vote('disagree');
    else setOffset(0);
  };
  const submit = async () => {
    try {
      await api.post<WrittenStatement>(`/me/opinion-conversations/${id}/statements`, { body: text });
      setText('');
      Toast.show({ icon: 'success', content: t('opinionMap.mobile.submitted') });
    } catch (e) {
      Toast.show({ icon: 'fail', content: e instanceof Error ? e.message : String(e) });
    }
  };

  if (next.error) return <ErrorBlock status="default" title={next.error.message} description="" />;
  if (!next.data || conversation.loading) return <DotLoading />;
  const open = conversation.data?.state === 'open';
  return (
    <div style={{ padding: 12 }} data-testid="m-opinion-vote">
      <h3 style={{ margin: '4px 0 8px' }}>{conversation.data?.title}</h3>
      {conversation.data?.description && <p style={{ color: '#666', marginTop: 0 }}>{conversation.data.description}</p>}
      <div style={{ color: '#999', fontSize: 13, marginBottom: 8 }} data-testid="m-opinion-progress">
        {t('opinionMap.mobile.progress', { voted: next.data.voted, remaining: next.data.remaining })}
      </div>
      {!open ? (
        <Result status="info" title={t('opinionMap.mobile.closed')} />
      ) : current ? (
        <>
          <div
            onTouchStart={onTouchStart}
            onTouchMove={onTouchMove}
            onTouchEnd={onTouchEnd}
            style={{
              transform: `translateX(${offset}px) rotate(${offset / 30}deg)`,
              transition: start.current === null ? 'transform 0.2s' : 'none',
            }}
          >
            <Card
              style={{
                minHeight: 160,
                fontSize: 18,
                lineHeight: 1.6,
                background: offset > SWIPE / 2 ? '#f6ffed' : offset < -SWIPE / 2 ? '#fff1f0' : undefined,
              }}
              data-testid="m-opinion-statement"
            >
              {current.body}
            </Card>
          </div>
          <Space block justify="between" style={{ marginTop: 16, '--gap': '8px' }}>
            <Button
              color="danger"
              fill="outline"
              size="large"
              disabled={busy}
              onClick={() => vote('disagree')}
              data-testid="m-opinion-disagree"
            >
              {t('opinionMap.mobile.disagree')}
            </Button>
            <Button size="large" disabled={busy} onClick={() => vote('pass')} data-testid="m-opinion-pass">
              {t('opinionMap.mobile.pass')}
            </Button>
            <Button color="success" size="large" disabled={busy} onClick={() => vote('agree')} data-testid="m-opinion-agree">
              {t('opinionMap.mobile.agree')}
            </Button>
          </Space>
        </>
      ) : (
        <Result status="success" title={t('opinionMap.mobile.done')} />
      )}
      <Button
        block
        color="primary"
        fill="outline"
        style={{ marginTop: 16 }}
        onClick={() => navigate(`/m/opinions/${id}/position`)}
        data-testid="m-opinion-position"
      >
        {t('opinionMap.mobile.position')}
      </Button>
      {open && (
        <Card title={t('opinionMap.mobile.write')} style={{ marginTop: 16 }}>
          <TextArea
            value={text}
            onChange={setText}
            maxLength={STATEMENT_MAX_LENGTH}
            showCount
            rows={3}
            placeholder={t('opinionMap.mobile.writePlaceholder')}
            data-testid="m-opinion-write"
          />
          <Button block color="primary" disabled={!text.trim()} onClick={submit} style={{ marginTop: 8 }} data-testid="m-opinion-submit">
            {t('opinionMap.mobile.submit')}
          </Button>
        </Card>
      )}
    </div>
  );
}
