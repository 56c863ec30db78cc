import { CalendarOutlined, CheckCircleOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useCurrentUser } from '@linli/web-kit/current-user';
import { Alert, App, Button, Col, Empty, Flex, Input, Row, Spin, Switch, Table, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CategorySetting, categorySettingsApi, type Department, demandsApi, isStaleCategory } from '../api.ts';
import { levelLabel } from '../demand-labels.ts';
import { CategoryForm, type CategoryFormMode } from './category-form.tsx';
import { DeadlineRulesEditor } from './deadline-rules-editor.tsx';

/** Table rows: antd shows an expander for any `children` array, so leaves carry none. */
type TreeRow = Omit<CategorySetting, 'children'> & { children?: TreeRow[] };

function toRows(nodes: CategorySetting[]): TreeRow[] {
  return nodes.map(({ children, ...c }) => (children.length ? { ...c, children: toRows(children) } : c));
}

/** The categories whose name contains `q`, with their ancestors (to keep the tree) and all their descendants. */
function filterTree(nodes: CategorySetting[], q: string): CategorySetting[] {
  return nodes.flatMap((n) => {
    if (n.name.includes(q)) return [n];
    const children = filterTree(n.children, q);
    return children.length ? [{ ...n, children }] : [];
  });
}

function walk(
  nodes: CategorySetting[],
  visit: (n: CategorySetting, parent: CategorySetting | null) => void,
  parent: CategorySetting | null = null,
) {
  for (const n of nodes) {
    visit(n, parent);
    walk(n.children, visit, n);
  }
}

/** A small link button that shows only its icon; its label is the tooltip and what a screen reader says. */
function IconAction({
  icon,
  label,
  onClick,
  testId,
  loading,
}: {
  icon: ReactNode;
  label: string;
  onClick: () => void;
  testId: string;
  loading?: boolean;
}) {
  return (
    <Button
      size="small"
      type="link"
      icon={icon}
      title={label}
      aria-label={label}
      loading={loading}
      onClick={onClick}
      data-testid={testId}
    />
  );
}

/**
 * 诉求类别与时限: the county's category tree with each category's default handling level and
 * department, and the deadline rules of the selected one. Changes need demand.configure on the
 * county; others who can read demands see the same page without the edit buttons. Those who may
 * change it can show the retired categories (greyed, 停用) and reactivate them. Every save sends the
 * version it started from; when someone else saved the category meanwhile (409) the page reloads and
 * says so.
 */
