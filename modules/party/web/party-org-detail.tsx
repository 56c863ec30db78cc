import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { useCan } from '@linli/web-kit/current-user';
import { partyKindLabel } from '@linli/web-kit/labels';
import type { PartyMember, PartyOrg } from '@linli/web-kit/types';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { childPartyKind } from './party-forms.tsx';

function OrgMembers({ org }: { org: PartyOrg }) {
  const { t } = useTranslation();
  const list = useCursorList<PartyMember>('/party/members', { orgId: org.id }, 20);
  return (
    <CursorTable<PartyMember>
      testId="party-members"
      list={list}
      rowKey="id"
      size="small"
      columns={[
        { key: 'name', title: t('people.name'), dataIndex: 'name' },
        { key: 'orgName', title: t('party.org'), dataIndex: 'orgName' },
        { key: 'joinedOn', title: t('party.joinedOn'), dataIndex: 'joinedOn' },
        {
          key: 'status',
          title: t('common.status'),
          dataIndex: 'status',
          render: (s: string, m) => (
            <Space size={4}>
              <Tag color={s === 'full' ? 'red' : 'orange'}>{t(`party.statuses.${s as 'full' | 'probationary'}`)}</Tag>
              {m.inService && <Tag>{t('party.inService')}</Tag>}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** The selected organisation: kind, secretary, member count, place and (with people.sensitive) its member roll. */
export function PartyOrgDetail({
  selected,
  version,
  onCreateChild,
  onAddMember,
}: {
  selected: PartyOrg;
  version: number;
  onCreateChild: () => void;
  onAddMember: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const writable = can('party.write');
  const childKind = childPartyKind(selected.kind);
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={selected.name}
      data-testid="party-org-detail"
      extra={
        writable && (
          <Space size={4} wrap>
            {childKind && (
              <Button size="small" icon={<PlusOutlined />} onClick={onCreateChild} data-testid="create-party-child">
                {partyKindLabel(childKind)}
              </Button>
            )}
            <Button size="small" icon={<UserAddOutlined />} onClick={onAddMember} data-testid="add-party-member">
              {t('party.addMember')}
            </Button>
          </Space>
        )
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'kind', label: t('common.kind'), children: partyKindLabel(selected.kind) },
          { key: 'secretary', label: t('party.secretary'), children: selected.secretaryName ?? '—' },
          { key: 'members', label: t('party.memberCount'), children: selected.memberCount },
          {
            key: 'node',
            label: t('party.node'),
            children: selected.nodeId ? <Link to={`/territory/${selected.nodeId}`}>{selected.nodeName}</Link> : '—',
          },
        ]}
      />
      {/* The member roll is sensitive personal information (people.sensitive); the count above is not. */}
      {can('people.sensitive') && (
        <>
          <Typography.Title level={5}>{t('party.members')}</Typography.Title>
          <OrgMembers key={`${selected.id}:${version}`} org={selected} />
        </>
      )}
    </Card>
  );
}
