import { Card, Col, Empty, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { NodeDetailPanel } from './node-detail.tsx';
import { TerritoryTree } from './territory-tree.tsx';

export default function TerritoryPage() {
  const { t } = useTranslation();
  const { nodeId } = useParams();
  const navigate = useNavigate();
  const [version, setVersion] = useState(0);
  const select = (id: string) => navigate(`/territory/${id}`);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8} xl={7}>
        <Card title={t('territory.tree')} size="small" styles={{ body: { maxHeight: '75vh', overflow: 'auto' } }}>
          <TerritoryTree selectedId={nodeId} onSelect={(n) => select(n.id)} version={version} />
        </Card>
      </Col>
      <Col xs={24} lg={16} xl={17}>
        {nodeId ? (
          <NodeDetailPanel nodeId={nodeId} onNavigate={select} onChanged={() => setVersion((v) => v + 1)} />
        ) : (
          <Card>
            <Empty description={t('territory.selectNode')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
