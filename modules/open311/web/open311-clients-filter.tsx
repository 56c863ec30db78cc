import { SearchOutlined } from '@ant-design/icons';
import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

export type StatusFilter = 'all' | 'active' | 'inactive';

/** Filters the loaded clients by name and by active / inactive. */
export function Open311ClientsFilter({
  query,
  status,
  onQuery,
  onStatus,
}: {
  query: string;
  status: StatusFilter;
  onQuery: (query: string) => void;
  onStatus: (status: StatusFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('open311Clients.searchName')}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        style={{ width: 240 }}
        data-testid="open311-search"
      />
      <Select<StatusFilter>
        value={status}
        onChange={onStatus}
        style={{ width: 140 }}
        options={[
          { value: 'all', label: `${t('open311Clients.status')}: ${t('common.all')}` },
          { value: 'active', label: t('open311Clients.active') },
          { value: 'inactive', label: t('open311Clients.inactive') },
        ]}
      />
    </Flex>
  );
}
