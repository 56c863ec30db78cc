import type { Matter, MeetingDetail, MeetingDocument, MeetingProxy, PaperBallot } from '@linli/owners-committees/contract';
import { matterChoices } from '@linli/owners-committees/vocabulary';
import { api, apiUrl, request } from '@linli/web-kit/client';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { formatMinute } from '@linli/web-kit/format-time';
import { useData } from '@linli/web-kit/use-data';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingStatusColor, percent } from './labels.ts';
import type { ownersCommitteesZh } from './strings.zh-CN.ts';

/** The keys of an object whose values are texts (not nested groups). */
type Leaf<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/** One owners' general meeting: notice, agenda with per-matter results, proxies and paper ballots, and the steps of its vote. */
export function MeetingDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const detail = useData(
    (signal) => (id ? api.get<MeetingDetail>(`/owners-committees/meetings/${id}`, undefined, { signal }) : Promise.resolve(undefined)),
    [id],
  );
  const m = detail.data;
  const [noticeOn, setNoticeOn] = useState<Dayjs | null>(null);
  const [document, setDocument] = useState<MeetingDocument | null>(null);
  const [proxyForm] = Form.useForm<{ householdId: string; proxyName: string; holderHouseholdId?: string }>();
  const [paperForm] = Form.useForm<{ householdId: string; choices: Record<string, (typeof matterChoices)[number]> }>();
  const write = can('ownersCommittees.write');
  const k = (key: Leaf<typeof ownersCommitteesZh.ownersCommittees.meetings>) => t(`ownersCommittees.meetings.${key}`);
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      message.success(t('common.saved'));
      await detail.reload();
      onChanged();
      return true;
    } catch (err) {
      message.error((err as Error).message);
      return false;
    }
  };
  const post = (path: string, body: object = {}) => api.post<MeetingDetail>(`/owners-committees/meetings/${id}${path}`, body);
  const uploadDocument = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    try {
      setDocument(await request<MeetingDocument>('POST', `/owners-committees/meetings/${id}/documents`, { body }));
    } catch (e) {
      message.error((e as Error).message);
    }
    return false;
  };
  const share = (v: { voters: number; area: number; share: number; areaShare: number | null }) =>
    `${v.voters} / ${v.area}㎡（${percent(v.share)} / ${percent(v.areaShare)}）`;
  return (
    <Drawer open={id !== null} onClose={onClose} width={960} title={m?.title} destroyOnHidden data-testid="om-drawer">
      {m && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('ownersCommittees.compound')}>{m.compoundName}</Descriptions.Item>
            <Descriptions.Item label={k('status')}>
              <Tag color={meetingStatusColor[m.status]}>{t(`ownersCommittees.meetings.statuses.${m.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={k('kind')}>{t(`ownersCommittees.meetings.kinds.${m.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={k('convener')}>
              {m.committeeName ?? t(`ownersCommittees.meetings.conveners.${m.convener}`)}
            </Descriptions.Item>
            <Descriptions.Item label={k('voteFrom')}>
              {m.voteFrom} ~ {m.voteUntil}
            </Descriptions.Item>
            <Descriptions.Item label={k('noticeOn')}>{m.noticeOn ?? '—'}</Descriptions.Item>
            {m.placeText && <Descriptions.Item label={k('placeText')}>{m.placeText}</Descriptions.Item>}
            {m.roll !== null && (
              <Descriptions.Item label={`${k('votedSoFar')} / ${k('roll')}`}>
                {m.votedSoFar} / {m.roll}
              </Descriptions.Item>
            )}
          </Descriptions>
          {write && m.status === 'draft' && (
            <Space>
              <DatePicker value={noticeOn} onChange={setNoticeOn} placeholder={k('noticeOn')} />
              <Button
                type="primary"
                data-testid="om-notice"
                onClick={() => act(() => post('/notice', noticeOn ? { noticeOn: noticeOn.format('YYYY-MM-DD') } : {}))}
              >
                {k('publishNotice')}
              </Button>
              <Typography.Text type="secondary">{k('noticeHint')}</Typography.Text>
            </Space>
          )}
          {write && m.status === 'noticed' && (
            <Button type="primary" data-testid="om-open" onClick={() => act(() => post('/vote'))}>
              {k('openVote')}
            </Button>
          )}
          {write && m.status === 'voting' && (
            <Popconfirm title={k('close')} onConfirm={() => act(() => post('/close'))}>
              <Button type="primary" danger data-testid="om-close">
                {k('close')}
              </Button>
            </Popconfirm>
          )}
          {write && m.status === 'closed' && (
            <Button type="primary" data-testid="om-publish" onClick={() => act(() => post('/publish'))}>
              {k('publish')}
            </Button>
          )}
          {m.status === 'voting' && <Alert type="info" showIcon message={k('voteHint')} />}
          <Table<Matter>
            size="small"
            rowKey="id"
            title={() => k('matters')}
            dataSource={m.matterList}
            pagination={false}
            data-testid="om-matters"
            columns={[
              { title: '#', dataIndex: 'position', width: 40 },
              { title: k('matterTitle'), dataIndex: 'title' },
              { title: k('matterKind'), dataIndex: 'kind', render: (v: Matter['kind']) => t(`ownersCommittees.meetings.matterKinds.${v}`) },
              { title: k('rule'), dataIndex: 'rule', render: (v: Matter['rule']) => t(`ownersCommittees.meetings.rules.${v}`) },
              {
                title: k('participation'),
                key: 'participation',
                render: (_: unknown, x) =>
                  x.result
                    ? `${x.result.cast.voters}/${x.result.roll.voters} · ${x.result.cast.area}/${x.result.roll.area}㎡（${percent(x.result.turnout)} / ${percent(x.result.areaTurnout)}）`
                    : '—',
              },
              { title: k('agree'), key: 'agree', render: (_: unknown, x) => (x.result ? share(x.result.agree) : '—') },
              { title: k('oppose'), key: 'oppose', render: (_: unknown, x) => x.result?.oppose.voters ?? '—' },
              { title: k('abstain'), key: 'abstain', render: (_: unknown, x) => x.result?.abstain.voters ?? '—' },
              { title: k('paper'), key: 'paper', render: (_: unknown, x) => x.result?.paper ?? '—' },
              {
                title: k('passed'),
                key: 'passed',
                render: (_: unknown, x) =>
                  x.result ? (
                    <Tag color={x.result.passed ? 'green' : 'red'}>
                      {x.result.passed ? k('passed') : x.result.quorumMet ? k('failed') : k('noQuorum')}
                    </Tag>
                  ) : null,
              },
            ]}
          />
          {m.noticeBody && (
            <Alert type="info" message={k('notice')} description={<div style={{ whiteSpace: 'pre-wrap' }}>{m.noticeBody}</div>} />
          )}
          {m.resultBody && (
            <Alert
              type="success"
              message={k('result')}
              description={
                <div style={{ whiteSpace: 'pre-wrap' }} data-testid="om-result">
                  {m.resultBody}
                </div>
              }
            />
          )}
          <Table<MeetingProxy>
            size="small"
            rowKey="id"
            title={() => k('proxies')}
            dataSource={m.proxies}
            pagination={false}
            data-testid="om-proxies"
            columns={[
              { title: k('household'), dataIndex: 'householdName' },
              { title: k('proxyName'), dataIndex: 'proxyName' },
              { title: k('holderHousehold'), dataIndex: 'holderHouseholdName', render: (v: string | null) => v ?? '—' },
              {
                title: k('document'),
                dataIndex: 'documentName',
                render: (v: string, p) => (
                  <a href={apiUrl(`/owners-committees/meetings/${m.id}/documents/${p.documentId}`)} target="_blank" rel="noreferrer">
                    {v}
                  </a>
                ),
              },
              { title: k('enteredBy'), dataIndex: 'registeredByName' },
              { title: k('enteredAt'), dataIndex: 'registeredAt', render: (v: string) => formatMinute(v) },
            ]}
          />
          {write && (m.status === 'noticed' || m.status === 'voting') && (
            <Form
              form={proxyForm}
              layout="inline"
              data-testid="om-proxy-form"
              onFinish={async (v) => {
                if (!document) {
                  message.error(k('uploadDocument'));
                  return;
                }
                if (
                  await act(() => post('/proxies', { ...v, holderHouseholdId: v.holderHouseholdId || undefined, documentId: document.id }))
                ) {
                  proxyForm.resetFields();
                  setDocument(null);
                }
              }}
            >
              <Form.Item name="householdId" rules={[{ required: true, message: t('common.required') }]}>
                <TerritorySelect selectableKinds={['household']} placeholder={k('household')} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="proxyName" rules={[{ required: true, message: t('common.required') }]}>
                <Input placeholder={k('proxyName')} maxLength={50} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="holderHouseholdId">
                <TerritorySelect selectableKinds={['household']} allowClear placeholder={k('holderHousehold')} style={{ width: 220 }} />
              </Form.Item>
              <Form.Item>
                <Upload beforeUpload={uploadDocument} showUploadList={false} accept="image/jpeg,image/png,image/webp,application/pdf">
                  <Button>{document ? document.fileName : k('uploadDocument')}</Button>
                </Upload>
              </Form.Item>
              <Button htmlType="submit" type="primary" data-testid="om-proxy-submit">
                {k('registerProxy')}
              </Button>
            </Form>
          )}
          <Table<PaperBallot>
            size="small"
            rowKey="householdId"
            title={() => k('paperBallots')}
            dataSource={m.paperBallots}
            pagination={false}
            data-testid="om-paper"
            columns={[
              { title: k('household'), dataIndex: 'householdName' },
              { title: k('byProxy'), dataIndex: 'proxyName', render: (v: string | null) => v ?? '—' },
              { title: k('enteredBy'), dataIndex: 'enteredByName' },
              { title: k('enteredAt'), dataIndex: 'enteredAt', render: (v: string) => formatMinute(v) },
            ]}
          />
          {write && m.status === 'voting' && (
            <Form
              form={paperForm}
              layout="vertical"
              data-testid="om-paper-form"
              onFinish={async (v) => {
                const choices = m.matterList.map((x) => ({ matterId: x.id, choice: v.choices?.[x.id] }));
                if (await act(() => post('/paper-ballots', { householdId: v.householdId, choices }))) paperForm.resetFields();
              }}
            >
              <Form.Item name="householdId" label={k('household')} rules={[{ required: true, message: t('common.required') }]}>
                <TerritorySelect selectableKinds={['household']} style={{ width: 260 }} />
              </Form.Item>
              {m.matterList.map((x) => (
                <Form.Item
                  key={x.id}
                  name={['choices', x.id]}
                  label={`${x.position}. ${x.title}`}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <Radio.Group options={matterChoices.map((c) => ({ value: c, label: t(`ownersCommittees.meetings.choices.${c}`) }))} />
                </Form.Item>
              ))}
              <Button htmlType="submit" type="primary" data-testid="om-paper-submit">
                {k('enterPaper')}
              </Button>
            </Form>
          )}
        </Space>
      )}
    </Drawer>
  );
}
