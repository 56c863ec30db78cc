import type { TerritoryNode } from '@linli/web-kit/types';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeAttrs } from '../src/vocabulary.ts';

/** The households of one entrance; picking one narrows the residents below to it. */
export function HouseholdsTable({
  households,
  loading,
  selected,
  onSelect,
}: {
  households: TerritoryNode[] | null;
  loading: boolean;
  selected: string | undefined;
  onSelect: (household: string | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table<TerritoryNode>
      data-testid="households-table"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={households ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      rowSelection={{
        type: 'radio',
        selectedRowKeys: selected ? [selected] : [],
        onChange: (keys) => onSelect(keys[0] ? String(keys[0]) : undefined),
      }}
      columns={[
        {
          key: 'name',
          title: t('common.name'),
          dataIndex: 'name',
          sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }),
        },
        { key: 'code', title: t('common.code'), dataIndex: 'code' },
        {
          key: 'attrs',
          title: t('common.detail'),
          dataIndex: 'attrs',
          render: (attrs: Record<string, unknown> | null) => describeAttrs(attrs, i18n.language === 'en-US' ? 'en' : 'zh'),
        },
      ]}
    />
  );
}
