import type { CouncilDetail, CouncilSeat } from '@linli/meetings/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { ResidentSelect } from '@linli/web-kit/components/resident-select';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Descriptions, Drawer, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const roles = [
  'party_branch',
  'owners_committee',
  'property_company',
  'representative',
  'elder',
  'resident_group_leader',
  'street_committee',
  'department',
  'member',
] as const;

interface Named {
  id: string;
  name: string;
}

/** Where the affiliation of a seat comes from: the party organisations, organisations or county departments. */
function affiliationSource(
  role: (typeof roles)[number],
  nodeId: string,
): { field: 'partyOrgId' | 'organisationId' | 'departmentId'; load: () => Promise<Named[]> } | null {
  const items = (p: Promise<{ items: Named[] }>) => p.then((r) => r.items).catch(() => []);
  if (role === 'party_branch' || role === 'street_committee')
    return { field: 'partyOrgId', load: () => items(api.get('/party/orgs', { nodeId })) };
  if (role === 'owners_committee')
    return { field: 'organisationId', load: () => items(api.get('/organisations', { nodeId, kind: 'owners_committee' })) };
  if (role === 'property_company')
    return { field: 'organisationId', load: () => items(api.get('/organisations', { nodeId, kind: 'property_company' })) };
  if (role === 'department') return { field: 'departmentId', load: () => items(api.get('/departments')) };
  return null;
}

/** The party organisation, organisation or department a seat stands for, picked from their records. */
function AffiliationSelect({
  role,
  nodeId,
  value,
  onChange,
}: {
  role: (typeof roles)[number];
  nodeId: string;
  value?: string;
  onChange?: (v?: string) => void;
}) {
  const { t } = useTranslation();
  const source = affiliationSource(role, nodeId);
  const options = useData(() => (source ? source.load() : Promise.resolve([])), [role, nodeId]);
  if (!source) return null;
  return (
    <Select
      allowClear
      style={{ width: 200 }}
      value={value}
      onChange={onChange}
      loading={options.loading}
      placeholder={t(
        source.field === 'partyOrgId'
          ? 'meetings.councils.partyOrg'
          : source.field === 'departmentId'
            ? 'meetings.councils.department'
            : 'meetings.councils.organisation',
      )}
      options={(options.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
      data-testid="seat-affiliation"
    />
  );
}

/** A council with its seats: add a member picked from the residents, end a seat. */
export function CouncilDrawer({ councilId, onClose, onChanged }: { councilId: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const council = useData(
    (signal) => (councilId ? api.get<CouncilDetail>(`/councils/${councilId}`, undefined, { signal }) : Promise.resolve(undefined)),
    [councilId],
  );
  const [form] = Form.useForm<{ role: (typeof roles)[number]; residentId?: string; name?: string; affiliationId?: string }>();
  const role = Form.useWatch('role', form) ?? 'member';
  const { run, error, saving, clearError } = useApiForm(form, ['role', 'residentId', 'name']);
  const c = council.data;
  const addSeat = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !c) return;
    const updated = await run(() =>
      api.post<CouncilDetail>(`/councils/${c.id}/seats`, { role: v.role, residentId: v.residentId, name: v.name?.trim() || undefined }),
    );
    if (updated) {
      message.success(t('common.saved'));
      form.resetFields();
      clearError();
      await council.reload();
      onChanged();
    }
  };
  const endSeat = async (seatId: string) => {
    if (!c) return;
    await api.delete(`/councils/${c.id}/seats/${seatId}`);
    await council.reload();
    onChanged();
  };
  return (
    <Drawer open={councilId !== null} onClose={onClose} width={720} title={c?.name} destroyOnHidden>
      {c && (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('meetings.councils.level')}>{t(`meetings.levels.${c.level}`)}</Descriptions.Item>
            <Descriptions.Item label={t('meetings.councils.place')}>{c.nodeName}</Descriptions.Item>
            <Descriptions.Item label={t('meetings.councils.size')}>
              {c.minMembers !== null && c.maxMembers !== null
                ? t('meetings.councils.sizeRange', { min: c.minMembers, max: c.maxMembers })
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('meetings.councils.quorumPercent')}>{c.quorumPercent}</Descriptions.Item>
            <Descriptions.Item label={t('meetings.councils.term')}>
              {c.termStart || c.termEnd ? `${c.termStart ?? ''} ~ ${c.termEnd ?? ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('meetings.councils.members')}>{c.members}</Descriptions.Item>
          </Descriptions>
          <h4 style={{ marginTop: 16 }}>{t('meetings.councils.seats')}</h4>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.seats}
            data-testid="council-seats"
            columns={[
              {
                title: t('meetings.councils.seatRole'),
                dataIndex: 'role',
                render: (v: CouncilSeat['role']) => t(`meetings.seatRoles.${v}`),
              },
              {
                title: t('meetings.councils.personName'),
                dataIndex: 'name',
                render: (v: string, s) => (
                  <Space>
                    {v}
                    {s.isPartyMember && <Tag color="red">{t('meetings.councils.partyMember')}</Tag>}
                  </Space>
                ),
              },
              {
                title: t('meetings.councils.organisation'),
                key: 'org',
                render: (_: unknown, s) => s.partyOrgName ?? s.organisationName ?? s.departmentName ?? '—',
              },
              {
                title: '',
                key: 'end',
                width: 80,
                render: (_: unknown, s) =>
                  can('meetings.write') && (
                    <Popconfirm title={t('meetings.councils.endSeatConfirm')} onConfirm={() => endSeat(s.id)}>
                      <Button size="small" danger>
                        {t('meetings.councils.endSeat')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
          {can('meetings.write') && c.active && (
            <>
              <h4 style={{ marginTop: 16 }}>{t('meetings.councils.addSeat')}</h4>
              <FormError error={error} />
              <Form form={form} layout="inline" initialValues={{ role: 'member' }} data-testid="seat-form">
                <Form.Item name="role" rules={[{ required: true }]}>
                  <Select
                    style={{ width: 160 }}
                    onChange={() => form.setFieldValue('affiliationId', undefined)}
                    options={roles.map((r) => ({ value: r, label: t(`meetings.seatRoles.${r}`) }))}
                  />
                </Form.Item>
                <Form.Item name="affiliationId">
                  <AffiliationSelect role={role} nodeId={c.nodeId} />
                </Form.Item>
                <Form.Item name="residentId">
                  <ResidentSelect nodeId={c.nodeId} testId="seat-resident" />
                </Form.Item>
                <Form.Item name="name">
                  <Input placeholder={t('meetings.councils.personName')} maxLength={50} style={{ width: 120 }} />
                </Form.Item>
                <Button type="primary" onClick={addSeat} loading={saving} data-testid="seat-add">
                  {t('meetings.councils.addSeat')}
                </Button>
              </Form>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
