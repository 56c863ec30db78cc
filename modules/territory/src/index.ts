export {
  type Boundary,
  childKindOf,
  type ImportCounts,
  importColumns,
  kindDepth,
  type Node,
  type NodeCounts,
  type NodeDetail,
  type NodeKind,
  nodeKindLabels,
  nodeKinds,
  parentKindOf,
  type Relation,
  type ResidentTag,
  relations,
  residentTags,
} from './contract.ts';
export { placeReference, type TerritoryRef, territory, territorySql } from './interface.ts';
export { territoryModule } from './module.ts';
export { nodeForAbility } from './policies.ts';
export { counter, importJob, tenant, territoryNode } from './schema.ts';
export { shippedDivisionFiles } from './shipped-divisions.ts';
export { countsOf } from './territory.repository.ts';
