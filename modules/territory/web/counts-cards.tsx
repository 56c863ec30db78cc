import type { NodeCounts, TerritoryNode } from '@linli/web-kit/types';
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';

const keys: (keyof NodeCounts)[] = [
  'subdistricts',
  'communities',
  'compounds',
  'buildings',
  'entrances',
  'households',
  'residents',
  'partyMembers',
];

const depth: Record<TerritoryNode['kind'], number> = {
  county: 0,
  subdistrict: 1,
  community: 2,
  compound: 3,
  building: 4,
  entrance: 5,
  household: 6,
};
/** The kind of node each count is of (residents and party members: none, always shown). */
const countDepth: Partial<Record<keyof NodeCounts, number>> = {
  subdistricts: 1,
  communities: 2,
  compounds: 3,
  buildings: 4,
  entrances: 5,
  households: 6,
};

/**
 * The counts of a node's subtree: only of the kinds below it (a compound shows no 街道 0, 社区 0,
 * 小区 1 — itself — but its buildings, entrances, households, residents and party members).
 */
export function CountsCards({ counts, kind }: { counts: NodeCounts; kind: TerritoryNode['kind'] }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} data-testid="counts-cards">
      {/* A count the user may not see (residents, party members) is absent, not zero. */}
      {keys
        .filter((key) => counts[key] !== undefined && (countDepth[key] ?? Number.POSITIVE_INFINITY) > depth[kind])
        .map((key) => (
          <Col key={key} xs={12} sm={8} md={6} xxl={3}>
            <Card size="small" data-testid={`count-card-${key}`}>
              <Statistic title={t(`counts.${key}`)} value={counts[key]} />
            </Card>
          </Col>
        ))}
    </Row>
  );
}
