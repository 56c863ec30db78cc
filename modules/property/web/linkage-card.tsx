import type { CompoundLinkage } from '@linli/property/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Card, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { looseT } from './loose-t.ts';

/**
 * The five-level linkage (五级联动) of a compound as one chain, top to bottom: community party
 * organisation → compound branch → owners' committee → micro-grids → party member households. A
 * missing level shows as a gap to fill (red), not as an empty line.
 */
export function LinkageCard({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const { data } = useData(
    (signal) => api.get<CompoundLinkage>(`/property/compounds/${compoundId}/linkage`, undefined, { signal }),
    [compoundId],
  );
  const l = (key: string, vars?: Record<string, unknown>) => looseT(t)(`property.linkage.${key}`, vars);
  if (!data) return null;
  const lead = (name: string | null) => (name ? l('leader', { name }) : '');
  const level = (title: string, ok: boolean, description: string) => ({
    title,
    status: ok ? ('finish' as const) : ('error' as const),
    content: <Typography.Text type={ok ? undefined : 'danger'}>{description}</Typography.Text>,
  });
  const grids = data.microGrids;
  return (
    <Card size="small" title={l('title')} style={{ marginTop: 24 }} data-testid="property-linkage">
      <Steps
        orientation="vertical"
        size="small"
        items={[
          level(
            l('communityOrg'),
            data.communityOrg !== null,
            data.communityOrg ? `${data.communityOrg.name}${lead(data.communityOrg.leader)}` : l('missing'),
          ),
          level(
            l('compoundBranch'),
            data.compoundBranch !== null,
            data.compoundBranch ? `${data.compoundBranch.name}${lead(data.compoundBranch.leader)}` : l('missing'),
          ),
          level(
            l('committee'),
            data.committee !== null,
            data.committee
              ? `${data.committee.name}${data.committee.chair ? l('chair', { name: data.committee.chair }) : ''}${l('members', { n: data.committee.members })}`
              : l('missing'),
          ),
          level(
            l('microGrids'),
            grids.length > 0,
            grids.length > 0 ? grids.map((g) => `${g.name}${lead(g.leader)}${l('members', { n: g.members })}`).join('；') : l('missing'),
          ),
          level(l('memberHouseholds'), data.memberHouseholds > 0, l('households', { n: data.memberHouseholds, of: data.households })),
        ]}
      />
    </Card>
  );
}
