import { api, itemsOf } from '@linli/web-kit/client';
import { partyKindLabel } from '@linli/web-kit/labels';
import type { Page, PartyOrg } from '@linli/web-kit/types';
import { Badge, Empty, Spin, Tag, Tree } from 'antd';
import type { DataNode, EventDataNode } from 'antd/es/tree';
import { useEffect, useState } from 'react';

interface OrgItem extends DataNode {
  key: string;
  org: PartyOrg;
  children?: OrgItem[];
}

const toItem = (org: PartyOrg): OrgItem => ({ key: org.id, org, isLeaf: org.childCount === 0 });

function setChildren(items: OrgItem[], key: string, children: OrgItem[]): OrgItem[] {
  return items.map((i) =>
    i.key === key ? { ...i, children } : i.children ? { ...i, children: setChildren(i.children, key, children) } : i,
  );
}

async function orgs(parentId?: string): Promise<PartyOrg[]> {
  return itemsOf(await api.get<Page<PartyOrg> | PartyOrg[]>('/party/orgs', { parentId, limit: 500 }));
}

/** The party organisation tree, loaded level by level; `version` reloads it after a create. */
export function OrgTree({ onSelect, version }: { onSelect: (org: PartyOrg) => void; version: number }) {
  const [items, setItems] = useState<OrgItem[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version reloads the tree after a create
  useEffect(() => {
    orgs()
      .then((list) => setItems(list.map(toItem)))
      .catch(() => setItems([]));
  }, [version]);
  const loadData = async (node: EventDataNode<OrgItem>) => {
    if (node.children?.length) return;
    const list = await orgs(String(node.key));
    setItems((prev) => setChildren(prev ?? [], String(node.key), list.map(toItem)));
  };
  if (items === null) return <Spin />;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Tree<OrgItem>
      key={version}
      data-testid="party-tree"
      treeData={items}
      loadData={loadData}
      blockNode
      onSelect={(_k, info) => onSelect(info.node.org)}
      titleRender={(item) => (
        <span data-testid={`party-node-${item.org.id}`} data-kind={item.org.kind}>
          <Tag color="red" style={{ marginInlineEnd: 4 }}>
            {partyKindLabel(item.org.kind)}
          </Tag>
          {item.org.name} <Badge count={item.org.memberCount} overflowCount={99999} color="#faad14" size="small" />
        </span>
      )}
    />
  );
}
