import type { MyBallot } from '@linli/ballots/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { ErrorBlock, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ballotLabel } from '../labels.ts';

/** The ballots the resident votes in: open ones first, with whether each of their votes is in. */
export default function MyBallots() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, loading } = useData((signal) => api.get<{ items: MyBallot[] }>('/me/ballots', undefined, { signal }), []);
  const items = data?.items ?? [];
  return (
    <div data-testid="m-my-ballots">
      <List header={t('ballots.mobile.mine')}>
        {items.map((b) => {
          const open = b.voters.filter((v) => !v.voted).length;
          return (
            <List.Item
              key={b.id}
              onClick={() => navigate(`/m/ballots/${b.id}`)}
              description={`${b.placeName} · ${b.subjectTitle}`}
              extra={
                <Tag color={b.status === 'open' ? (open ? 'warning' : 'success') : 'default'} fill="outline">
                  {b.status === 'open' ? t(open ? 'ballots.mobile.notVoted' : 'ballots.mobile.voted') : ballotLabel('statuses', b.status)}
                </Tag>
              }
            >
              {b.title}
            </List.Item>
          );
        })}
      </List>
      {!loading && items.length === 0 && <ErrorBlock status="empty" title={t('ballots.mobile.empty')} description="" />}
    </div>
  );
}
