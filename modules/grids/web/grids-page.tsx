import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { gridLevels, gridMemberRoles } from '@linli/grids/vocabulary';
import { api, type Query } from '@linli/web-kit/client';
import { BuildingPicker } from '@linli/web-kit/components/building-picker';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { ResidentSelect } from '@linli/web-kit/components/resident-select';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { gridLevelLabel, gridMemberRoleLabel } from '@linli/web-kit/labels';
import type { Account, Grid, GridDetail, Page } from '@linli/web-kit/types';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const memberFields = ['role', 'name', 'accountId', 'residentId'];

/** Staff accounts by username or name (needs account.read; without it a member is picked among residents). */
function AccountSelect({ value, onChange }: { value?: string; onChange?: (id: string | undefined, account?: Account) => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Account[]>([]);
  const search = (q: string) =>
    api
      .get<Page<Account>>('/accounts', { q: q.trim() || undefined, status: 'active', limit: 30 })
      .then((p) => setItems(p.items))
      .catch(() => setItems([]));
  // biome-ignore lint/correctness/useExhaustiveDependencies: first page once
  useEffect(() => {
    void search('');
  }, []);
  return (
    <Select
      allowClear
      value={value}
      placeholder={t('grids.memberAccount')}
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      onChange={(id: string | undefined) =>
        onChange?.(
          id,
          items.find((a) => a.id === id),
        )
      }
      options={items.map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }))}
      data-testid="grid-member-account"
    />
  );
}

