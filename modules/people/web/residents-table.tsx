import { EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { api, type Query } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { useCan } from '@linli/web-kit/current-user';
import { genderLabel } from '@linli/web-kit/labels';
import type { Resident } from '@linli/web-kit/types';
import { App, Button, Descriptions, Input, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResidentFormModal } from './resident-form.tsx';

function RevealButton({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [loading, setLoading] = useState(false);
  const reveal = async () => {
    setLoading(true);
    try {
      const data = await api.post<{ phone: string | null; idNumber: string | null }>(`/people/residents/${resident.id}/reveal`);
      modal.info({
        title: `${t('people.revealTitle')} · ${resident.name}`,
        content: (
          <div data-testid="reveal-result">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'phone', label: t('people.phone'), children: data.phone ?? '—' },
                { key: 'id', label: t('people.idNumber'), children: data.idNumber ?? '—' },
              ]}
            />
            <Typography.Text type="secondary">{t('people.revealAudited')}</Typography.Text>
          </div>
        ),
      });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button size="small" icon={<EyeOutlined />} loading={loading} onClick={reveal} data-testid={`reveal-${resident.id}`}>
      {t('people.reveal')}
    </Button>
  );
}

/**
 * Residents with masked phone and ID number; 'reveal' only for people.pii (the server checks the
 * household's territory). Gender, birth date, ID number, tags and party membership — and the tag
 * filter — only for people.sensitive (docs/privacy-matrix.md); the server leaves them out anyway.
 */
export function ResidentsTable({ nodeId, toolbarExtra }: { nodeId?: string; toolbarExtra?: React.ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  const [q, setQ] = useState('');
  const [tag, setTag] = useState('');
  const sensitive = can('people.sensitive');
  const filters: Query = { nodeId, q, tag: sensitive ? tag : '' };
  const list = useCursorList<Resident>('/people/residents', filters, 50);
  const writable = can('people.write');
  // undefined: closed; null: a new resident; a resident: editing it.
  const [editing, setEditing] = useState<Resident | null | undefined>(undefined);

  const columns: ColumnsType<Resident> = [
    { key: 'name', title: t('people.name'), dataIndex: 'name', sorter: true, fixed: 'left', width: 100, ellipsis: true },
    ...(sensitive
      ? [
          {
            key: 'gender',
            title: t('people.gender'),
            dataIndex: 'gender',
            width: 64,
            responsive: ['xl' as const],
            render: (g: string | null | undefined) => genderLabel(g ?? null),
          },
          {
            key: 'birthDate',
            title: t('people.birthDate'),
            dataIndex: 'birthDate',
            sorter: true,
            width: 110,
            responsive: ['xxl' as const],
          },
        ]
      : []),
    { key: 'relation', title: t('people.relation'), dataIndex: 'relation', width: 90, ellipsis: true },
    {
      key: 'household',
      title: t('people.household'),
      dataIndex: 'householdPath',
      ellipsis: { showTitle: false },
      // The end of the address (building / entrance / household) is what tells households apart and
      // fits the column; the whole path from the subdistrict is the hover title.
      render: (p: string[] | undefined) => (
        <span title={(p ?? []).join(' / ')} data-testid="resident-household">
          {(p ?? []).slice(-3).join(' / ')}
        </span>
      ),
    },
    {
      key: 'phone',
      title: t('people.phone'),
      dataIndex: 'phone',
      width: 130,
      render: (v: string | null) => <span data-testid="masked-phone">{v ?? '—'}</span>,
    },
    ...(sensitive
      ? [
          { key: 'idNumber', title: t('people.idNumber'), dataIndex: 'idNumber', width: 190, responsive: ['xl' as const] },
          {
            key: 'tags',
            title: t('people.tags'),
            dataIndex: 'tags',
            width: 180,
            render: (tags: string[] | undefined, r: Resident) => (
              <>
                {r.isPartyMember && <Tag color="red">{t('people.isPartyMember')}</Tag>}
                {/* A 党员 tag beside the membership flag would show it twice. */}
                {(tags ?? [])
                  .filter((x) => !(r.isPartyMember && (x === '党员' || x === t('people.isPartyMember'))))
                  .map((x) => (
                    <Tag key={x}>{x}</Tag>
                  ))}
              </>
            ),
          },
        ]
      : []),
    ...(can('people.pii') || writable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            // 查看完整信息 stays in view however long the address is.
            fixed: 'right' as const,
            width: 230,
            render: (_: unknown, r: Resident) => (
              <Space size={4}>
                {writable && (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} data-testid={`edit-resident-${r.id}`}>
                    {t('common.edit')}
                  </Button>
                )}
                {can('people.pii') && <RevealButton resident={r} />}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <ResidentFormModal
        open={editing !== undefined}
        resident={editing}
        onClose={() => setEditing(undefined)}
        onSaved={(saved) => (editing ? list.update((r) => r.id === saved.id, saved) : list.reload())}
      />
      <CursorTable<Resident>
        testId="residents-table"
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/people/residents"
        exportQuery={filters}
        exportName="residents.xlsx"
        scroll={{ x: 1000 }}
        size="small"
        toolbar={
          <>
            {toolbarExtra}
            <Input.Search allowClear placeholder={t('people.query')} onSearch={setQ} style={{ width: 200 }} data-testid="residents-q" />
            {sensitive && (
              <Input.Search allowClear placeholder={t('people.tag')} onSearch={setTag} style={{ width: 140 }} data-testid="residents-tag" />
            )}
            {writable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="create-resident">
                {t('people.create')}
              </Button>
            )}
          </>
        }
      />
    </>
  );
}
