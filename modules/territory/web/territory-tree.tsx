import { api, itemsOf } from '@linli/web-kit/client';
import { kindLabel } from '@linli/web-kit/labels';
import type { NodeDetail, Page, TerritoryNode } from '@linli/web-kit/types';
import { Badge, Empty, Input, Spin, Tag, Tree, Typography } from 'antd';
import type { DataNode, EventDataNode } from 'antd/es/tree';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface TreeItem extends DataNode {
  key: string;
  node?: TerritoryNode;
  /** A 'load more' pseudo-node: parent id and cursor of the next page. */
  more?: { parentId: string; cursor: string };
  children?: TreeItem[];
}

const PAGE = 200;

function toItem(node: TerritoryNode): TreeItem {
  return { key: node.id, node, isLeaf: node.kind === 'household' || node.childCount === 0 };
}

function replaceChildren(items: TreeItem[], key: string, fn: (children: TreeItem[] | undefined) => TreeItem[]): TreeItem[] {
  return items.map((item) => {
    if (item.key === key) return { ...item, children: fn(item.children) };
    if (item.children) return { ...item, children: replaceChildren(item.children, key, fn) };
    return item;
  });
}

function findItem(items: TreeItem[], key: string): TreeItem | undefined {
  for (const item of items) {
    if (item.key === key) return item;
    const found = item.children ? findItem(item.children, key) : undefined;
    if (found) return found;
  }
  return undefined;
}

async function loadChildren(parentId: string, cursor?: string): Promise<TreeItem[]> {
  const page = await api.get<Page<TerritoryNode>>('/territory/nodes', { parentId, limit: PAGE, cursor, sort: 'name', withCounts: false });
  const items = page.items.map(toItem);
  if (page.nextCursor)
    items.push({ key: `more:${parentId}:${page.nextCursor}`, isLeaf: true, more: { parentId, cursor: page.nextCursor } });
  return items;
}

interface Props {
  selectedId?: string;
  onSelect: (node: TerritoryNode) => void;
  /** Bumped by the page after a create/move so the tree reloads. */
  version: number;
}

/** The territory tree, children loaded when a node opens (GET /territory/nodes?parentId=). */
export function TerritoryTree({ selectedId, onSelect, version }: Props) {
  const { t } = useTranslation();
  const [items, setItems] = useState<TreeItem[] | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<TerritoryNode[] | null>(null);
  const [rootsLoaded, setRootsLoaded] = useState(0);
  const itemsRef = useRef(items);
  itemsRef.current = items;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload on version
  useEffect(() => {
    setLoadedKeys([]);
    setExpanded([]);
    api
      .get<TerritoryNode[] | Page<TerritoryNode>>('/territory/roots')
      .then((roots) => setItems(itemsOf(roots).map(toItem)))
      .catch(() => setItems([]))
      .finally(() => setRootsLoaded((n) => n + 1));
  }, [version]);

  // Opens the tree at the node of the URL (/territory/:nodeId): its ancestors from the detail, each
  // one's children loaded from the first ancestor that is a root of this user's tree.
  useEffect(() => {
    if (!selectedId || rootsLoaded === 0) return;
    let live = true;
    (async () => {
      const detail = await api.get<NodeDetail>(`/territory/nodes/${selectedId}`);
      let tree = itemsRef.current ?? [];
      const chain = detail.ancestors.map((a) => a.id);
      const rootKeys = new Set(tree.map((root) => root.key));
      const start = chain.findIndex((id) => rootKeys.has(id));
      if (start < 0) return;
      const open = chain.slice(start);
      const loaded: string[] = [];
      for (const id of open) {
        const item = findItem(tree, id);
        if (!item) break;
        if (!item.children) {
          const children = await loadChildren(id);
          tree = replaceChildren(tree, id, () => children);
          loaded.push(id);
        }
      }
      if (!live) return;
      setItems(tree);
      setLoadedKeys((prev) => [...new Set([...prev, ...loaded])]);
      setExpanded((prev) => [...new Set([...prev, ...open])]);
      setTimeout(() => document.querySelector(`[data-testid="tree-node-${selectedId}"]`)?.scrollIntoView({ block: 'nearest' }), 50);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [selectedId, rootsLoaded]);

  useEffect(() => {
    const q = search.trim();
    if (!q) {
      setResults(null);
      return;
    }
    const timer = setTimeout(() => {
      api
        .get<Page<TerritoryNode>>('/territory/nodes', { q, limit: 50 })
        .then((page) => setResults(page.items))
        .catch(() => setResults([]));
    }, 300);
    return () => clearTimeout(timer);
  }, [search]);

  const onLoad = async (treeNode: EventDataNode<TreeItem>) => {
    const key = String(treeNode.key);
    if (treeNode.children?.length) return;
    const children = await loadChildren(key);
    setItems((prev) => replaceChildren(prev ?? [], key, () => children));
    setLoadedKeys((prev) => [...prev, key]);
  };

  const loadMore = async (more: NonNullable<TreeItem['more']>) => {
    const next = await loadChildren(more.parentId, more.cursor);
    setItems((prev) => replaceChildren(prev ?? [], more.parentId, (children) => [...(children ?? []).filter((c) => !c.more), ...next]));
  };

  const titleRender = (item: TreeItem) => {
    if (item.more) {
      return (
        <Typography.Link data-testid={`tree-more-${item.more.parentId}`} onClick={() => void loadMore(item.more!)}>
          {t('common.loadMore')}
        </Typography.Link>
      );
    }
    const node = item.node!;
    return (
      <span data-testid={`tree-node-${node.id}`} data-kind={node.kind} data-name={node.name}>
        {node.name} <Tag style={{ marginInline: 4 }}>{kindLabel(node.kind)}</Tag>
        {node.childCount > 0 && <Badge count={node.childCount} overflowCount={9999} color="#bfbfbf" size="small" />}
      </span>
    );
  };

  return (
    <div data-testid="territory-tree">
      <Input.Search
        allowClear
        placeholder={t('territory.searchPlaceholder')}
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      {results ? (
        results.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          results.map((n) => (
            <div key={n.id} style={{ padding: '4px 0' }}>
              <Typography.Link onClick={() => onSelect(n)} data-testid={`search-result-${n.id}`}>
                {n.name}
              </Typography.Link>{' '}
              <Tag>{kindLabel(n.kind)}</Tag>
            </div>
          ))
        )
      ) : items === null ? (
        <Spin />
      ) : (
        <Tree<TreeItem>
          treeData={items}
          loadData={onLoad}
          loadedKeys={loadedKeys}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys.map(String))}
          selectedKeys={selectedId ? [selectedId] : []}
          titleRender={titleRender}
          onSelect={(_keys, info) => {
            if (info.node.node) onSelect(info.node.node);
          }}
          blockNode
        />
      )}
    </div>
  );
}
