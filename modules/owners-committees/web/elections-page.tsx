import type { Committee, Election } from '@linli/owners-committees/contract';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Button, Card, InputNumber, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommitteeDrawer } from './committee-drawer.tsx';
import { CommitteeTable } from './committee-table.tsx';
import { CreateElectionModal } from './create-election-modal.tsx';
import { ElectionDrawer } from './election-drawer.tsx';

/** 换届: committees whose term ends within N days, and the re-elections with their candidates, vetting, vote and result. */
export default function ElectionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [days, setDays] = useState(90);
  const [committee, setCommittee] = useState<string | null>(null);
  const [election, setElection] = useState<string | null>(() => new URLSearchParams(window.location.search).get('open'));
  const ending = useCursorList<Committee>('/owners-committees/terms-ending', { nodeId, days }, 50, 'termEnd');
  const elections = useCursorList<Election>('/owners-committees/elections', { nodeId }, 50);
  const columns: ColumnsType<Election> = [
    {
      title: t('ownersCommittees.elections.list'),
      dataIndex: 'title',
      render: (v: string, e) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setElection(e.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('ownersCommittees.compound'), dataIndex: 'compoundName' },
    {
      title: t('ownersCommittees.elections.status'),
      dataIndex: 'status',
      render: (s: Election['status']) => t(`ownersCommittees.elections.statuses.${s}`),
    },
    { title: t('ownersCommittees.elections.seats'), dataIndex: 'seats' },
    { title: t('ownersCommittees.elections.candidates'), dataIndex: 'candidates' },
  ];
  const place = (
    <TerritorySelect
      deepestKind="compound"
      allowClear
      placeholder={t('ownersCommittees.place')}
      style={{ width: 200 }}
      onChange={(v) => setNodeId(v)}
    />
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={t('ownersCommittees.terms.title')}>
        <CommitteeTable
          list={ending}
          exportPath="/owners-committees/terms-ending"
          exportQuery={{ nodeId, days }}
          exportName="业委会任期届满.xlsx"
          testId="oc-terms-ending"
          onOpen={(c) => setCommittee(c.id)}
          toolbar={
            <>
              {place}
              <span>{t('ownersCommittees.terms.within')}</span>
              <InputNumber min={1} max={730} value={days} onChange={(v) => v && setDays(v)} data-testid="oc-terms-days" />
            </>
          }
        />
      </Card>
      <Card title={t('ownersCommittees.elections.title')}>
        <CursorTable<Election>
          list={elections}
          columns={columns}
          rowKey="id"
          exportPath="/owners-committees/elections"
          exportQuery={{ nodeId }}
          exportName="业委会换届选举.xlsx"
          testId="oc-elections"
          toolbar={
            can('ownersCommittees.write') && (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="oc-election-create">
                {t('ownersCommittees.elections.create')}
              </Button>
            )
          }
        />
      </Card>
      <CommitteeDrawer
        id={committee}
        onClose={() => setCommittee(null)}
        onChanged={() => Promise.all([ending.reload(), elections.reload()])}
      />
      <CreateElectionModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          void elections.reload();
          setElection(created.id);
        }}
      />
      <ElectionDrawer id={election} onClose={() => setElection(null)} onChanged={elections.reload} />
    </Space>
  );
}
