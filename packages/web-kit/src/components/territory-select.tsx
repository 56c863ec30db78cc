import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, itemsOf } from '../client.ts';
import { kindLabel } from '../i18n/labels.ts';
import type { NodeKind, Page, TerritoryNode } from '../types.ts';

interface Option {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
  kind: NodeKind;
}

const leafKinds: NodeKind[] = ['household'];

interface TerritorySelectProps {
  value?: string | null;
  onChange?: (value: string | undefined, node?: TerritoryNode) => void;
  /** Only these kinds can be chosen (others still open to reach them). */
  selectableKinds?: NodeKind[];
  /** Do not open below this kind (e.g. 'community' for an import target). */
  deepestKind?: NodeKind;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  testId?: string;
  /** Shown for a value whose node is not loaded yet (an edit form's current household). */
  valueLabel?: string;
}

const depthOf: Record<NodeKind, number> = {
  county: 0,
  subdistrict: 1,
  community: 2,
  compound: 3,
  building: 4,
  entrance: 5,
  household: 6,
};

/** TreeSelect over the territory the user can see, loading children lazily. */
export function TerritorySelect(props: TerritorySelectProps) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>([]);
  const [nodes, setNodes] = useState<Map<string, TerritoryNode>>(new Map());

  const toOption = (node: TerritoryNode): Option => {
    const stop = leafKinds.includes(node.kind) || (props.deepestKind !== undefined && depthOf[node.kind] >= depthOf[props.deepestKind]);
    return {
      id: node.id,
      pId: node.parentId,
      value: node.id,
      title: `${node.name} · ${kindLabel(node.kind)}`,
      isLeaf: stop || node.childCount === 0,
      selectable: !props.selectableKinds || props.selectableKinds.includes(node.kind),
      kind: node.kind,
    };
  };

  const remember = (list: TerritoryNode[]) =>
    setNodes((prev) => {
      const next = new Map(prev);
      for (const n of list) next.set(n.id, n);
      return next;
    });

  // biome-ignore lint/correctness/useExhaustiveDependencies: load the roots once
  useEffect(() => {
    api
      .get<TerritoryNode[] | Page<TerritoryNode>>('/territory/roots')
      .then((roots) => {
        const list = itemsOf(roots);
        remember(list);
        // Roots have no parent in this tree even when they have one in the territory.
        setOptions(list.map((n) => ({ ...toOption(n), pId: null })));
      })
      .catch(() => setOptions([]));
  }, []);

  const loadData = async (option: { id?: string; value?: unknown }) => {
    const parentId = String(option.id ?? option.value);
    const page = await api.get<Page<TerritoryNode>>('/territory/nodes', { parentId, limit: 500, sort: 'name', withCounts: false });
    remember(page.items);
    setOptions((prev) => {
      const known = new Set(prev.map((o) => o.id));
      return [...prev, ...page.items.filter((n) => !known.has(n.id)).map(toOption)];
    });
  };

  const current = props.value && props.valueLabel && !options.some((o) => o.id === props.value) ? props.value : undefined;
  const treeData: Option[] = current
    ? [
        { id: current, pId: null, value: current, title: props.valueLabel ?? current, isLeaf: true, selectable: true, kind: 'household' },
        ...options,
      ]
    : options;

  return (
    <TreeSelect
      data-testid={props.testId}
      treeDataSimpleMode
      treeData={treeData}
      loadData={loadData}
      value={props.value ?? undefined}
      onChange={(value: string | undefined) => props.onChange?.(value, value ? nodes.get(value) : undefined)}
      placeholder={props.placeholder ?? t('territory.searchPlaceholder')}
      allowClear={props.allowClear ?? true}
      showSearch
      treeNodeFilterProp="title"
      style={{ minWidth: 240, ...props.style }}
      popupMatchSelectWidth={false}
    />
  );
}
