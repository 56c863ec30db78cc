import type { Query } from '@linli/web-kit/client';
import { type CursorListState, CursorTable } from '@linli/web-kit/components/cursor-list';
import { organisationKindLabel } from '@linli/web-kit/labels';
import type { Organisation } from '@linli/web-kit/types';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The organisation list: name, kind, place, served compounds (property companies), contact and credit code; exportable. */
export function OrganisationsTable({
  list,
  filters,
  toolbar,
}: {
  list: CursorListState<Organisation>;
  filters: Query;
  toolbar: ReactNode;
}) {
  const { t } = useTranslation();
  const columns: ColumnsType<Organisation> = [
    { key: 'name', title: t('common.name'), dataIndex: 'name', fixed: 'left' },
    { key: 'kind', title: t('organisations.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{organisationKindLabel(k)}</Tag> },
    {
      key: 'nodeName',
      title: t('organisations.node'),
      dataIndex: 'nodeName',
      render: (name: string, o) => <Link to={`/territory/${o.nodeId}`}>{name}</Link>,
    },
    {
      key: 'served',
      title: t('organisations.servedCompounds'),
      dataIndex: 'servedCompounds',
      render: (served: Organisation['servedCompounds'], o) =>
        o.kind === 'property_company' ? (
          <>
            {o.stateOwned && <Tag color="red">{t('organisations.stateOwned')}</Tag>}
            {served.map((c) => (
              <Tag key={c.id}>
                <Link to={`/compounds/${c.id}`}>{c.name}</Link>
              </Tag>
            ))}
          </>
        ) : (
          '—'
        ),
    },
    { key: 'contactName', title: t('organisations.contactName'), dataIndex: 'contactName' },
    { key: 'phone', title: t('organisations.phone'), dataIndex: 'phone' },
    { key: 'creditCode', title: t('organisations.creditCode'), dataIndex: 'creditCode' },
  ];
  return (
    <CursorTable<Organisation>
      testId="organisations-table"
      list={list}
      columns={columns}
      rowKey="id"
      exportPath="/organisations"
      exportQuery={filters}
      exportName="organisations.xlsx"
      size="small"
      toolbar={toolbar}
    />
  );
}
