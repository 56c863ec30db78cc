import type { ClosingReport, Invitee, MeetingDetail } from '@linli/meetings/contract';
import { api, apiUrl, request } from '@linli/web-kit/client';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Card, Col, Descriptions, List, Popconfirm, QRCode, Row, Space, Statistic, Table, Tag, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { MinutesForm } from './minutes-form.tsx';
import { formatTime, MeetingStatusTag } from './status-tag.tsx';

/** The address a meeting's QR code holds: the resident's check-in page with the code (see mobile/check-in.tsx). */
const checkInUrl = (meetingId: string, code: string) =>
  `${window.location.origin}/m/meetings/checkin?meeting=${encodeURIComponent(meetingId)}&code=${encodeURIComponent(code)}`;

/** A meeting: notice, reminders, check-in on the tablet or by QR code, opening with the quorum, minutes, photos, closing report. */
export default function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const { message } = App.useApp();
  const meeting = useData((signal) => api.get<MeetingDetail>(`/meetings/${id}`, undefined, { signal }), [id]);
  const report = useData(
    (signal) =>
      meeting.data?.status === 'closed'
        ? api.get<ClosingReport>(`/meetings/${id}/report`, undefined, { signal })
        : Promise.resolve(undefined),
    [id, meeting.data?.status],
  );
  const m = meeting.data;
  const writes = can('meetings.write') && m?.code !== undefined;
  const act = async (path: string) => {
    try {
      await api.post(`/meetings/${id}/${path}`);
      message.success(t('common.saved'));
    } catch (e) {
      message.error((e as Error).message);
    }
    await meeting.reload();
  };
  const checkIn = async (inviteeId: string) => {
    try {
      await api.post(`/meetings/${id}/check-ins`, { inviteeId });
    } catch (e) {
      message.error((e as Error).message);
    }
    await meeting.reload();
  };
  const upload = (kind: 'sign_in_sheet' | 'signatures') => async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    try {
      await request('POST', `/meetings/${id}/photos/${kind}`, { body });
      message.success(t('common.saved'));
    } catch (e) {
      message.error((e as Error).message);
    }
    await meeting.reload();
    return false;
  };
  if (!m) return <Card loading={meeting.loading} />;
  const members = m.invitees.filter((i) => i.kind === 'member');
  const membersPresent = m.attendance.filter((a) => a.isMember).length;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space>
            {m.title}
            <MeetingStatusTag status={m.status} />
          </Space>
        }
        extra={
          writes && (
            <Space wrap>
              {m.status === 'draft' && (
                <Popconfirm title={t('meetings.detail.noticeConfirm')} onConfirm={() => act('notice')}>
                  <Button type="primary" data-testid="meeting-notice">
                    {t('meetings.detail.notice')}
                  </Button>
                </Popconfirm>
              )}
              {m.status === 'published' && <Button onClick={() => act('reminders')}>{t('meetings.detail.remind')}</Button>}
              {(m.status === 'draft' || m.status === 'published') && (
                <Popconfirm title={t('meetings.detail.cancelConfirm')} onConfirm={() => act('cancel')}>
                  <Button danger>{t('meetings.detail.cancel')}</Button>
                </Popconfirm>
              )}
              {m.status === 'published' && (
                <Button type="primary" onClick={() => act('open')} data-testid="meeting-open">
                  {t('meetings.detail.open')}
                </Button>
              )}
              {m.status === 'open' && (
                <Button type="primary" onClick={() => navigate(`/meetings/${id}/chair`)} data-testid="meeting-chair">
                  {t('meetings.detail.chair')}
                </Button>
              )}
              {m.status === 'open' && (
                <Popconfirm title={t('meetings.detail.closeConfirm')} onConfirm={() => act('close')}>
                  <Button danger data-testid="meeting-close">
                    {t('meetings.detail.close')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('meetings.list.council')}>{m.councilName}</Descriptions.Item>
              <Descriptions.Item label={t('meetings.list.startsAt')}>{formatTime(m.startsAt)}</Descriptions.Item>
              <Descriptions.Item label={t('meetings.list.place')}>{m.placeText ?? m.stationId}</Descriptions.Item>
              {m.chairName && <Descriptions.Item label={t('meetings.wizard.chairName')}>{m.chairName}</Descriptions.Item>}
              <Descriptions.Item label={t('meetings.councils.quorum')}>
                {t('meetings.detail.quorum', { members: m.membersExpected ?? members.length, needed: m.quorumNeeded ?? '—' })} ·{' '}
                {t('meetings.detail.present', { present: membersPresent })}
              </Descriptions.Item>
            </Descriptions>
          </Col>
          {writes && (m.status === 'published' || m.status === 'open') && (
            <Col xs={24} md={8}>
              <Statistic
                title={t('meetings.detail.code')}
                value={m.code}
                valueStyle={{ fontSize: 40, letterSpacing: 6 }}
                groupSeparator=""
              />
              <div style={{ color: '#888' }}>{t('meetings.detail.codeHint')}</div>
              <div data-testid="meeting-check-in-qr" data-url={checkInUrl(m.id, m.code ?? '')} style={{ marginTop: 8 }}>
                <QRCode value={checkInUrl(m.id, m.code ?? '')} size={200} errorLevel="L" />
              </div>
              <div style={{ color: '#888' }}>{t('meetings.detail.qrHint')}</div>
            </Col>
          )}
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('meetings.detail.agenda')} size="small">
            <List
              dataSource={m.items}
              renderItem={(i) => (
                <List.Item extra={i.outcome && <Tag>{t(`meetings.outcomes.${i.outcome}`)}</Tag>}>
                  <List.Item.Meta title={`${i.position}. ${i.title}`} description={i.decision} />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={`${t('meetings.detail.invitees')}（${m.present} / ${m.invited}）`} size="small">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={m.invitees}
              data-testid="meeting-invitees"
              columns={[
                { title: t('meetings.councils.personName'), dataIndex: 'name' },
                { title: '', dataIndex: 'kind', render: (v: Invitee['kind']) => t(`meetings.inviteeKinds.${v}`) },
                { title: '', dataIndex: 'affiliation', responsive: ['md'] },
                {
                  title: t('meetings.detail.attendance'),
                  key: 'in',
                  width: 120,
                  render: (_: unknown, i) =>
                    i.checkedInAt ? (
                      <Tag color="green">{t('meetings.detail.checkedIn')}</Tag>
                    ) : (
                      writes &&
                      (m.status === 'published' || m.status === 'open') && (
                        <Button size="large" onClick={() => checkIn(i.id)} data-testid={`check-in-${i.name}`}>
                          {t('meetings.detail.checkIn')}
                        </Button>
                      )
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {m.motions.length > 0 && (
        <Card title={t('meetings.detail.motions')} size="small">
          <List
            dataSource={m.motions}
            renderItem={(mo) => (
              <List.Item extra={<Tag>{t(`meetings.motionStatuses.${mo.status}`)}</Tag>}>
                <List.Item.Meta
                  title={`${mo.text}（${mo.mover}）`}
                  description={
                    mo.votesFor !== null
                      ? `${t('meetings.chair.votesFor')} ${mo.votesFor} · ${t('meetings.chair.votesAgainst')} ${mo.votesAgainst} · ${t('meetings.chair.votesAbstain')} ${mo.votesAbstain ?? 0}`
                      : mo.turns.map((tu) => `${tu.speaker}（${t(`meetings.stances.${tu.stance}`)}）`).join(' → ')
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {(m.status === 'open' || m.status === 'closed') && (
        <Card title={t('meetings.detail.minutes')} size="small">
          {writes ? <MinutesForm meeting={m} onSaved={meeting.reload} /> : <p style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</p>}
        </Card>
      )}
      <Card title={t('meetings.detail.photos')} size="small">
        <Space wrap>
          {m.photos.map((p) => (
            <a key={p.id} href={apiUrl(`/meetings/${id}/photos/${p.id}`)} target="_blank" rel="noreferrer">
              {p.kind === 'sign_in_sheet' ? t('meetings.detail.signInSheet') : t('meetings.detail.signatures')} · {p.fileName}
            </a>
          ))}
          {writes && m.status !== 'draft' && m.status !== 'cancelled' && (
            <>
              <Upload accept="image/jpeg,image/png,image/webp" showUploadList={false} beforeUpload={upload('sign_in_sheet')}>
                <Button>{t('meetings.detail.signInSheet')}</Button>
              </Upload>
              {(m.status === 'open' || m.status === 'closed') && (
                <Upload accept="image/jpeg,image/png,image/webp" showUploadList={false} beforeUpload={upload('signatures')}>
                  <Button>{t('meetings.detail.signatures')}</Button>
                </Upload>
              )}
            </>
          )}
        </Space>
      </Card>
      {report.data && (
        <Card title={t('meetings.detail.report')} size="small" data-testid="meeting-report">
          <Space size="large" wrap>
            <Statistic title={t('meetings.list.attendance')} value={`${report.data.invited} / ${report.data.present}`} />
            <Statistic title={t('meetings.inviteeKinds.member')} value={`${report.data.membersExpected} / ${report.data.membersPresent}`} />
            {Object.entries(report.data.byKind).map(([k, v]) => (
              <Statistic
                key={k}
                title={
                  k === 'member' || k === 'flexible' || k === 'adviser' || k === 'observer'
                    ? t(`meetings.inviteeKinds.${k}`)
                    : t('menu.meetings')
                }
                value={`${v.invited} / ${v.present}`}
              />
            ))}
            <Statistic title={t('meetings.motionStatuses.adopted')} value={report.data.motions.adopted} />
          </Space>
        </Card>
      )}
    </Space>
  );
}
