import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../client.ts';
import type { Page, TerritoryNode } from '../types.ts';

interface Option {
  value: string;
  title: string;
  selectable?: boolean;
  children?: Option[];
}

async function childrenOf(parentId: string): Promise<TerritoryNode[]> {
  const page = await api.get<Page<TerritoryNode>>('/territory/nodes', { parentId, limit: 500, sort: 'name', withCounts: false });
  return page.items;
}

/** Several buildings of one community, grouped by compound (checking a compound takes all its buildings). */
export function BuildingPicker({
  communityId,
  value,
  onChange,
  testId,
}: {
  communityId?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setOptions([]);
    if (!communityId) return;
    setLoading(true);
    childrenOf(communityId)
      .then((compounds) =>
        Promise.all(
          compounds.map(async (c) => ({
            value: `compound:${c.id}`,
            title: c.name,
            children: (await childrenOf(c.id)).map((b) => ({ value: b.id, title: `${c.name} ${b.name}` })),
          })),
        ),
      )
      .then((list) => live && setOptions(list.filter((o) => o.children.length > 0)))
      .catch(() => live && setOptions([]))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [communityId]);

  return (
    <TreeSelect
      data-testid={testId}
      treeData={options}
      value={value}
      onChange={(v: string[]) => onChange?.(v.filter((id) => !id.startsWith('compound:')))}
      treeCheckable
      showCheckedStrategy={TreeSelect.SHOW_CHILD}
      loading={loading}
      disabled={!communityId}
      placeholder={communityId ? t('grids.pickBuildings') : t('grids.pickCommunityFirst')}
      showSearch
      treeNodeFilterProp="title"
      maxTagCount="responsive"
      style={{ width: '100%' }}
    />
  );
}
