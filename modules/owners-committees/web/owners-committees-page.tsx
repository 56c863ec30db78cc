import type { Committee } from '@linli/owners-committees/contract';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { Card } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';

/** The committees in the caller's scope (the full page follows). */
export default function OwnersCommitteesPage() {
  const { t } = useTranslation();
  const list = useCursorList<Committee>('/owners-committees', {}, 50, '-formedOn');
  const columns: ColumnsType<Committee> = [
    { title: t('ownersCommittees.name'), dataIndex: 'name', key: 'name', sorter: true },
    { title: t('ownersCommittees.compound'), dataIndex: 'compoundName', key: 'compoundName' },
  ];
  return (
    <Card title={t('ownersCommittees.title')}>
      <CursorTable<Committee>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/owners-committees"
        exportName="owners-committees.xlsx"
      />
    </Card>
  );
}
