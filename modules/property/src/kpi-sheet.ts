import type { PropertyKpis } from './contract.ts';
import { companyKindLabels, modeLabels, statusLabels } from './vocabulary.ts';

export interface KpiSheetRow {
  group: string;
  figure: string;
  value: number | string;
  unit: string;
}

/**
 * The property reform figures as rows of one sheet (group, figure, value, unit), in the order the
 * counties' reports give them: classification, service modes and clusters, companies and their party
 * work, committees, micro-grids and 红管家, stations, urban management and renovation, joint meetings.
 */
export function kpiSheetRows(k: PropertyKpis, place: string, from: string, to: string): KpiSheetRow[] {
  const rows: KpiSheetRow[] = [
    { group: '范围', figure: '区域', value: place, unit: '' },
    { group: '范围', figure: '统计期', value: `${from} ~ ${to}`, unit: '' },
    { group: '小区分类', figure: '建档老旧小区', value: k.compounds, unit: '个' },
    ...(['well', 'poor', 'unmanaged', 'self'] as const).map((s) => ({
      group: '小区分类',
      figure: statusLabels[s],
      value: k.compoundsByStatus[s],
      unit: '个',
    })),
    ...Object.entries(k.compoundsByMode).map(([m, n]) => ({
      group: '服务模式',
      figure: modeLabels[m as keyof typeof modeLabels] ?? m,
      value: n,
      unit: '个小区',
    })),
    { group: '服务模式', figure: '片区组团', value: k.clusters, unit: '个' },
    ...(['state_owned', 'market', 'community_service', 'self_managed'] as const).map((kind) => ({
      group: '物业企业',
      figure: companyKindLabels[kind],
      value: k.companiesByKind[kind],
      unit: '家',
    })),
    { group: '红色物业', figure: '小区党支部', value: k.compoundBranches, unit: '个' },
    { group: '红色物业', figure: '明确党组织的物业企业', value: k.companiesWithPartyOrg, unit: '家' },
    { group: '红色物业', figure: '党建指导员', value: k.instructors, unit: '名' },
    { group: '业主组织', figure: '业委会（业工委）', value: k.ownersCommittees, unit: '个' },
    { group: '业主组织', figure: '物业管理委员会', value: k.propertyManagementCommittees, unit: '个' },
    { group: '业主组织', figure: '党员占比过半的业委会', value: k.committeesPartyShareMet, unit: '个' },
    { group: '微网格', figure: '小区微网格', value: k.microGrids, unit: '个' },
    { group: '微网格', figure: '微网格员', value: k.microGridMembers, unit: '名' },
    { group: '微网格', figure: '红管家队伍', value: k.redStewardTeams, unit: '支' },
    ...k.stations.map((st) => ({ group: '阵地', figure: st.name, value: st.count, unit: '个' })),
    { group: '城管进小区', figure: '拆除违建', value: k.illegalStructuresRemoved, unit: '处' },
    { group: '城管进小区', figure: '拆除违建面积', value: k.illegalStructureAreaM2, unit: '㎡' },
    { group: '城管进小区', figure: '清理垃圾', value: k.rubbishTonnes, unit: '吨' },
    { group: '城管进小区', figure: '施划停车位', value: k.parkingSpaces, unit: '个' },
    { group: '城管进小区', figure: '安装充电桩', value: k.chargers, unit: '个' },
    { group: '老旧小区改造', figure: '完成改造小区', value: k.renovatedCompounds, unit: '个' },
    { group: '联席会议', figure: '县（市、区）级', value: k.jointMeetings.county, unit: '次' },
    { group: '联席会议', figure: '街道级', value: k.jointMeetings.subdistrict, unit: '次' },
    { group: '联席会议', figure: '社区级', value: k.jointMeetings.community, unit: '次' },
  ];
  return rows;
}
