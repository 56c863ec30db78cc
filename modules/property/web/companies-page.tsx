import { PlusOutlined } from '@ant-design/icons';
import type { CompanyKind, PropertyCompany } from '@linli/property/contract';
import { companyKinds } from '@linli/property/vocabulary';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Button, Card, Input, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompanyDrawer } from './company-drawer.tsx';
import { CompanyForm } from './company-form.tsx';

/** The property company registry (物业服务企业) in the caller's scope: filter by place, kind and name, sort, load more, Excel; a drawer per company. */
export default function CompaniesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [nodeId, setNodeId] = useState<string | undefined>();
  const [kind, setKind] = useState<CompanyKind | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [form, setForm] = useState<{ open: boolean; editing: PropertyCompany | null }>({ open: false, editing: null });
  const [openId, setOpenId] = useState<string | null>(null);
  const filters = { nodeId, kind, q };
  const list = useCursorList<PropertyCompany>('/property/companies', filters, 50, 'name');
  const columns: ColumnsType<PropertyCompany> = [
    {
      title: t('property.companyName'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      render: (v: string, c) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(c.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('property.kind'), dataIndex: 'kind', key: 'kind', render: (k: CompanyKind) => t(`property.kinds.${k}`) },
    { title: t('property.community'), dataIndex: 'communityName', key: 'communityName' },
    { title: t('property.partyOrg'), dataIndex: 'partyOrgName', key: 'partyOrgName', responsive: ['lg'] },
    { title: t('property.instructor'), dataIndex: 'instructorName', key: 'instructorName', responsive: ['lg'] },
    { title: t('property.servicePhone'), dataIndex: 'servicePhone', key: 'servicePhone', responsive: ['xl'] },
    { title: t('property.compounds'), dataIndex: 'compounds', key: 'compounds', width: 100 },
  ];
  return (
    <Card title={t('property.companiesTitle')}>
      <CursorTable<PropertyCompany>
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/property/companies"
        exportQuery={filters}
        exportName="物业服务企业.xlsx"
        testId="property-companies-table"
        toolbar={
          <>
            <TerritorySelect
              deepestKind="community"
              allowClear
              placeholder={t('property.place')}
              style={{ width: 220 }}
              onChange={(v) => setNodeId(v)}
            />
            <Select<CompanyKind>
              allowClear
              placeholder={t('property.kind')}
              style={{ width: 160 }}
              options={companyKinds.map((k) => ({ value: k, label: t(`property.kinds.${k}`) }))}
              onChange={(v) => setKind(v)}
            />
            <Input.Search
              allowClear
              placeholder={t('property.search')}
              style={{ width: 200 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
            {can('property.write') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm({ open: true, editing: null })}
                data-testid="property-company-create"
              >
                {t('property.createCompany')}
              </Button>
            )}
          </>
        }
      />
      <CompanyForm
        open={form.open}
        editing={form.editing}
        onClose={() => setForm({ open: false, editing: null })}
        onSaved={() => list.reload()}
      />
      <CompanyDrawer
        companyId={openId}
        onClose={() => setOpenId(null)}
        onEdit={(c) => {
          setOpenId(null);
          setForm({ open: true, editing: c });
        }}
      />
    </Card>
  );
}