export default function DemandSettingsPage() {
  const { t, i18n } = useTranslation();
  // The code is a technical name (Open311 service_code, imports): in the form, and in the table only in English.
  const showCode = i18n.language === 'en-US';
  const { can } = useCurrentUser();
  const { message } = App.useApp();
  const editable = can('demand.configure');
  const [showInactive, setShowInactive] = useState(false);
  const [stale, setStale] = useState<string | null>(null);
  const [reactivating, setReactivating] = useState<string | null>(null);
  const [tree, setTree] = useState<CategorySetting[] | null>(null);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [query, setQuery] = useState('');
  const [form, setForm] = useState<CategoryFormMode | null>(null);

  const load = useCallback(async () => {
    try {
      const [items, deps] = await Promise.all([categorySettingsApi.tree(editable && showInactive), demandsApi.departments()]);
      setTree(items);
      setDepartments(deps);
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, [editable, showInactive]);
  useEffect(() => {
    void load();
  }, [load]);

  const index = useMemo(() => {
    const byId = new Map<string, { node: CategorySetting; parent: CategorySetting | null }>();
    walk(tree ?? [], (node, parent) => byId.set(node.id, { node, parent }));
    return byId;
  }, [tree]);
  // Every category with children starts expanded (the county tree has two levels and a few dozen rows).
  useEffect(() => {
    if (tree && expanded === null) setExpanded([...index.values()].filter((e) => e.node.children.length).map((e) => e.node.id));
  }, [tree, index, expanded]);

  const q = query.trim();
  const shown = useMemo(() => toRows(q ? filterTree(tree ?? [], q) : (tree ?? [])), [tree, q]);
  const expandedKeys = useMemo(() => {
    if (!q) return expanded ?? [];
    const keys: string[] = [];
    const visit = (rows: TreeRow[]) => {
      for (const r of rows) {
        if (!r.children) continue;
        keys.push(r.id);
        visit(r.children);
      }
    };
    visit(shown);
    return keys;
  }, [q, shown, expanded]);
  const departmentName = useMemo(() => new Map(departments.map((d) => [d.id, d.name])), [departments]);
  const selected = selectedId ? index.get(selectedId) : undefined;

  if (loadError) return <Alert type="error" showIcon title={loadError} />;
  if (!tree) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }

  const saved = async (category: CategorySetting) => {
    const parentId = form?.kind === 'create' ? form.parent?.id : undefined;
    setForm(null);
    setStale(null);
    if (parentId) setExpanded((keys) => [...new Set([...(keys ?? []), parentId])]);
    setSelectedId(category.id);
    await load();
  };
  /** Someone else saved `category` since this page read it: show the latest and say that nothing was saved. */
  const staleSave = async (category: CategorySetting) => {
    setForm(null);
    setStale(category.name);
    await load();
  };
  const reactivate = async (category: CategorySetting) => {
    setReactivating(category.id);
    try {
      await categorySettingsApi.update(category.id, { active: true, version: category.version });
      setStale(null);
      message.success(t('demandSettings.reactivated', { name: category.name }));
      setSelectedId(category.id);
      await load();
    } catch (e) {
      if (isStaleCategory(e)) await staleSave(category);
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setReactivating(null);
    }
  };

  return (
    <div data-testid="demand-settings-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('demandSettings.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('demandSettings.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            style={{ width: 200 }}
            data-testid="category-search"
          />
          {editable && (
            <Flex align="center" gap={6}>
              <Switch size="small" checked={showInactive} onChange={setShowInactive} data-testid="show-inactive" id="show-inactive" />
              <label htmlFor="show-inactive">{t('demandSettings.showInactive')}</label>
            </Flex>
          )}
          <Link to="/demand-calendar" data-testid="calendar-link">
            <Button icon={<CalendarOutlined />}>{t('demandSettings.calendarLink')}</Button>
          </Link>
          {editable && (
            <Button icon={<PlusOutlined />} onClick={() => setForm({ kind: 'create', parent: null })} data-testid="add-root">
              {t('demandSettings.addRoot')}
            </Button>
          )}
        </Flex>
      </Flex>
      {!editable && (
        <Alert type="info" showIcon title={t('demandSettings.readOnly')} style={{ marginBottom: 16 }} data-testid="read-only" />
      )}
      {stale && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setStale(null) }}
          title={t('demandSettings.stale', { name: stale })}
          style={{ marginBottom: 16 }}
          data-testid="stale-alert"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Table<TreeRow>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={shown}
            data-testid="category-table"
            locale={{ emptyText: <Empty description={t('demandSettings.noMatch')} /> }}
            expandable={{ expandedRowKeys: expandedKeys, onExpandedRowsChange: (keys) => !q && setExpanded(keys.map(String)) }}
            rowSelection={{
              type: 'radio',
              selectedRowKeys: selectedId ? [selectedId] : [],
              onChange: (keys) => setSelectedId(keys[0] ? String(keys[0]) : null),
            }}
            onRow={(r) => ({
              onClick: () => setSelectedId(r.id),
              style: { cursor: 'pointer', ...(r.active ? {} : { color: 'var(--ant-color-text-disabled, rgba(0, 0, 0, 0.25))' }) },
              'data-inactive': r.active ? undefined : 'true',
            })}
            columns={[
              { key: 'name', title: t('demandSettings.columns.name'), dataIndex: 'name' },
              ...(showCode
                ? [
                    {
                      key: 'code',
                      title: t('demandSettings.columns.code'),
                      render: (_: unknown, r: TreeRow) => (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.code}
                        </Typography.Text>
                      ),
                    },
                  ]
                : []),
              { key: 'level', title: t('demandSettings.columns.level'), render: (_, r) => levelLabel(r.defaultLevel) },
              {
                key: 'department',
                title: t('demandSettings.columns.department'),
                render: (_, r) => (r.defaultDepartmentId ? (departmentName.get(r.defaultDepartmentId) ?? '—') : '—'),
              },
              {
                key: 'active',
                title: t('demandSettings.columns.active'),
                render: (_, r) =>
                  r.active ? (
                    <Tag color="green">{t('demandSettings.active')}</Tag>
                  ) : (
                    <Tag data-testid={`inactive-${r.code}`}>{t('demandSettings.inactive')}</Tag>
                  ),
              },
              ...(editable
                ? [
                    {
                      key: 'actions',
                      title: t('demandSettings.columns.actions'),
                      render: (_: unknown, r: TreeRow) => {
                        const node = index.get(r.id)?.node;
                        if (!node) return null;
                        return (
                          <Flex gap={0} onClick={(e) => e.stopPropagation()}>
                            <IconAction
                              icon={<PlusOutlined />}
                              label={t('demandSettings.addChild')}
                              onClick={() => setForm({ kind: 'create', parent: node })}
                              testId={`add-child-${r.code}`}
                            />
                            <IconAction
                              icon={<EditOutlined />}
                              label={t('demandSettings.edit')}
                              onClick={() => setForm({ kind: 'edit', category: node })}
                              testId={`edit-${r.code}`}
                            />
                            {!r.active && (
                              <IconAction
                                icon={<CheckCircleOutlined />}
                                label={t('demandSettings.reactivate')}
                                loading={reactivating === r.id}
                                onClick={() => void reactivate(node)}
                                testId={`reactivate-${r.code}`}
                              />
                            )}
                          </Flex>
                        );
                      },
                    },
                  ]
                : []),
            ]}
          />
        </Col>
        <Col xs={24} xl={12}>
          {selected ? (
            <DeadlineRulesEditor
              key={selected.node.id}
              category={selected.node}
              parent={selected.parent}
              editable={editable}
              onSaved={() => {
                setStale(null);
                void load();
              }}
              onStale={() => void staleSave(selected.node)}
            />
          ) : (
            <Alert type="info" showIcon title={t('demandSettings.deadlines.pick')} data-testid="deadline-pick" />
          )}
        </Col>
      </Row>
      {form && <CategoryForm mode={form} departments={departments} onClose={() => setForm(null)} onSaved={saved} onStale={staleSave} />}
    </div>
  );
}
