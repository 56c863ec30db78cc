import { PlusOutlined } from '@ant-design/icons';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Button, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export interface GridFilters {
  communityId?: string;
  q: string;
}

/** The grid list's filter bar: community, name search and (with grid.write) the create button. */
export function GridsFilter({
  value,
  onChange,
  onCreate,
}: {
  value: GridFilters;
  onChange: (next: GridFilters) => void;
  onCreate: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <TerritorySelect
        value={value.communityId}
        onChange={(v) => onChange({ ...value, communityId: v })}
        selectableKinds={['community']}
        deepestKind="community"
        placeholder={t('grids.community')}
      />
      <Input.Search allowClear placeholder={t('grids.name')} onSearch={(q) => onChange({ ...value, q })} style={{ width: 180 }} />
      {can('grid.write') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="create-grid">
          {t('grids.create')}
        </Button>
      )}
    </>
  );
}
