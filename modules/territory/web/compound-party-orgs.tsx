import { api, itemsOf } from '@linli/web-kit/client';
import { partyKindLabel } from '@linli/web-kit/labels';
import type { Page, PartyOrg } from '@linli/web-kit/types';
import { useData } from '@linli/web-kit/use-data';
import { Card, List, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Party organisations attached to the compound or one of its buildings (GET /party/orgs?nodeId=, one per node). */
async function orgsOfCompound(compoundId: string, buildingIds: string[]): Promise<PartyOrg[]> {
  const lists = await Promise.all(
    [compoundId, ...buildingIds].map(async (nodeId) => itemsOf(await api.get<Page<PartyOrg> | PartyOrg[]>('/party/orgs', { nodeId }))),
  );
  return lists.flat();
}

export function PartyOrgsCard({ compoundId, buildingIds }: { compoundId: string; buildingIds: string[] }) {
  const { t } = useTranslation();
  const key = buildingIds.join(',');
  const found = useData(() => orgsOfCompound(compoundId, key.split(',').filter(Boolean)).catch((): PartyOrg[] => []), [compoundId, key]);
  const orgs = found.loading ? null : (found.data ?? null);
  return (
    <Card
      title={t('compound.partyOrgs')}
      size="small"
      data-testid="compound-party-orgs"
      styles={{ body: { maxHeight: 320, overflow: 'auto' } }}
    >
      {orgs === null ? (
        <Spin />
      ) : (
        <List
          size="small"
          dataSource={orgs}
          locale={{ emptyText: t('common.none') }}
          renderItem={(o) => (
            <List.Item>
              <Space wrap>
                <Tag color="red">{partyKindLabel(o.kind)}</Tag>
                {o.name}
                <Typography.Text type="secondary">
                  {t('party.memberCount')} {o.memberCount}
                  {o.secretaryName ? ` · ${t('party.secretary')} ${o.secretaryName}` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
