import { PlusOutlined } from '@ant-design/icons';
import type { Committee } from '@linli/owners-committees/contract';
import { committeeKinds, committeeStatuses } from '@linli/owners-committees/vocabulary';
import { useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Button, Card, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommitteeDrawer } from './committee-drawer.tsx';
import { CommitteeTable } from './committee-table.tsx';
import { CreateCommitteeModal } from './create-committee-modal.tsx';

/** 业委会 / 业工委 / 物管会 in scope: filter by kind, status, place and party share; Excel; a row opens the committee. */
export default function OwnersCommitteesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>('active');
  const [partyShareMet, setPartyShareMet] = useState<boolean | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  // ?open=<id>: a link to one committee (from an election's result) opens its drawer.
  const [open, setOpen] = useState<string | null>(() => new URLSearchParams(window.location.search).get('open'));
  const filters = { nodeId, kind, status, partyShareMet, q };
  const list = useCursorList<Committee>('/owners-committees', filters, 50, '-formedOn');
  return (
    <Card title={t('ownersCommittees.title')}>
      <CommitteeTable
        list={list}
        exportPath="/owners-committees"
        exportQuery={filters}
        exportName="业委会.xlsx"
        testId="oc-table"
        onOpen={(c) => setOpen(c.id)}
        toolbar={
          <>
            <TerritorySelect
              deepestKind="compound"
              allowClear
              placeholder={t('ownersCommittees.place')}
              style={{ width: 200 }}
              onChange={(v) => setNodeId(v)}
            />
            <Select
              allowClear
              placeholder={t('ownersCommittees.kind')}
              style={{ width: 170 }}
              onChange={setKind}
              options={committeeKinds.map((k) => ({ value: k, label: t(`ownersCommittees.kinds.${k}`) }))}
            />
            <Select
              allowClear
              value={status}
              placeholder={t('ownersCommittees.status')}
              style={{ width: 110 }}
              onChange={setStatus}
              options={committeeStatuses.map((s) => ({ value: s, label: t(`ownersCommittees.statuses.${s}`) }))}
            />
            <Select
              allowClear
              placeholder={t('ownersCommittees.partyShareFilter')}
              style={{ width: 130 }}
              onChange={(v?: string) => setPartyShareMet(v === undefined ? undefined : v === 'met')}
              options={[
                { value: 'met', label: t('ownersCommittees.met') },
                { value: 'notMet', label: t('ownersCommittees.notMet') },
              ]}
              data-testid="oc-filter-party"
            />
            <Input.Search
              allowClear
              placeholder={t('ownersCommittees.search')}
              style={{ width: 200 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
            {can('ownersCommittees.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="oc-create">
                {t('ownersCommittees.create')}
              </Button>
            )}
          </>
        }
      />
      <CreateCommitteeModal open={creating} onClose={() => setCreating(false)} onCreated={list.reload} />
      <CommitteeDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
    </Card>
  );
}
