import type { Candidate, ElectionDetail } from '@linli/owners-committees/contract';
import { memberPositions, vettingItems } from '@linli/owners-committees/vocabulary';
import { api } from '@linli/web-kit/client';
import { ResidentSelect } from '@linli/web-kit/components/resident-select';
import { useCan } from '@linli/web-kit/current-user';
import { formatMinute } from '@linli/web-kit/format-time';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, InputNumber, List, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { percent } from './labels.ts';
import type { ownersCommitteesZh } from './strings.zh-CN.ts';

/** The keys of an object whose values are texts (not nested groups). */
type Leaf<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

const vettingColor = { pending: 'default', passed: 'green', failed: 'red' } as const;

/** One re-election: candidates and their eligibility checks, the owners' vote on the ballots engine, the result and notices. */
export function ElectionDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const detail = useData(
    (signal) => (id ? api.get<ElectionDetail>(`/owners-committees/elections/${id}`, undefined, { signal }) : Promise.resolve(undefined)),
    [id],
  );
  const e = detail.data;
  const [candidateForm] = Form.useForm<{ residentId: string; position: Candidate['position'] }>();
  const [vetForm] = Form.useForm<{ candidateId: string; item: (typeof vettingItems)[number]; passed: boolean; note?: string }>();
  const [voteForm] = Form.useForm<{ method: 'tally' | 'online'; maxProxies: number }>();
  const preparing = can('ownersCommittees.write') && e?.status === 'preparing';
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      message.success(t('common.saved'));
      await detail.reload();
      onChanged();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  const k = (key: Leaf<typeof ownersCommitteesZh.ownersCommittees.elections>) => t(`ownersCommittees.elections.${key}`);
  return (
    <Drawer open={id !== null} onClose={onClose} width={820} title={e?.title} destroyOnHidden data-testid="oc-election-drawer">
      {e && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('ownersCommittees.compound')}>{e.compoundName}</Descriptions.Item>
            <Descriptions.Item label={k('status')}>{t(`ownersCommittees.elections.statuses.${e.status}`)}</Descriptions.Item>
            <Descriptions.Item label={k('seats')}>{e.seats}</Descriptions.Item>
            <Descriptions.Item label={k('termYears')}>{e.termYears}</Descriptions.Item>
            {e.result && (
              <>
                <Descriptions.Item label={k('turnout')}>{percent(e.result.turnout)}</Descriptions.Item>
                <Descriptions.Item label={k('areaTurnout')}>{percent(e.result.areaTurnout)}</Descriptions.Item>
                <Descriptions.Item label={k('quorumMet')}>
                  {e.result.quorumMet ? t('ownersCommittees.yes') : t('ownersCommittees.no')}
                </Descriptions.Item>
              </>
            )}
            {e.newCommitteeId && (
              <Descriptions.Item label={k('newCommittee')}>
                <a href={`/owners-committees?open=${e.newCommitteeId}`} data-testid="oc-new-committee">
                  {e.title.replace(/选举$/, '')}
                </a>
              </Descriptions.Item>
            )}
            {e.ballotId && (
              <Descriptions.Item label={k('ballot')}>
                <a href={`/ballots?open=${e.ballotId}`}>{k('ballot')}</a>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Alert type="info" showIcon message={k('voteHint')} />
          <Table<Candidate>
            size="small"
            rowKey="id"
            title={() => k('candidates')}
            dataSource={e.candidateList}
            pagination={false}
            data-testid="oc-candidates"
            expandable={{
              rowExpandable: (c) => c.checks.length > 0,
              expandedRowRender: (c) => (
                <List
                  size="small"
                  dataSource={c.checks}
                  renderItem={(x) => (
                    <List.Item>
                      {t(`ownersCommittees.elections.items.${x.item}`)} ·{' '}
                      <Tag color={x.passed ? 'green' : 'red'}>{x.passed ? k('pass') : k('fail')}</Tag>
                      {x.note} · {k('checkedBy')} {x.checkedByName} · {formatMinute(x.checkedAt)}
                    </List.Item>
                  )}
                />
              ),
            }}
            columns={[
              { title: '#', dataIndex: 'optionNo', width: 40 },
              { title: t('ownersCommittees.name'), dataIndex: 'name' },
              { title: k('position'), dataIndex: 'position', render: (p: Candidate['position']) => t(`ownersCommittees.positions.${p}`) },
              {
                title: t('ownersCommittees.drawer.party'),
                key: 'party',
                render: (_: unknown, c) =>
                  c.partyMember === undefined ? '—' : c.partyMember ? <Tag color="red">{t('ownersCommittees.drawer.party')}</Tag> : null,
              },
              {
                title: k('vetting'),
                dataIndex: 'vetting',
                render: (v: Candidate['vetting']) => (
                  <Tag color={vettingColor[v]}>{t(`ownersCommittees.elections.vettingStatuses.${v}`)}</Tag>
                ),
              },
              { title: k('votes'), dataIndex: 'votes' },
              {
                title: k('elected'),
                dataIndex: 'elected',
                render: (v: boolean | null) => (v ? <Tag color="green">{k('elected')}</Tag> : null),
              },
            ]}
          />
          {preparing && (
            <Form
              form={candidateForm}
              layout="inline"
              initialValues={{ position: 'member' }}
              onFinish={(v) =>
                act(() => api.post(`/owners-committees/elections/${e.id}/candidates`, v).then(() => candidateForm.resetFields()))
              }
            >
              <Form.Item name="residentId" rules={[{ required: true, message: t('common.required') }]}>
                <ResidentSelect nodeId={e.compoundId} testId="oc-candidate-resident" />
              </Form.Item>
              <Form.Item name="position">
                <Select
                  style={{ width: 100 }}
                  options={memberPositions.map((p) => ({ value: p, label: t(`ownersCommittees.positions.${p}`) }))}
                />
              </Form.Item>
              <Button htmlType="submit" data-testid="oc-candidate-add">
                {k('addCandidate')}
              </Button>
            </Form>
          )}
          {preparing && e.candidateList.length > 0 && (
            <Form
              form={vetForm}
              layout="inline"
              initialValues={{ item: 'owner_household', passed: true }}
              onFinish={(v) =>
                act(() =>
                  api.post(`/owners-committees/elections/${e.id}/candidates/${v.candidateId}/checks`, {
                    item: v.item,
                    passed: v.passed,
                    note: v.note || undefined,
                  }),
                )
              }
            >
              <Form.Item name="candidateId" rules={[{ required: true, message: t('common.required') }]}>
                <Select
                  style={{ width: 120 }}
                  placeholder={k('candidates')}
                  options={e.candidateList.map((c) => ({ value: c.id, label: c.name }))}
                />
              </Form.Item>
              <Form.Item name="item" label={k('item')}>
                <Select
                  style={{ width: 140 }}
                  options={vettingItems.map((i) => ({ value: i, label: t(`ownersCommittees.elections.items.${i}`) }))}
                />
              </Form.Item>
              <Form.Item name="passed" label={k('passed')}>
                <Select
                  style={{ width: 90 }}
                  options={[
                    { value: true, label: k('pass') },
                    { value: false, label: k('fail') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="note">
                <Input placeholder={t('ownersCommittees.note')} maxLength={500} style={{ width: 160 }} />
              </Form.Item>
              <Button htmlType="submit" data-testid="oc-vet">
                {k('vet')}
              </Button>
            </Form>
          )}
          {preparing && (
            <Form
              form={voteForm}
              layout="inline"
              initialValues={{ method: 'tally', maxProxies: 1 }}
              onFinish={(v) => act(() => api.post(`/owners-committees/elections/${e.id}/vote`, v))}
            >
              <Form.Item name="method" label={k('method')}>
                <Select
                  style={{ width: 170 }}
                  options={(['tally', 'online'] as const).map((m) => ({ value: m, label: t(`ownersCommittees.elections.methods.${m}`) }))}
                />
              </Form.Item>
              <Form.Item name="maxProxies" label={k('maxProxies')}>
                <InputNumber min={0} max={50} />
              </Form.Item>
              <Button type="primary" htmlType="submit" data-testid="oc-open-vote">
                {k('openVote')}
              </Button>
            </Form>
          )}
          {can('ownersCommittees.write') && e.status === 'voting' && (
            <Popconfirm title={k('close')} onConfirm={() => act(() => api.post(`/owners-committees/elections/${e.id}/close`, {}))}>
              <Button type="primary" data-testid="oc-close-election">
                {k('close')}
              </Button>
            </Popconfirm>
          )}
          <List
            header={k('notices')}
            dataSource={e.notices}
            renderItem={(n) => (
              <List.Item>
                <List.Item.Meta title={`${n.title} · ${formatMinute(n.publishedAt)}`} description={n.body} />
              </List.Item>
            )}
          />
        </Space>
      )}
    </Drawer>
  );
}
