import type { MeetingDetail, Motion } from '@linli/meetings/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Card, Col, Input, InputNumber, List, Progress, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';

type Stance = 'for' | 'against';
interface Waiting {
  attendanceId: string;
  name: string;
  stance: Stance;
}

const TURN_SECONDS = 120;
const TURNS_PER_PERSON = 2;
const big = { height: 56, fontSize: 20, minWidth: 140 } as const;

/**
 * The chair's tablet (南塘 simplified Robert's rules): one motion at a time, a speaker queue by side,
 * the floor alternating for and against, a 2-minute timer per turn; each turn and the vote are
 * stored on the server, which enforces the same rules.
 */
export default function ChairMode() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const meeting = useData((signal) => api.get<MeetingDetail>(`/meetings/${id}`, undefined, { signal }), [id]);
  const [queue, setQueue] = useState<Waiting[]>([]);
  const [speaking, setSpeaking] = useState<Waiting | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const started = useRef<number | null>(null);
  const [text, setText] = useState('');
  const [mover, setMover] = useState<string | undefined>();
  const [pick, setPick] = useState<string | undefined>();
  const [votes, setVotes] = useState({ for: 0, against: 0, abstain: 0 });

  useEffect(() => {
    if (!speaking) return;
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - (started.current ?? Date.now())) / 1000)), 250);
    return () => clearInterval(timer);
  }, [speaking]);

  const m = meeting.data;
  const motion: Motion | undefined = m?.motions.find((x) => x.status === 'open');
  const lastStance = motion?.turns[motion.turns.length - 1]?.stance;
  const floorTo: Stance | null = lastStance ? (lastStance === 'for' ? 'against' : 'for') : null;
  const turnsOf = (attendanceId: string) => motion?.turns.filter((x) => x.attendanceId === attendanceId).length ?? 0;

  const fail = (e: unknown) => message.error((e as Error).message);
  const move = async () => {
    if (!text.trim() || !mover) return;
    await api.post(`/meetings/${id}/motions`, { text: text.trim(), mover }).catch(fail);
    setText('');
    setQueue([]);
    await meeting.reload();
  };
  const enqueue = (stance: Stance) => {
    const a = m?.attendance.find((x) => x.id === pick);
    if (!a || queue.some((q) => q.attendanceId === a.id)) return;
    setQueue([...queue, { attendanceId: a.id, name: a.name, stance }]);
    setPick(undefined);
  };
  // The next speaker: the first waiting on the side that has the floor, else the first waiting.
  const nextUp = queue.find((q) => !floorTo || q.stance === floorTo) ?? queue[0];
  const start = () => {
    if (!nextUp) return;
    setQueue(queue.filter((q) => q !== nextUp));
    setSpeaking(nextUp);
    started.current = Date.now();
    setElapsed(0);
  };
  const stop = async () => {
    if (!speaking || !motion) return;
    const noOpposingSpeaker = floorTo !== null && speaking.stance !== floorTo && !queue.some((q) => q.stance === floorTo);
    await api
      .post(`/meetings/${id}/motions/${motion.id}/turns`, {
        attendanceId: speaking.attendanceId,
        stance: speaking.stance,
        seconds: elapsed,
        noOpposingSpeaker,
      })
      .catch(fail);
    setSpeaking(null);
    started.current = null;
    await meeting.reload();
  };
  const decide = async (body: object) => {
    if (!motion) return;
    await api.post(`/meetings/${id}/motions/${motion.id}/decision`, body).catch(fail);
    setVotes({ for: 0, against: 0, abstain: 0 });
    await meeting.reload();
  };

  if (!m) return <Card loading />;
  const over = elapsed >= TURN_SECONDS;
  return (
    <Card
      title={`${t('meetings.chair.title')} · ${m.title}`}
      extra={<Button onClick={() => navigate(`/meetings/${id}`)}>{t('meetings.chair.back')}</Button>}
      data-testid="chair-mode"
    >
      <Typography.Paragraph type="secondary">{t('meetings.chair.rules')}</Typography.Paragraph>
      {!motion ? (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Typography.Title level={4}>{t('meetings.chair.noMotion')}</Typography.Title>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
            maxLength={1000}
            placeholder={t('meetings.chair.motionText')}
            style={{ fontSize: 18 }}
            data-testid="chair-motion-text"
          />
          <Select
            value={mover}
            onChange={setMover}
            style={{ width: 320 }}
            size="large"
            placeholder={t('meetings.chair.mover')}
            options={m.attendance.map((a) => ({ value: a.name, label: a.name }))}
            data-testid="chair-mover"
          />
          <Button
            type="primary"
            style={big}
            onClick={move}
            disabled={!text.trim() || !mover || m.status !== 'open'}
            data-testid="chair-move"
          >
            {t('meetings.chair.newMotion')}
          </Button>
        </Space>
      ) : (
        <Row gutter={24}>
          <Col xs={24} md={14}>
            <Typography.Title level={3}>{motion.text}</Typography.Title>
            <Typography.Text type="secondary">
              {t('meetings.chair.mover')}：{motion.mover}
            </Typography.Text>
            {floorTo && (
              <Typography.Title level={4} style={{ color: floorTo === 'for' ? '#389e0d' : '#cf1322' }}>
                {t('meetings.chair.floorTo', { side: t(`meetings.stances.${floorTo}`) })}
              </Typography.Title>
            )}
            <Card style={{ textAlign: 'center', margin: '16px 0' }}>
              <Typography.Title level={2}>
                {speaking ? `${speaking.name}（${t(`meetings.stances.${speaking.stance}`)}）` : '—'}
              </Typography.Title>
              <Progress
                type="circle"
                size={180}
                percent={Math.min(100, (elapsed / TURN_SECONDS) * 100)}
                status={over ? 'exception' : 'normal'}
                format={() =>
                  over
                    ? t('meetings.chair.timeUp')
                    : `${Math.floor((TURN_SECONDS - elapsed) / 60)}:${String((TURN_SECONDS - elapsed) % 60).padStart(2, '0')}`
                }
              />
              <div style={{ marginTop: 16 }}>
                {speaking ? (
                  <Button danger type="primary" style={big} onClick={stop} data-testid="chair-stop">
                    {t('meetings.chair.stop')}
                  </Button>
                ) : (
                  <Button type="primary" style={big} onClick={start} disabled={!nextUp} data-testid="chair-start">
                    {t('meetings.chair.start')}
                    {nextUp ? `：${nextUp.name}` : ''}
                  </Button>
                )}
              </div>
            </Card>
            <List
              size="small"
              dataSource={motion.turns}
              renderItem={(tu) => (
                <List.Item>
                  {tu.seq}. {tu.speaker} <Tag color={tu.stance === 'for' ? 'green' : 'red'}>{t(`meetings.stances.${tu.stance}`)}</Tag>{' '}
                  {tu.seconds}s
                </List.Item>
              )}
            />
          </Col>
          <Col xs={24} md={10}>
            <Card title={t('meetings.chair.queue')} size="small">
              <Space wrap>
                <Select
                  value={pick}
                  onChange={setPick}
                  style={{ width: 200 }}
                  size="large"
                  options={m.attendance
                    .filter((a) => turnsOf(a.id) < TURNS_PER_PERSON)
                    .map((a) => ({
                      value: a.id,
                      label: `${a.name}（${t('meetings.chair.turnsLeft', { n: TURNS_PER_PERSON - turnsOf(a.id) })}）`,
                    }))}
                  data-testid="chair-pick"
                />
                <Button
                  style={{ ...big, minWidth: 100, background: '#f6ffed' }}
                  onClick={() => enqueue('for')}
                  data-testid="chair-queue-for"
                >
                  {t('meetings.stances.for')}
                </Button>
                <Button
                  style={{ ...big, minWidth: 100, background: '#fff1f0' }}
                  onClick={() => enqueue('against')}
                  data-testid="chair-queue-against"
                >
                  {t('meetings.stances.against')}
                </Button>
              </Space>
              <List
                dataSource={queue}
                renderItem={(q) => (
                  <List.Item
                    extra={
                      <Button size="small" onClick={() => setQueue(queue.filter((x) => x !== q))}>
                        ×
                      </Button>
                    }
                  >
                    {q.name} <Tag color={q.stance === 'for' ? 'green' : 'red'}>{t(`meetings.stances.${q.stance}`)}</Tag>
                  </List.Item>
                )}
              />
            </Card>
            <Card title={t('meetings.chair.vote')} size="small" style={{ marginTop: 16 }}>
              <Space direction="vertical">
                {(['for', 'against', 'abstain'] as const).map((k) => (
                  <Space key={k}>
                    <span style={{ width: 60, display: 'inline-block', fontSize: 18 }}>
                      {t(`meetings.chair.votes${k === 'for' ? 'For' : k === 'against' ? 'Against' : 'Abstain'}`)}
                    </span>
                    <InputNumber
                      size="large"
                      min={0}
                      max={100000}
                      value={votes[k]}
                      onChange={(v) => setVotes({ ...votes, [k]: v ?? 0 })}
                      data-testid={`chair-votes-${k}`}
                    />
                  </Space>
                ))}
                <Space>
                  <Button
                    type="primary"
                    style={big}
                    disabled={speaking !== null}
                    onClick={() => decide({ votesFor: votes.for, votesAgainst: votes.against, votesAbstain: votes.abstain })}
                    data-testid="chair-vote"
                  >
                    {t('meetings.chair.vote')}
                  </Button>
                  <Button style={big} disabled={speaking !== null} onClick={() => decide({ withdrawn: true })}>
                    {t('meetings.chair.withdraw')}
                  </Button>
                </Space>
              </Space>
            </Card>
          </Col>
        </Row>
      )}
    </Card>
  );
}
