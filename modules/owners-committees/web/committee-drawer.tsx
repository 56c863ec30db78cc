import type { CommitteeDetail, CommitteeMember, Election } from '@linli/owners-committees/contract';
import { memberPositions } from '@linli/owners-committees/vocabulary';
import { api } from '@linli/web-kit/client';
import { ResidentSelect } from '@linli/web-kit/components/resident-select';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { percent } from './labels.ts';

const today = () => dayjs().format('YYYY-MM-DD');

/** One committee: term, party share from the records, members (with party tags where allowed), elections, actions. */
export function CommitteeDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const detail = useData(
    (signal) => (id ? api.get<CommitteeDetail>(`/owners-committees/${id}`, undefined, { signal }) : Promise.resolve(undefined)),
    [id],
  );
  const c = detail.data;
  const elections = useData(
    (signal) =>
      c ? api.get<{ items: Election[] }>('/owners-committees/elections', { nodeId: c.compoundId }, { signal }) : Promise.resolve(undefined),
    [c?.compoundId],
  );
  const [memberForm] = Form.useForm<{ residentId: string; position: CommitteeMember['position']; since: Dayjs }>();
  const [electionForm] = Form.useForm<{ seats: number }>();
  const [endStatus, setEndStatus] = useState<'expired' | 'dissolved'>('expired');
  const write = can('ownersCommittees.write') && c?.status === 'active';
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      message.success(t('common.saved'));
      await detail.reload();
      await elections.reload();
      onChanged();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const yes = (v: boolean) => (v ? t('ownersCommittees.yes') : t('ownersCommittees.no'));
  return (
    <Drawer open={id !== null} onClose={onClose} width={760} title={c?.name} destroyOnHidden data-testid="oc-drawer">
      {c && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('ownersCommittees.compound')}>{c.compoundName}</Descriptions.Item>
            <Descriptions.Item label={t('ownersCommittees.kind')}>{t(`ownersCommittees.kinds.${c.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('ownersCommittees.formedOn')}>{c.formedOn}</Descriptions.Item>
            <Descriptions.Item label={t('ownersCommittees.status')}>{t(`ownersCommittees.statuses.${c.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('ownersCommittees.termStart')}>{c.termStart}</Descriptions.Item>
            <Descriptions.Item label={t('ownersCommittees.termEnd')}>{c.termEnd}</Descriptions.Item>
            <Descriptions.Item label={t('ownersCommittees.partyShare')}>
              <Tag color={c.party.met ? 'green' : c.party.ruleApplies ? 'red' : 'default'}>
                {c.party.partyMembers}/{c.party.members} · {percent(c.party.share)}
              </Tag>
              {c.party.ruleApplies ? t('ownersCommittees.ruleApplies') : t('ownersCommittees.notApplicable')}
            </Descriptions.Item>
            <Descriptions.Item label={t('ownersCommittees.chairIsSecretary')}>{yes(c.party.chairIsSecretary)}</Descriptions.Item>
            <Descriptions.Item label={t('ownersCommittees.trained')}>{percent(c.trainedShare)}</Descriptions.Item>
          </Descriptions>
          <Alert type="info" showIcon message={t('ownersCommittees.ruleFrom', { date: c.partyRuleFrom })} />
          <Table<CommitteeMember>
            size="small"
            rowKey="id"
            title={() => t('ownersCommittees.drawer.membersTitle')}
            dataSource={c.members}
            pagination={false}
            data-testid="oc-members"
            columns={[
              { title: t('ownersCommittees.name'), dataIndex: 'name' },
              {
                title: t('ownersCommittees.elections.position'),
                dataIndex: 'position',
                render: (p: CommitteeMember['position']) => t(`ownersCommittees.positions.${p}`),
              },
              {
                title: t('ownersCommittees.drawer.party'),
                key: 'party',
                render: (_: unknown, m) =>
                  m.partyMember === undefined ? (
                    <Tag>{t('ownersCommittees.drawer.hiddenParty')}</Tag>
                  ) : (
                    <Space size={4}>
                      {m.partyMember && <Tag color="red">{t('ownersCommittees.drawer.party')}</Tag>}
                      {m.branchSecretary && <Tag color="volcano">{t('ownersCommittees.drawer.secretary')}</Tag>}
                    </Space>
                  ),
              },
              { title: t('ownersCommittees.drawer.since'), dataIndex: 'since' },
              { title: t('ownersCommittees.drawer.until'), dataIndex: 'until' },
              { title: t('ownersCommittees.drawer.trainings'), dataIndex: 'trainings' },
              {
                key: 'end',
                render: (_: unknown, m) =>
                  write && !m.until ? (
                    <Popconfirm
                      title={`${t('ownersCommittees.drawer.endMember')} ${today()}`}
                      onConfirm={() => act(() => api.post(`/owners-committees/${c.id}/members/${m.id}/end`, { until: today() }))}
                    >
                      <Button size="small">{t('ownersCommittees.drawer.endMember')}</Button>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
          {write && (
            <Form
              form={memberForm}
              layout="inline"
              initialValues={{ position: 'member', since: dayjs() }}
              onFinish={(v) =>
                act(async () => {
                  await api.post(`/owners-committees/${c.id}/members`, {
                    residentId: v.residentId,
                    position: v.position,
                    since: v.since.format('YYYY-MM-DD'),
                  });
                  memberForm.resetFields();
                })
              }
            >
              <Form.Item name="residentId" rules={[{ required: true, message: t('common.required') }]}>
                <ResidentSelect nodeId={c.compoundId} testId="oc-member-resident" />
              </Form.Item>
              <Form.Item name="position">
                <Select
                  style={{ width: 100 }}
                  options={memberPositions.map((p) => ({ value: p, label: t(`ownersCommittees.positions.${p}`) }))}
                />
              </Form.Item>
              <Form.Item name="since">
                <DatePicker />
              </Form.Item>
              <Button htmlType="submit" type="primary" data-testid="oc-member-add">
                {t('ownersCommittees.drawer.addMember')}
              </Button>
            </Form>
          )}
          <Table<Election>
            size="small"
            rowKey="id"
            title={() => t('ownersCommittees.drawer.elections')}
            dataSource={elections.data?.items ?? []}
            pagination={false}
            columns={[
              {
                title: t('ownersCommittees.elections.list'),
                dataIndex: 'title',
                render: (v: string, e) => <a href={`/owners-committees/elections?open=${e.id}`}>{v}</a>,
              },
              {
                title: t('ownersCommittees.elections.status'),
                dataIndex: 'status',
                render: (s: Election['status']) => t(`ownersCommittees.elections.statuses.${s}`),
              },
              { title: t('ownersCommittees.elections.candidates'), dataIndex: 'candidates' },
            ]}
          />
          {write && (
            <Space wrap>
              <Form form={electionForm} layout="inline" initialValues={{ seats: 5 }}>
                <Form.Item name="seats" label={t('ownersCommittees.elections.seats')}>
                  <InputNumber min={3} max={15} />
                </Form.Item>
                <Button
                  data-testid="oc-start-election"
                  onClick={() =>
                    act(() =>
                      api.post('/owners-committees/elections', {
                        compoundId: c.compoundId,
                        kind: c.kind === 'property_management_committee' ? 'owners_committee' : c.kind,
                        seats: electionForm.getFieldValue('seats'),
                      }),
                    )
                  }
                >
                  {t('ownersCommittees.drawer.startElection')}
                </Button>
              </Form>
              <Select
                value={endStatus}
                style={{ width: 110 }}
                onChange={setEndStatus}
                options={(['expired', 'dissolved'] as const).map((s) => ({ value: s, label: t(`ownersCommittees.statuses.${s}`) }))}
              />
              <Popconfirm
                title={`${t('ownersCommittees.drawer.end')} ${today()}`}
                onConfirm={() => act(() => api.post(`/owners-committees/${c.id}/end`, { status: endStatus, endedOn: today() }))}
              >
                <Button danger>{t('ownersCommittees.drawer.end')}</Button>
              </Popconfirm>
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}
