import type { MyMeeting } from '@linli/owners-committees/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Button, Card, ErrorBlock, List, Space, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { percent } from '../labels.ts';

/** The owners' general meetings of the resident's compounds: notice, agenda, the ballots to vote in, and published results. */
export default function MyMeetings() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, loading } = useData((signal) => api.get<{ items: MyMeeting[] }>('/me/owners-meetings', undefined, { signal }), []);
  const items = data?.items ?? [];
  return (
    <div data-testid="m-owners-meetings">
      {items.map((m) => (
        <Card
          key={m.id}
          title={m.title}
          extra={
            <Tag color={m.status === 'voting' ? 'warning' : m.status === 'published' ? 'success' : 'default'}>
              {t(`ownersCommittees.meetings.statuses.${m.status}`)}
            </Tag>
          }
          style={{ marginBottom: 12 }}
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <div>
              {m.compoundName} · {m.voteFrom} ~ {m.voteUntil}
              {m.placeText ? ` · ${m.placeText}` : ''}
            </div>
            <List>
              {m.matters.map((x) => (
                <List.Item
                  key={x.id}
                  description={
                    x.result
                      ? `${t(`ownersCommittees.meetings.rules.${x.rule}`)} · ${percent(x.result.turnout)} / ${percent(x.result.areaTurnout)} · ${t('ownersCommittees.meetings.choices.agree')} ${percent(x.result.agree.share)} / ${percent(x.result.agree.areaShare)}`
                      : t(`ownersCommittees.meetings.rules.${x.rule}`)
                  }
                  extra={
                    x.result ? (
                      <Tag color={x.result.passed ? 'success' : 'danger'}>
                        {t(x.result.passed ? 'ownersCommittees.meetings.passed' : 'ownersCommittees.meetings.failed')}
                      </Tag>
                    ) : null
                  }
                >
                  {x.position}. {x.title}
                </List.Item>
              ))}
            </List>
            {m.status === 'voting' && (
              <Button color="primary" block onClick={() => navigate('/m/ballots')} data-testid="m-owners-meeting-vote">
                {t('ownersCommittees.mobile.vote')}
              </Button>
            )}
            {m.status === 'closed' && <div>{t('ownersCommittees.mobile.resultPending')}</div>}
            {(m.resultBody ?? m.noticeBody) && <div style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>{m.resultBody ?? m.noticeBody}</div>}
          </Space>
        </Card>
      ))}
      {!loading && items.length === 0 && <ErrorBlock status="empty" title={t('ownersCommittees.mobile.empty')} description="" />}
    </div>
  );
}
