// The levels of the territory tree and their names. Imports nothing: the contract, the server and
// the web app read it.

/** The levels of the tree, top down. A node's parent is always of the kind just above it. */
export const nodeKinds = ['county', 'subdistrict', 'community', 'compound', 'building', 'entrance', 'household'] as const;
export type NodeKind = (typeof nodeKinds)[number];

/** depth of a node = position of its kind (county 0 … household 6) = nlevel(path) - 1. */
export function kindDepth(kind: NodeKind): number {
  return nodeKinds.indexOf(kind);
}

export function parentKindOf(kind: NodeKind): NodeKind | null {
  const i = nodeKinds.indexOf(kind);
  return i > 0 ? (nodeKinds[i - 1] as NodeKind) : null;
}

export function childKindOf(kind: NodeKind): NodeKind | null {
  return nodeKinds[nodeKinds.indexOf(kind) + 1] ?? null;
}

export const nodeKindLabels: Record<NodeKind, { zh: string; en: string }> = {
  county: { zh: '县（市、区）', en: 'County' },
  subdistrict: { zh: '街道（镇）', en: 'Subdistrict' },
  community: { zh: '社区（村）', en: 'Community' },
  compound: { zh: '小区', en: 'Compound' },
  building: { zh: '楼栋', en: 'Building' },
  entrance: { zh: '单元', en: 'Entrance' },
  household: { zh: '户', en: 'Household' },
};
