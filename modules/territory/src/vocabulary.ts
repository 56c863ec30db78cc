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

/** What a node's subkind means (a subdistrict: 街道, 镇, 乡; a community: 社区 or 村). An unknown one shows as it is. */
export const nodeSubkindLabels: Record<string, { zh: string; en: string }> = {
  street: { zh: '街道', en: 'Street office' },
  town: { zh: '镇', en: 'Town' },
  township: { zh: '乡', en: 'Township' },
  zone: { zh: '功能区', en: 'Zone' },
  urban: { zh: '城市社区', en: 'Urban community' },
  village: { zh: '村', en: 'Village' },
};

/** A household's or building's attributes in words: { room: '101', floor: 1 } → 101室 · 1层. */
export function describeAttrs(attrs: Record<string, unknown> | null | undefined, lang: 'zh' | 'en'): string {
  if (!attrs) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === '') continue;
    const v = String(value);
    if (key === 'room') parts.push(lang === 'zh' ? `${v}室` : `room ${v}`);
    else if (key === 'floor') parts.push(lang === 'zh' ? `${v}层` : `floor ${v}`);
    else if (key === 'floors') parts.push(lang === 'zh' ? `共${v}层` : `${v} floors`);
    else if (key === 'area') parts.push(lang === 'zh' ? `${v}㎡` : `${v} m²`);
    else if (typeof value !== 'object') parts.push(v);
  }
  return parts.join(' · ');
}
