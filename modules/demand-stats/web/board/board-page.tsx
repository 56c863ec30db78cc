import { levelLabel, satisfactionLabel } from '@linli/demands/web/labels';
import { ApiError } from '@linli/web-kit/client';
import { Button, Card, DotLoading, ErrorBlock, Grid, List, NavBar, NoticeBar, Space, Tag } from 'antd-mobile';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { BOARD_PAGE, type Board, type BoardEntry, fetchBoard, percent } from './board-api.ts';

const satisfactionColor: Record<string, string> = { satisfied: 'success', basically_satisfied: 'primary', dissatisfied: 'warning' };

function Figure({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <div style={{ textAlign: 'center', padding: '8px 0' }}>
      <div style={{ fontSize: 22, fontWeight: 600, color: '#c8161d' }} data-testid={testId}>
        {value}
      </div>
      <div style={{ fontSize: 12, color: '#888' }}>{label}</div>
    </div>
  );
}

function Entry({ entry }: { entry: BoardEntry }) {
  const { t } = useTranslation();
  return (
    <List.Item
      data-testid="board-entry"
      description={
        <Space direction="vertical" style={{ '--gap': '4px', width: '100%' }}>
          {entry.result && (
            <div style={{ color: '#333' }} data-testid="board-entry-result">
              {t('demandStats.board.result')}：{entry.result}
            </div>
          )}
          <div style={{ fontSize: 12 }}>
            {entry.place.join(' · ')} · {entry.number}
          </div>
          <div style={{ fontSize: 12 }}>
            {t('demandStats.board.submittedAt')} {dayjs(entry.submittedAt).format('YYYY-MM-DD')} · {t('demandStats.board.resolvedAt')}{' '}
            {dayjs(entry.resolvedAt).format('YYYY-MM-DD')}
          </div>
        </Space>
      }
    >
      <Space wrap style={{ '--gap': '6px' }}>
        <Tag color="primary" fill="outline">
          {entry.category}
        </Tag>
        <Tag fill="outline">{levelLabel(entry.level)}</Tag>
        {entry.satisfaction && (
          <Tag color={satisfactionColor[entry.satisfaction] ?? 'default'} fill="outline">
            {satisfactionLabel(entry.satisfaction)}
          </Tag>
        )}
      </Space>
      <div style={{ marginTop: 6, fontWeight: 500 }} data-testid="board-entry-title">
        {entry.title}
      </div>
    </List.Item>
  );
}

/**
 * The public notice board (公示栏) of a community, for residents' phones and without sign-in: this
 * month's figures and the resolved demands, anonymised by the server (no names, contacts or doors).
 */
export default function BoardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { tenantId = '', communityId = '' } = useParams();
  const [board, setBoard] = useState<Board | null>(null);
  const [entries, setEntries] = useState<BoardEntry[]>([]);
  const [failure, setFailure] = useState<'not_found' | 'failed' | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    let live = true;
    setBoard(null);
    setFailure(null);
    fetchBoard(tenantId, communityId)
      .then((b) => {
        if (!live) return;
        setBoard(b);
        setEntries(b.entries);
        setHasMore(b.entries.length === BOARD_PAGE);
        document.title = `${b.community.name} · ${t('demandStats.board.title')}`;
      })
      .catch((e: unknown) => {
        // A malformed id (400) is as unknown as a missing community (404).
        if (live) setFailure(e instanceof ApiError && (e.status === 404 || e.status === 400) ? 'not_found' : 'failed');
      });
    return () => {
      live = false;
    };
  }, [tenantId, communityId, t]);

  const loadMore = async () => {
    const last = entries[entries.length - 1];
    if (!last) return;
    setLoadingMore(true);
    try {
      const older = await fetchBoard(tenantId, communityId, last.resolvedAt);
      setEntries((prev) => [...prev, ...older.entries]);
      setHasMore(older.entries.length === BOARD_PAGE);
    } catch {
      setHasMore(false);
    } finally {
      setLoadingMore(false);
    }
  };

  // Back only when the board was opened from within the app (the resident's home page); a shared link has nowhere to go back to.
  const back = location.key !== 'default' ? () => navigate(-1) : undefined;

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }} data-testid="board-page">
      <div style={{ maxWidth: 640, margin: '0 auto' }}>
        <NavBar back={back ? '' : null} onBack={back} style={{ background: '#c8161d', color: '#fff' }}>
          {board ? board.community.name : t('demandStats.board.title')}
        </NavBar>
        {failure === 'not_found' && (
          <ErrorBlock
            status="empty"
            fullPage
            title={t('demandStats.board.notFound')}
            description={t('demandStats.board.notFoundHint')}
            data-testid="board-not-found"
          />
        )}
        {failure === 'failed' && (
          <ErrorBlock status="disconnected" fullPage title={t('demandStats.board.failed')} description="" data-testid="board-failed" />
        )}
        {!failure && !board && (
          <div style={{ padding: 48, textAlign: 'center' }}>
            <DotLoading color="primary" />
          </div>
        )}
        {board && (
          <>
            <div style={{ padding: '12px 12px 0', fontSize: 18, fontWeight: 600 }} data-testid="board-title">
              {board.community.name} · {t('demandStats.board.title')}
            </div>
            <Card
              title={`${t('demandStats.board.monthFigures')}（${dayjs(board.summary.from).format('YYYY-MM')}）`}
              style={{ margin: 12 }}
              data-testid="board-summary"
            >
              <Grid columns={3} gap={8}>
                <Grid.Item>
                  <Figure label={t('demandStats.board.received')} value={board.summary.received} testId="board-received" />
                </Grid.Item>
                <Grid.Item>
                  <Figure label={t('demandStats.board.resolved')} value={board.summary.resolved} testId="board-resolved" />
                </Grid.Item>
                <Grid.Item>
                  <Figure
                    label={t('demandStats.board.resolutionRate')}
                    value={percent(board.summary.resolutionRate)}
                    testId="board-resolution-rate"
                  />
                </Grid.Item>
                <Grid.Item>
                  <Figure label={t('demandStats.board.onTimeRate')} value={percent(board.summary.onTimeRate)} testId="board-on-time-rate" />
                </Grid.Item>
                <Grid.Item>
                  <Figure
                    label={t('demandStats.board.satisfactionRate')}
                    value={percent(board.summary.satisfactionRate)}
                    testId="board-satisfaction-rate"
                  />
                </Grid.Item>
              </Grid>
            </Card>
            <NoticeBar content={t('demandStats.board.privacy')} color="info" wrap />
            <List header={t('demandStats.board.entries')} data-testid="board-entries">
              {entries.map((entry) => (
                <Entry key={entry.number} entry={entry} />
              ))}
            </List>
            {entries.length === 0 && <ErrorBlock status="empty" title={t('demandStats.board.empty')} description="" />}
            <div style={{ padding: 16, textAlign: 'center', color: '#999' }}>
              {hasMore ? (
                <Button size="small" loading={loadingMore} onClick={loadMore} data-testid="board-more">
                  {t('demandStats.board.more')}
                </Button>
              ) : (
                entries.length > 0 && t('demandStats.board.noMore')
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
