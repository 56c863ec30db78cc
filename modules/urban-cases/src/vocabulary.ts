// The words of urban-cases, shared by the server and the web (pure: imports nothing).

/** Kinds of urban-management case in compounds (城管进小区). */
export const caseKinds = ['illegal_structure', 'rubbish', 'parking', 'charger', 'clutter'] as const;
export type CaseKind = (typeof caseKinds)[number];

/** The unit of each kind's quantity, and whether it takes decimals (tonnes, m²) or counts whole things. */
export const caseUnits: Record<CaseKind, { unit: 'm2' | 't' | 'space' | 'unit' | 'item'; decimals: boolean }> = {
  illegal_structure: { unit: 'm2', decimals: true },
  rubbish: { unit: 't', decimals: true },
  parking: { unit: 'space', decimals: false },
  charger: { unit: 'unit', decimals: false },
  clutter: { unit: 'item', decimals: false },
};

export const caseStatuses = ['reported', 'assigned', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const casePhotoStages = ['before', 'after'] as const;
export type CasePhotoStage = (typeof casePhotoStages)[number];

/** Scope items of a renovation project (改造内容). */
export const scopeItems = ['greening', 'lighting', 'parking', 'pipes', 'party_station', 'other'] as const;
export type ScopeItem = (typeof scopeItems)[number];

/** Funding sources of a renovation project. */
export const fundingSources = ['central', 'provincial', 'county', 'owners', 'companies', 'other'] as const;
export type FundingSource = (typeof fundingSources)[number];

export const renovationStatuses = ['planned', 'in_progress', 'accepted'] as const;
export type RenovationStatus = (typeof renovationStatuses)[number];

export const renovationPhotoStages = ['before', 'after', 'acceptance'] as const;
export type RenovationPhotoStage = (typeof renovationPhotoStages)[number];

/** Largest photo accepted (bytes) and most photos per case or project. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS = 20;

/** Chinese labels (the web has both languages in its strings; the server's Excel export is Chinese). */
export const kindLabels: Record<CaseKind, string> = {
  illegal_structure: '违建拆除',
  rubbish: '垃圾清运',
  parking: '车位施划',
  charger: '充电桩安装',
  clutter: '乱堆乱放',
};
export const unitLabels: Record<CaseKind, string> = {
  illegal_structure: '平方米',
  rubbish: '吨',
  parking: '个',
  charger: '个',
  clutter: '处',
};
export const statusLabels: Record<CaseStatus, string> = { reported: '已上报', assigned: '已交办', closed: '已办结' };
export const renovationStatusLabels: Record<RenovationStatus, string> = { planned: '计划', in_progress: '施工中', accepted: '已验收' };
export const scopeItemLabels: Record<ScopeItem, string> = {
  greening: '绿化',
  lighting: '照明',
  parking: '停车',
  pipes: '管网',
  party_station: '党群服务站',
  other: '其他',
};
export const fundingLabels: Record<FundingSource, string> = {
  central: '中央资金',
  provincial: '省级资金',
  county: '县级资金',
  owners: '业主出资',
  companies: '企业出资',
  other: '其他',
};
