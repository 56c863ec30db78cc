import type { MyMeeting } from '@linli/meetings/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Button, Card, ErrorBlock, Result, SpinLoading } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';

/**
 * Check-in by the meeting's QR code: the staff page shows a code that opens
 * /m/meetings/checkin?meeting=…&code=… on the resident's phone (through sign-in if need be); the
 * resident sees which meeting it is and confirms, and the code is sent as if typed.
 */
export default function MeetingCheckIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const meetingId = params.get('meeting') ?? '';
  const code = (params.get('code') ?? '').replace(/\D/g, '').slice(0, 6);
  const notices = useData((signal) => api.get<{ items: MyMeeting[] }>('/me/meetings', undefined, { signal }), []);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const back = (
    <Button block onClick={() => navigate('/m/meetings')} style={{ marginTop: 16 }} data-testid="m-check-in-back">
      {t('meetings.mobile.title')}
    </Button>
  );
  if (notices.error) return <ErrorBlock status="default" description={notices.error.message} />;
  if (!notices.data) return <SpinLoading style={{ margin: '40px auto' }} />;
  const meeting = notices.data.items.find((m) => m.id === meetingId);
  if (!meeting || code.length !== 6)
    return (
      <div style={{ padding: 12 }} data-testid="m-check-in">
        <ErrorBlock status="empty" title={t('meetings.mobile.qr.unknown')} description={t('meetings.mobile.qr.unknownHint')} />
        {back}
      </div>
    );
  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api.post(`/me/meetings/${meeting.id}/check-in`, { code });
      setDone(true);
    } catch (e) {
      setFailure((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const open = meeting.status === 'published' || meeting.status === 'open';
  return (
    <div style={{ padding: 12 }} data-testid="m-check-in">
      <Card title={meeting.title}>
        <div>{dayjs(meeting.startsAt).format('YYYY-MM-DD HH:mm')}</div>
        <div>
          {meeting.nodeName} · {meeting.placeText ?? meeting.councilName}
        </div>
      </Card>
      {done || meeting.checkedIn ? (
        <Result
          status="success"
          title={done ? t('meetings.mobile.checkInDone') : t('meetings.mobile.checkedIn')}
          data-testid="m-check-in-done"
        />
      ) : open ? (
        <>
          <p style={{ margin: '16px 4px', color: '#666' }}>{t('meetings.mobile.qr.confirmHint')}</p>
          <Button block size="large" color="primary" loading={busy} onClick={confirm} data-testid="m-check-in-confirm">
            {t('meetings.mobile.qr.confirm')}
          </Button>
          {failure && <ErrorBlock status="default" title={failure} description="" />}
        </>
      ) : (
        <Result status="info" title={t('meetings.mobile.qr.notOpen')} />
      )}
      {back}
    </div>
  );
}
