import type { Query } from '@linli/web-kit/client';
import { useCursorList } from '@linli/web-kit/components/cursor-list';
import type { DualRegistration, Organisation } from '@linli/web-kit/types';
import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateDualRegistrationModal } from './create-dual-registration-modal.tsx';
import { CreateOrganisationModal } from './create-organisation-modal.tsx';
import { DualRegistrationsFilter } from './dual-registrations-filter.tsx';
import { DualRegistrationsTable } from './dual-registrations-table.tsx';
import { type OrganisationFilters, OrganisationsFilter } from './organisations-filter.tsx';
import { OrganisationsTable } from './organisations-table.tsx';

function OrganisationsTab() {
  const [filter, setFilter] = useState<OrganisationFilters>({ q: '' });
  const [creating, setCreating] = useState(false);
  const filters: Query = { kind: filter.kind, nodeId: filter.nodeId, q: filter.q };
  const list = useCursorList<Organisation>('/organisations', filters);
  return (
    <>
      <OrganisationsTable
        list={list}
        filters={filters}
        toolbar={<OrganisationsFilter value={filter} onChange={setFilter} onCreate={() => setCreating(true)} />}
      />
      <CreateOrganisationModal open={creating} onClose={() => setCreating(false)} onCreated={list.reload} />
    </>
  );
}

function DualRegistrationsTab() {
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const list = useCursorList<DualRegistration>('/dual-registrations', { communityId });
  return (
    <>
      <DualRegistrationsTable
        list={list}
        toolbar={<DualRegistrationsFilter communityId={communityId} onChange={setCommunityId} onCreate={() => setCreating(true)} />}
      />
      <CreateDualRegistrationModal open={creating} communityId={communityId} onClose={() => setCreating(false)} onCreated={list.reload} />
    </>
  );
}

/** Organisations: the organisation list and the dual registrations (双报到), each tab a filter bar, a table and a create dialog. */
export default function OrganisationsPage() {
  const { t } = useTranslation();
  return (
    <Card title={t('organisations.title')}>
      <Tabs
        items={[
          { key: 'organisations', label: t('organisations.list'), children: <OrganisationsTab /> },
          { key: 'dual', label: t('organisations.dualRegistrations'), children: <DualRegistrationsTab /> },
        ]}
      />
    </Card>
  );
}
