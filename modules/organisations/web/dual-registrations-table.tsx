import { type CursorListState, CursorTable } from '@linli/web-kit/components/cursor-list';
import type { DualRegistration } from '@linli/web-kit/types';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Dual registrations (双报到): community, the organisation or party member registered, date and services. */
export function DualRegistrationsTable({ list, toolbar }: { list: CursorListState<DualRegistration>; toolbar: ReactNode }) {
  const { t } = useTranslation();
  const columns: ColumnsType<DualRegistration> = [
    { key: 'communityName', title: t('organisations.community'), dataIndex: 'communityName' },
    {
      key: 'who',
      title: t('organisations.dualWho'),
      render: (_: unknown, r) =>
        r.organisationName ? (
          <>
            <Tag color="blue">{t('organisations.dualOrganisation')}</Tag>
            {r.organisationName}
          </>
        ) : (
          <>
            <Tag color="red">{t('organisations.dualMember')}</Tag>
            {r.residentName}
          </>
        ),
    },
    { key: 'registeredOn', title: t('organisations.registeredOn'), dataIndex: 'registeredOn' },
    { key: 'services', title: t('organisations.services'), dataIndex: 'services' },
  ];
  return (
    <CursorTable<DualRegistration>
      testId="dual-registrations-table"
      list={list}
      columns={columns}
      rowKey="id"
      size="small"
      toolbar={toolbar}
    />
  );
}
