import type { MyMeeting } from '@linli/meetings/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Button, Card, Empty, ErrorBlock, Input, List, Space, Tag, Toast } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const statusColor: Record<string, string> = { published: 'primary', open: 'success', closed: 'default' };

/** One notice: time, place, agenda; check-in with the code while it is on; the minutes once closed. */
function MeetingCard({ meeting, onChanged }: { meeting: MyMeeting; onChanged: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const checkIn = async () => {
    setBusy(true);
    try {
      await api.post(`/me/meetings/${meeting.id}/check-in`, { code });
      Toast.show({ icon: 'success', content: t('meetings.mobile.checkInDone') });
      onChanged();
    } catch (e) {
      Toast.show({ icon: 'fail', content: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={meeting.title}
      extra={<Tag color={statusColor[meeting.status] ?? 'default'}>{t(`meetings.statuses.${meeting.status}`)}</Tag>}
      style={{ margin: 12 }}
      data-testid={`m-meeting-${meeting.title}`}
    >
      <div>{dayjs(meeting.startsAt).format('YYYY-MM-DD HH:mm')}</div>
      <div>
        {meeting.nodeName} · {meeting.placeText ?? meeting.councilName}
      </div>
      {meeting.invited && (
        <Tag color="warning" style={{ marginTop: 4 }}>
          {t('meetings.mobile.invited')}
        </Tag>
      )}
      <List header={t('meetings.mobile.agenda')} style={{ marginTop: 8 }}>
        {meeting.items.map((i) => (
          <List.Item
            key={i.position}
            description={i.decision ?? undefined}
            extra={i.outcome ? t(`meetings.outcomes.${i.outcome}`) : undefined}
          >{`${i.position}. ${i.title}`}</List.Item>
        ))}
      </List>
      {meeting.checkedIn ? (
        <Tag color="success" style={{ marginTop: 8 }}>
          {t('meetings.mobile.checkedIn')}
        </Tag>
      ) : (
        (meeting.status === 'published' || meeting.status === 'open') && (
          <Space direction="vertical" block style={{ marginTop: 8 }}>
            <Input
              value={code}
              onChange={(v) => setCode(v.replace(/\D/g, '').slice(0, 6))}
              inputMode="numeric"
              placeholder={t('meetings.mobile.codePlaceholder')}
              data-testid="m-meeting-code"
            />
            <Button block color="primary" disabled={code.length !== 6} loading={busy} onClick={checkIn} data-testid="m-meeting-check-in">
              {t('meetings.mobile.checkIn')}
            </Button>
          </Space>
        )
      )}
      {meeting.minutes && (
        <div style={{ marginTop: 8 }}>
          <strong>{t('meetings.mobile.minutes')}</strong>
          <div style={{ whiteSpace: 'pre-wrap' }}>{meeting.minutes}</div>
        </div>
      )}
    </Card>
  );
}

/** The resident's meeting notices: their compound's, community's and street's meetings, newest first. */
export default function MyMeetings() {
  const { t } = useTranslation();
  const notices = useData((signal) => api.get<{ items: MyMeeting[] }>('/me/meetings', undefined, { signal }), []);
  if (notices.error) return <ErrorBlock status="default" description={notices.error.message} />;
  return (
    <div data-testid="m-my-meetings">
      <h3 style={{ padding: '12px 12px 0' }}>{t('meetings.mobile.title')}</h3>
      {notices.data?.items.length === 0 && <Empty description={t('meetings.mobile.empty')} />}
      {notices.data?.items.map((m) => (
        <MeetingCard key={m.id} meeting={m} onChanged={notices.reload} />
      ))}
    </div>
  );
}
