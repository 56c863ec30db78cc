import { PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';
import { nodeKinds } from './vocabulary.ts';

export {
  childKindOf,
  kindDepth,
  type NodeKind,
  nodeKindLabels,
  nodeKinds,
  parentKindOf,
} from './vocabulary.ts';

export const NodeKindSchema = Type.Enum([...nodeKinds], { description: 'Level of the territory tree' });

const Attrs = Type.Record(Type.String(), Type.Unknown(), { description: 'Free attributes (e.g. management status of a compound)' });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Code = Type.String({ minLength: 1, maxLength: 40 });
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

/** A GeoJSON Polygon or MultiPolygon (checked in depth by validateBoundary). */
export const BoundarySchema = Type.Object(
  {
    type: Type.Enum(['Polygon', 'MultiPolygon']),
    coordinates: Type.Array(Type.Unknown()),
  },
  { description: 'GeoJSON geometry of type Polygon or MultiPolygon, WGS 84 longitude/latitude' },
);
export type Boundary = Static<typeof BoundarySchema>;

export const NodeCountsSchema = Type.Object({
  subdistricts: Type.Integer(),
  communities: Type.Integer(),
  compounds: Type.Integer(),
  buildings: Type.Integer(),
  entrances: Type.Integer(),
  households: Type.Integer(),
  residents: Type.Optional(Type.Integer({ description: 'only where the caller holds people.read' })),
  partyMembers: Type.Optional(Type.Integer({ description: 'only where the caller holds people.sensitive' })),
});
export type NodeCounts = Static<typeof NodeCountsSchema>;

export const NodeSchema = Type.Object({
  id: Uuid,
  parentId: Type.Union([Uuid, Type.Null()]),
  kind: NodeKindSchema,
  subkind: NullableString,
  name: Type.String(),
  code: NullableString,
  path: Type.String({ description: 'ltree of node ids (hex) from the county down to this node' }),
  depth: Type.Integer(),
  lat: NullableNumber,
  lng: NullableNumber,
  attrs: Attrs,
  sortOrder: Type.Integer(),
  childCount: Type.Integer(),
  floorArea: Type.Optional(Type.Union([Type.Number(), Type.Null()], { description: '建筑面积 of a household in m²' })),
  counts: Type.Optional(NodeCountsSchema),
});
export type Node = Static<typeof NodeSchema>;

export const NodeDetailSchema = Type.Object({
  ...NodeSchema.properties,
  boundary: Type.Union([BoundarySchema, Type.Null()]),
  ancestors: Type.Array(Type.Object({ id: Uuid, kind: NodeKindSchema, name: Type.String() })),
  counts: NodeCountsSchema,
});
export type NodeDetail = Static<typeof NodeDetailSchema>;

export const nodeSorts = ['name', '-name', 'code', '-code', 'createdAt', '-createdAt', 'sortOrder', '-sortOrder'] as const;
export type NodeSort = (typeof nodeSorts)[number];

export const NodeListFilter = {
  parentId: Type.Optional(Uuid),
  kind: Type.Optional(NodeKindSchema),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the name or the code' })),
  sort: Type.Optional(Type.Enum([...nodeSorts], { default: 'sortOrder' })),
  withCounts: Type.Optional(Type.Boolean({ description: 'Add the subtree counts of every item (one aggregation)' })),
};
export const NodeListQuery = Type.Object({ ...NodeListFilter, ...PageQuery });
export type NodeListQuery = Static<typeof NodeListQuery>;
export const NodeExportQuery = Type.Object(NodeListFilter);

export const IdParams = Type.Object({ id: Uuid });

export const CreateNodeBody = Type.Object(
  {
    parentId: Uuid,
    kind: NodeKindSchema,
    name: Name,
    subkind: Type.Optional(Type.String({ maxLength: 40 })),
    code: Type.Optional(Code),
    lat: Type.Optional(Lat),
    lng: Type.Optional(Lng),
    boundary: Type.Optional(BoundarySchema),
    attrs: Type.Optional(Attrs),
    sortOrder: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
export type CreateNodeInput = Static<typeof CreateNodeBody>;

/** null clears an optional field; an absent field is left as it is. */
export const UpdateNodeBody = Type.Object(
  {
    name: Type.Optional(Name),
    subkind: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    code: Type.Optional(Type.Union([Code, Type.Null()])),
    lat: Type.Optional(Type.Union([Lat, Type.Null()])),
    lng: Type.Optional(Type.Union([Lng, Type.Null()])),
    boundary: Type.Optional(Type.Union([BoundarySchema, Type.Null()])),
    attrs: Type.Optional(Attrs),
    sortOrder: Type.Optional(Type.Integer()),
    /** 建筑面积 of a household in m² (two decimals); null clears it. */
    floorArea: Type.Optional(Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 99999.99 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateNodeInput = Static<typeof UpdateNodeBody>;

export const MoveNodeBody = Type.Object({ parentId: Uuid }, { additionalProperties: false });
export const MergeNodeBody = Type.Object({ intoId: Uuid }, { additionalProperties: false });

export const MergeResultSchema = Type.Object({
  node: NodeSchema,
  moved: Type.Object({
    /** Children of the merged node now under the target. */
    children: Type.Integer(),
    /** Rows of other modules re-pointed at the target, per declared column (columns with none left out). */
    references: Type.Array(
      Type.Object({
        module: Type.String(),
        table: Type.String(),
        column: Type.String(),
        count: Type.Integer(),
        /** What the rows are, as the module declares it. */
        label: Type.Object({ 'zh-CN': Type.String(), 'en-US': Type.String() }),
      }),
    ),
  }),
});
export type MergeResult = Static<typeof MergeResultSchema>;

// ——— Household / resident import ———

/**
 * Columns of the household import: the Chinese header the template carries, the English key of
 * its second row, and the other headers accepted for the same column.
 */
export const importColumns = [
  { key: 'compound', zh: '小区', aliases: ['小区名称'], required: true },
  { key: 'building', zh: '楼栋', aliases: ['楼号', '楼栋号'], required: true },
  { key: 'entrance', zh: '单元', aliases: ['单元号'], required: true },
  { key: 'household', zh: '房号', aliases: ['户号', '门牌号', '房间号'], required: true },
  { key: 'name', zh: '姓名', aliases: [], required: true },
  { key: 'gender', zh: '性别', aliases: [], required: false },
  { key: 'birthDate', zh: '出生日期', aliases: ['出生年月日'], required: false },
  { key: 'relation', zh: '与户主关系', aliases: ['关系'], required: false },
  { key: 'phone', zh: '手机号', aliases: ['手机', '联系电话', '电话'], required: false },
  { key: 'idNumber', zh: '身份证号', aliases: ['身份证号码', '公民身份号码'], required: false },
  { key: 'tags', zh: '标签', aliases: [], required: false },
  { key: 'isPartyMember', zh: '是否党员', aliases: ['党员'], required: false },
  { key: 'floorArea', zh: '建筑面积', aliases: ['房屋面积', '面积'], required: false },
] as const;
export type ImportColumnKey = (typeof importColumns)[number]['key'];

/** 与户主关系: stored as the English identifier. */
export const relations = {
  head: ['户主', '本人'],
  spouse: ['配偶', '妻', '夫', '妻子', '丈夫'],
  child: ['子女', '子', '女', '儿子', '女儿'],
  parent: ['父母', '父亲', '母亲', '父', '母'],
  grandchild: ['孙子女', '孙子', '孙女', '外孙子女', '外孙', '外孙女'],
  grandparent: ['祖父母', '祖父', '祖母', '外祖父母', '外祖父', '外祖母'],
  sibling: ['兄弟姐妹', '兄弟', '姐妹', '兄', '弟', '姐', '妹'],
  child_in_law: ['儿媳', '女婿'],
  tenant: ['租户', '租客'],
  other: ['其他'],
} as const;
export type Relation = keyof typeof relations;

/** Resident tags (GLOSSARY: 高龄 elderly, 独居 living alone, 残疾 disabled, 低保 low income …). */
export const residentTags = {
  elderly: '高龄',
  living_alone: '独居',
  disabled: '残疾',
  low_income: '低保',
  empty_nester: '空巢',
  left_behind: '留守',
  veteran: '退役军人',
  serious_illness: '大病',
  special_care: '特殊关爱',
} as const;
export type ResidentTag = keyof typeof residentTags;

export const ImportCountsSchema = Type.Object({
  compounds: Type.Integer(),
  buildings: Type.Integer(),
  entrances: Type.Integer(),
  households: Type.Integer(),
  residents: Type.Integer(),
});
export type ImportCounts = Static<typeof ImportCountsSchema>;

export const HouseholdImportResultSchema = Type.Object({
  jobId: Uuid,
  rows: Type.Integer(),
  created: ImportCountsSchema,
  updated: ImportCountsSchema,
});
export type HouseholdImportResult = Static<typeof HouseholdImportResultSchema>;

export type { ImportJob, ImportRowError as RowError } from '@linli/core/contract-types';
export { ImportJob as ImportJobSchema, ImportRowError as RowErrorSchema } from '@linli/core/contract-types';
export const JobParams = Type.Object({ jobId: Uuid });

export const DivisionImportResultSchema = Type.Object({ created: Type.Integer(), updated: Type.Integer() });
