import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Space, Table, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, download, type Query } from '../client.ts';
import type { Page } from '../types.ts';

export interface CursorListState<T> {
  items: T[];
  total?: number;
  loading: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  sort: string | undefined;
  setSort: (sort: string | undefined) => void;
  /** Replace one loaded row after an action (unlock, grant…) without reloading the page. */
  update: (predicate: (item: T) => boolean, next: T) => void;
}

/** Loads a cursor-paged list (`{ items, nextCursor, total }`) page by page with the given filters and sort. */
export function useCursorList<T>(path: string | null, filters: Query, pageSize = 50, initialSort?: string): CursorListState<T> {
  const { message } = App.useApp();
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState<number | undefined>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [sort, setSort] = useState<string | undefined>(initialSort);
  const [generation, setGeneration] = useState(0);
  const filterKey = JSON.stringify(filters);
  const requestId = useRef(0);

  const fetchPage = useCallback(
    async (after: string | null) => {
      if (!path) return;
      const id = ++requestId.current;
      setLoading(true);
      try {
        const page = await api.get<Page<T>>(path, { ...(JSON.parse(filterKey) as Query), sort, cursor: after, limit: pageSize });
        if (id !== requestId.current) return;
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor ?? null);
        setTotal(page.total);
      } catch (e) {
        if (id === requestId.current) {
          if (!after) setItems([]);
          if (!(e instanceof ApiError && e.status === 401)) message.error(e instanceof Error ? e.message : String(e));
        }
      } finally {
        if (id === requestId.current) setLoading(false);
      }
    },
    [path, filterKey, sort, pageSize, message],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation forces a reload
  useEffect(() => {
    setCursor(null);
    void fetchPage(null);
  }, [fetchPage, generation]);

  return {
    items,
    total,
    loading,
    hasMore: cursor !== null,
    loadMore: () => void fetchPage(cursor),
    reload: () => setGeneration((g) => g + 1),
    sort,
    setSort,
    update: (predicate, next) => setItems((prev) => prev.map((item) => (predicate(item) ? next : item))),
  };
}

interface CursorTableProps<T> {
  list: CursorListState<T>;
  columns: ColumnsType<T>;
  rowKey: keyof T & string;
  /** List path without /export.xlsx; the export uses the same filters and sort. Omit to hide the button. */
  exportPath?: string;
  exportQuery?: Query;
  exportName?: string;
  toolbar?: ReactNode;
  testId?: string;
  expandable?: TableProps<T>['expandable'];
  onRow?: TableProps<T>['onRow'];
  /** Horizontal scroll width; default the content's width. A number lets ellipsis columns shrink and fixed columns stay in view. */
  scroll?: TableProps<T>['scroll'];
  size?: 'small' | 'middle' | 'large';
}

/**
 * Table over a cursor list: server-side sort from sortable columns (`sorter: true`, the column key is the
 * sort field), 'load more' at the bottom, and the Excel export of the same query.
 */
export function CursorTable<T extends object>(props: CursorTableProps<T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { list } = props;
  const [exporting, setExporting] = useState(false);

  const onChange: TableProps<T>['onChange'] = (_pagination, _filters, sorter) => {
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
    const field = s?.columnKey ?? (Array.isArray(s?.field) ? s.field.join('.') : s?.field);
    if (!s?.order || field === undefined) list.setSort(undefined);
    else list.setSort(s.order === 'descend' ? `-${String(field)}` : String(field));
  };

  const columns = props.columns.map((column) => {
    if (!column.sorter) return column;
    const key = String(column.key ?? ('dataIndex' in column ? column.dataIndex : ''));
    const order = list.sort === key ? 'ascend' : list.sort === `-${key}` ? 'descend' : null;
    return { ...column, key, sortOrder: order } as (typeof props.columns)[number];
  });

  const doExport = async () => {
    if (!props.exportPath) return;
    setExporting(true);
    try {
      await download(`${props.exportPath}/export.xlsx`, { ...props.exportQuery, sort: list.sort }, props.exportName ?? 'export.xlsx');
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid={props.testId}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>{props.toolbar}</Space>
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
          {props.exportPath && (
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={doExport} data-testid="export-excel">
              {t('common.exportExcel')}
            </Button>
          )}
        </Space>
      </Flex>
      <Table<T>
        rowKey={props.rowKey}
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        onChange={onChange}
        scroll={props.scroll ?? { x: 'max-content' }}
        size={props.size ?? 'middle'}
        expandable={props.expandable}
        onRow={props.onRow}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">
          {list.total !== undefined
            ? t('common.loadedOfTotal', { count: list.items.length, total: list.total })
            : t('common.loaded', { count: list.items.length })}
        </Typography.Text>
        {list.hasMore ? (
          <Button onClick={list.loadMore} loading={list.loading} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        ) : (
          list.items.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
      </Flex>
    </div>
  );
}
