import type { CastResult, MyBallot } from '@linli/ballots/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Button, Card, Checkbox, ErrorBlock, List, NoticeBar, Radio, Space, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

/**
 * The receipt of a vote: 32 random bytes made on this phone and kept only here (localStorage), sent
 * with the vote and again with a retry or a change. The server keeps only its SHA-256, not who sent it.
 */
function receiptFor(ballotId: string, voterId: string): string {
  const key = `linli.ballot.${ballotId}.${voterId}`;
  const kept = localStorage.getItem(key);
  if (kept) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const made = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  localStorage.setItem(key, made);
  return made;
}

function VoteCard({ ballot, voter, onDone }: { ballot: MyBallot; voter: MyBallot['voters'][number]; onDone: () => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<number[]>([]);
  const [sending, setSending] = useState(false);
  const canVote = ballot.status === 'open' && (!voter.voted || (ballot.allowChange && !voter.changed));
  const send = async () => {
    setSending(true);
    try {
      await api.post<CastResult>(`/me/ballots/${ballot.id}/vote`, {
        options: chosen,
        receipt: receiptFor(ballot.id, voter.voterId),
        ...(voter.proxy ? { forVoterId: voter.voterId } : { householdId: voter.voterId }),
      });
      Toast.show({ icon: 'success', content: t('ballots.mobile.sent') });
      onDone();
    } catch (e) {
      Toast.show({ icon: 'fail', content: (e as Error).message });
    } finally {
      setSending(false);
    }
  };
  return (
    <Card
      title={voter.proxy ? t('ballots.mobile.proxyFor', { name: voter.name }) : `${t('ballots.mobile.own')} · ${voter.name}`}
      extra={
        <Tag color={voter.voted ? 'success' : 'warning'}>
          {t(voter.changed ? 'ballots.mobile.changed' : voter.voted ? 'ballots.mobile.voted' : 'ballots.mobile.notVoted')}
        </Tag>
      }
      style={{ margin: 12 }}
    >
      {canVote && (
        <Space direction="vertical" block>
          {ballot.maxChoices === 1 ? (
            <Radio.Group value={chosen[0]} onChange={(v) => setChosen(v === undefined ? [] : [Number(v)])}>
              <Space direction="vertical">
                {ballot.options.map((o) => (
                  <Radio key={o.id} value={o.id}>
                    {o.label}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          ) : (
            <Checkbox.Group value={chosen} onChange={(v) => setChosen((v as number[]).slice(0, ballot.maxChoices))}>
              <Space direction="vertical">
                {ballot.options.map((o) => (
                  <Checkbox key={o.id} value={o.id}>
                    {o.label}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          )}
          <div style={{ color: 'var(--adm-color-weak)', fontSize: 12 }} data-testid="m-ballot-hint">
            {ballot.maxChoices > 1 && `${t('ballots.mobile.upTo', { n: ballot.maxChoices })} · `}
            {t('ballots.mobile.blank')}
          </div>
          <Button block color="primary" loading={sending} onClick={send} data-testid="m-ballot-submit">
            {voter.voted ? t('ballots.mobile.change') : t('ballots.mobile.submit')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

/** One ballot for the resident: a card per vote they cast (own, proxies held); the result once closed. */
export default function BallotVote() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: b, error, reload } = useData((signal) => api.get<MyBallot>(`/me/ballots/${id}`, undefined, { signal }), [id]);
  if (error) return <ErrorBlock status="default" title={error.message} description="" />;
  if (!b) return null;
  return (
    <div data-testid="m-ballot">
      <List header={b.placeName}>
        <List.Item description={b.subjectTitle}>{b.title}</List.Item>
      </List>
      {b.status === 'open' && <NoticeBar content={t('ballots.mobile.receiptNote')} color="info" wrap />}
      {b.voters.map((v) => (
        <VoteCard key={v.voterId} ballot={b} voter={v} onDone={() => void reload()} />
      ))}
      {b.result ? (
        <List header={t('ballots.result')} data-testid="m-ballot-result">
          <List.Item>{t(b.result.quorumMet ? 'ballots.quorumMet' : 'ballots.quorumNotMet')}</List.Item>
          {b.result.options.map((o) => (
            <List.Item
              key={o.id}
              extra={<Tag color={o.passed ? 'success' : 'default'}>{t(o.passed ? 'ballots.passed' : 'ballots.notPassed')}</Tag>}
            >
              {o.label} · {o.voters}
            </List.Item>
          ))}
        </List>
      ) : (
        <NoticeBar content={t('ballots.mobile.resultHidden')} color="default" />
      )}
    </div>
  );
}