function AddMemberModal({ grid, onClose, onAdded }: { grid: GridDetail | null; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<{ role: string; name: string; residentId?: string; accountId?: string }>();
  const { run, error, saving, clearError } = useApiForm(form, memberFields);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    if (!grid) return;
    const v = await form.validateFields().catch(() => undefined);

    if (!v) return;
    const added = await run(() =>
      api.post(`/grids/${grid.id}/members`, {
        role: v.role,
        name: v.name.trim(),
        residentId: v.residentId || undefined,
        accountId: v.accountId || undefined,
      }),
    );
    if (added) {
      message.success(t('common.saved'));
      onAdded();
      close();
    }
  };
  return (
    <Modal
      open={grid !== null}
      title={`${t('grids.addMember')} · ${grid?.name ?? ''}`}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="grid-member-form" initialValues={{ role: 'grid_worker' }}>
        <Form.Item name="role" label={t('grids.role')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={gridMemberRoles.map((r) => ({ value: r, label: gridMemberRoleLabel(r) }))} data-testid="grid-member-role" />
        </Form.Item>
        {can('account.read') && (
          <Form.Item name="accountId" label={t('grids.memberAccount')} extra={t('grids.memberAccountHint')}>
            <AccountSelect onChange={(id, a) => form.setFieldsValue({ accountId: id, ...(a ? { name: a.displayName } : {}) })} />
          </Form.Item>
        )}
        <Form.Item name="residentId" label={t('grids.memberResident')} extra={t('grids.memberResidentHint')}>
          <ResidentSelect
            nodeId={grid?.communityId}
            testId="grid-member-resident"
            onChange={(id, r) => form.setFieldsValue({ residentId: id, ...(r ? { name: r.name } : {}) })}
          />
        </Form.Item>
        <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} data-testid="grid-member-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function GridDrawer({ gridId, onClose, onChanged }: { gridId: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const writable = can('grid.write');
  const [grid, setGrid] = useState<GridDetail | null>(null);
  const [version, setVersion] = useState(0);
  const [adding, setAdding] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version reloads after a member change
  useEffect(() => {
    if (!gridId) {
      setGrid(null);
      return;
    }
    api
      .get<GridDetail>(`/grids/${gridId}`)
      .then(setGrid)
      .catch((e: Error) => message.error(e.message));
  }, [gridId, version]);
  const changed = () => {
    setVersion((v) => v + 1);
    onChanged();
  };
  const remove = async (memberId: string) => {
    if (!grid) return;
    try {
      await api.delete(`/grids/${grid.id}/members/${memberId}`);
      message.success(t('common.saved'));
      changed();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Drawer
      open={gridId !== null}
      onClose={onClose}
      title={grid?.name ?? t('grids.title')}
      size="large"
      data-testid="grid-detail"
      extra={
        writable &&
        grid && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="add-grid-member">
            {t('grids.addMember')}
          </Button>
        )
      }
    >
      {!grid ? (
        <Spin />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'level', label: t('grids.level'), children: gridLevelLabel(grid.level) },
              { key: 'community', label: t('grids.community'), children: grid.communityName },
              ...(grid.code ? [{ key: 'code', label: t('common.code'), children: grid.code }] : []),
            ]}
          />
          <Typography.Title level={5}>{t('grids.buildings')}</Typography.Title>
          <List
            size="small"
            data-testid="grid-buildings"
            dataSource={grid.buildings}
            locale={{ emptyText: t('common.none') }}
            renderItem={(b) => (
              <List.Item>
                <Link to={`/territory/${b.id}`}>
                  {b.compoundName ? `${b.compoundName} ` : ''}
                  {b.name}
                </Link>
              </List.Item>
            )}
          />
          <Typography.Title level={5}>{t('grids.members')}</Typography.Title>
          <Table
            data-testid="grid-members"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={grid.members}
            locale={{ emptyText: t('common.none') }}
            columns={[
              { key: 'name', title: t('people.name'), dataIndex: 'name' },
              { key: 'role', title: t('grids.role'), dataIndex: 'role', render: (r: string) => <Tag>{gridMemberRoleLabel(r)}</Tag> },
              ...(writable
                ? [
                    {
                      key: 'actions',
                      title: t('common.actions'),
                      render: (_: unknown, m: GridDetail['members'][number]) => (
                        <Popconfirm title={t('grids.removeMemberConfirm', { name: m.name })} onConfirm={() => remove(m.id)}>
                          <Button size="small" danger data-testid={`remove-grid-member-${m.id}`}>
                            {t('common.delete')}
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
      <AddMemberModal grid={adding ? grid : null} onClose={() => setAdding(false)} onAdded={changed} />
    </Drawer>
  );
}

const gridFields = ['communityId', 'name', 'level', 'parentId', 'code', 'buildingIds'];

function CreateGridModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (grid: GridDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    communityId: string;
    name: string;
    level: string;
    parentId?: string;
    code?: string;
    buildingIds?: string[];
  }>();
  const { run, error, saving, clearError } = useApiForm(form, gridFields);
  const communityId = Form.useWatch('communityId', form);
  const level = Form.useWatch('level', form);
  const [parents, setParents] = useState<Grid[]>([]);
  useEffect(() => {
    setParents([]);
    if (communityId && level === 'micro_grid')
      api
        .get<Page<Grid>>('/grids', { communityId, level: 'grid', limit: 200 })
        .then((p) => setParents(p.items))
        .catch(() => setParents([]));
  }, [communityId, level]);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);

    if (!v) return;
    const created = await run(() =>
      api.post<GridDetail>('/grids', {
        communityId: v.communityId,
        name: v.name.trim(),
        level: v.level,
        parentId: v.level === 'micro_grid' ? v.parentId : undefined,
        code: v.code || undefined,
        buildingIds: v.buildingIds ?? [],
      }),
    );
    if (created) {
      message.success(t('common.saved'));
      onCreated(created);
      close();
    }
  };
  return (
    <Modal open={open} title={t('grids.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden width={640}>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="grid-form" initialValues={{ level: 'grid', buildingIds: [] }}>
        <Form.Item name="communityId" label={t('grids.community')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect
            selectableKinds={['community']}
            deepestKind="community"
            testId="grid-community"
            onChange={(v) => form.setFieldsValue({ communityId: v, buildingIds: [], parentId: undefined })}
          />
        </Form.Item>
        <Form.Item name="level" label={t('grids.level')} rules={[{ required: true }]}>
          <Radio.Group options={gridLevels.map((l) => ({ value: l, label: gridLevelLabel(l) }))} />
        </Form.Item>
        {level === 'micro_grid' && (
          <Form.Item name="parentId" label={t('grids.parent')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={parents.map((g) => ({ value: g.id, label: g.name }))} data-testid="grid-parent" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('grids.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} data-testid="grid-name" />
        </Form.Item>
        <Form.Item name="code" label={t('common.code')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="buildingIds" label={t('grids.buildings')}>
          <BuildingPicker communityId={communityId} testId="grid-buildings-pick" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function GridsPage() {
  const { t } = useTranslation();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const can = useCan();
  const filters: Query = { communityId, q };
  const list = useCursorList<Grid>('/grids', filters);

  const columns: ColumnsType<Grid> = [
    {
      key: 'name',
      title: t('grids.name'),
      dataIndex: 'name',
      sorter: true,
      render: (name: string, g) => (
        <Typography.Link onClick={() => setOpen(g.id)} data-testid={`grid-${g.id}`}>
          {name}
        </Typography.Link>
      ),
    },
    { key: 'level', title: t('grids.level'), dataIndex: 'level', render: (l: string) => gridLevelLabel(l) },
    { key: 'communityName', title: t('grids.community'), dataIndex: 'communityName', sorter: true },
    { key: 'buildingCount', title: t('grids.buildingCount'), dataIndex: 'buildingCount', sorter: true },
    { key: 'memberCount', title: t('grids.memberCount'), dataIndex: 'memberCount', sorter: true },
  ];

  return (
    <Card title={t('grids.title')}>
      <CursorTable<Grid>
        testId="grids-table"
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/grids"
        exportQuery={filters}
        exportName="grids.xlsx"
        toolbar={
          <>
            <TerritorySelect
              value={communityId}
              onChange={(v) => setCommunityId(v)}
              selectableKinds={['community']}
              deepestKind="community"
              placeholder={t('grids.community')}
            />
            <Input.Search allowClear placeholder={t('grids.name')} onSearch={setQ} style={{ width: 180 }} />
            {can('grid.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-grid">
                {t('grids.create')}
              </Button>
            )}
          </>
        }
      />
      <GridDrawer gridId={open} onClose={() => setOpen(null)} onChanged={list.reload} />
      <CreateGridModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(g) => {
          list.reload();
          setOpen(g.id);
        }}
      />
    </Card>
  );
}
