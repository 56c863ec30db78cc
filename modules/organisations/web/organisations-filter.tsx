import { PlusOutlined } from '@ant-design/icons';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Button, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { kindOptions } from './organisation-options.ts';

export interface OrganisationFilters {
  kind?: string;
  nodeId?: string;
  q: string;
}

/** The organisation list's filter bar: kind, place in the territory, name search and (with organisation.write) the create button. */
export function OrganisationsFilter({
  value,
  onChange,
  onCreate,
}: {
  value: OrganisationFilters;
  onChange: (next: OrganisationFilters) => void;
  onCreate: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <Select
        allowClear
        placeholder={t('organisations.kind')}
        value={value.kind}
        onChange={(kind?: string) => onChange({ ...value, kind })}
        options={kindOptions()}
        style={{ width: 180 }}
        data-testid="organisations-kind-filter"
      />
      <TerritorySelect
        value={value.nodeId}
        onChange={(v) => onChange({ ...value, nodeId: v })}
        deepestKind="compound"
        testId="organisations-node-filter"
      />
      <Input.Search allowClear placeholder={t('common.name')} onSearch={(q) => onChange({ ...value, q })} style={{ width: 180 }} />
      {can('organisation.write') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="create-organisation">
          {t('organisations.create')}
        </Button>
      )}
    </>
  );
}
