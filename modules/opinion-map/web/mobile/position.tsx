import type { MyPosition } from '@linli/opinion-map/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Card, DotLoading, ErrorBlock, List, NoticeBar, Tag } from 'antd-mobile';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { groupColour, groupLetter } from '../group-colours.ts';

const OpinionScatter = lazy(() => import('../opinion-scatter.tsx'));

/** Where the resident stands: their own point and group on the map, what their group stands for, what everyone shares. */
export default function Position() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error } = useData((signal) => api.get<MyPosition>(`/me/opinion-conversations/${id}/position`, undefined, { signal }), [id]);
  if (error) return <ErrorBlock status="default" title={error.message} description="" />;
  if (!data) return <DotLoading />;
  const groupName = (i: number) => t('opinionMap.map.group', { name: groupLetter(i) });
  if (data.status !== 'ready') return <ErrorBlock status="empty" title={t('opinionMap.mobile.positionWaiting')} description="" />;
  const mine = data.me ? data.groups[data.me.group] : undefined;
  return (
    <div data-testid="m-opinion-my-position">
      {data.me && mine ? (
        <NoticeBar content={t('opinionMap.mobile.youAreIn', { name: groupLetter(mine.index), size: mine.size })} color="info" />
      ) : (
        <NoticeBar content={t('opinionMap.mobile.positionNone', { more: Math.max(1, data.minVotes - data.votes) })} color="alert" />
      )}
      <Card>
        <Suspense fallback={<DotLoading />}>
          <OpinionScatter points={data.points} groups={data.groups} groupName={groupName} me={data.me} meLabel="我" height={300} />
        </Suspense>
        <div style={{ color: '#999', fontSize: 12 }}>{t('opinionMap.mobile.privacy')}</div>
      </Card>
      {mine && (
        <List header={<span style={{ color: groupColour(mine.index) }}>{t('opinionMap.mobile.yourGroupThinks')}</span>}>
          {mine.representative.map((s) => (
            <List.Item
              key={s.statementId}
              prefix={<Tag color={s.direction === 'agree' ? 'success' : 'danger'}>{t(`opinionMap.${s.direction}`)}</Tag>}
            >
              {s.body}
            </List.Item>
          ))}
        </List>
      )}
      {data.consensus.length > 0 && (
        <List header={t('opinionMap.mobile.everyoneAgrees')}>
          {data.consensus.map((c) => (
            <List.Item
              key={`${c.statementId}-${c.direction}`}
              prefix={
                <Tag color={c.direction === 'agree' ? 'success' : 'danger'}>
                  {t(c.direction === 'agree' ? 'opinionMap.map.commonAgree' : 'opinionMap.map.commonDisagree')}
                </Tag>
              }
            >
              {c.body}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
