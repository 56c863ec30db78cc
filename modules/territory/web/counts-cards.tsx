import type { NodeCounts } from '@linli/web-kit/types';
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

export function CountsCards({ counts }: { counts: NodeCounts }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} data-testid="counts-cards">
      {/* A count the user may not see (residents, party members) is absent, not zero. */}
      {keys
        .filter((key) => counts[key] !== undefined)
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
