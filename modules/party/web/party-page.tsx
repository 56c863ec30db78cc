import { PlusOutlined } from '@ant-design/icons';
import { useCan } from '@linli/web-kit/current-user';
import { partyKindLabel } from '@linli/web-kit/labels';
import type { PartyOrg } from '@linli/web-kit/types';
import { Button, Card, Col, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CoverageReport } from './party-coverage.tsx';
import { AddPartyMemberModal, CreatePartyOrgModal } from './party-forms.tsx';
import { PartyOrgDetail } from './party-org-detail.tsx';
import { OrgTree } from './party-tree.tsx';

/** Party building: the organisation tree, the selected organisation, the coverage report and the create / add-member dialogs. */
export default function PartyPage() {
  const { t } = useTranslation();
  const can = useCan();
  const writable = can('party.write');
  const [selected, setSelected] = useState<PartyOrg | null>(null);
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState<'top' | 'child' | null>(null);
  const [adding, setAdding] = useState<PartyOrg | null>(null);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card
          title={t('party.tree')}
          size="small"
          styles={{ body: { maxHeight: '70vh', overflow: 'auto' } }}
          extra={
            writable && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating('top')} data-testid="create-party-top">
                {partyKindLabel('subdistrict_committee')}
              </Button>
            )
          }
        >
          <OrgTree onSelect={setSelected} version={version} />
        </Card>
        {selected && (
          <PartyOrgDetail
            selected={selected}
            version={version}
            onCreateChild={() => setCreating('child')}
            onAddMember={() => setAdding(selected)}
          />
        )}
      </Col>
      <Col xs={24} lg={15}>
        <CoverageReport />
      </Col>
      <CreatePartyOrgModal
        open={creating !== null}
        parent={creating === 'child' ? selected : null}
        onClose={() => setCreating(null)}
        onCreated={() => setVersion((v) => v + 1)}
      />
      <AddPartyMemberModal org={adding} onClose={() => setAdding(null)} onAdded={() => setVersion((v) => v + 1)} />
    </Row>
  );
}
