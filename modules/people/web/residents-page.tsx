import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResidentsTable } from './residents-table.tsx';

export default function ResidentsPage() {
  const { t } = useTranslation();
  const [nodeId, setNodeId] = useState<string | undefined>();
  return (
    <Card title={t('menu.residents')}>
      <ResidentsTable nodeId={nodeId} toolbarExtra={<TerritorySelect value={nodeId} onChange={(v) => setNodeId(v)} />} />
    </Card>
  );
}
