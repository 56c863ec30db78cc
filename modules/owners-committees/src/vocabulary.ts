// The words of owners' committees, declared once (pure: contract, web and SQL checks read them).

/** 业委会 / 业工委 / 物业管理委员会 (物管会: only where the compound has no active owners' committee). */
export const committeeKinds = ['owners_committee', 'owners_work_committee', 'property_management_committee'] as const;
export type CommitteeKind = (typeof committeeKinds)[number];
/** The kinds owners elect (an election forms one of these). */
export const electedKinds = ['owners_committee', 'owners_work_committee'] as const;
export type ElectedKind = (typeof electedKinds)[number];
export const committeeStatuses = ['active', 'expired', 'dissolved'] as const;
export type CommitteeStatus = (typeof committeeStatuses)[number];
/** 主任 / 副主任 / 委员. */
export const memberPositions = ['chair', 'vice_chair', 'member'] as const;
export type MemberPosition = (typeof memberPositions)[number];
export const electionStatuses = ['preparing', 'voting', 'elected', 'failed', 'cancelled'] as const;
export type ElectionStatus = (typeof electionStatuses)[number];
/** 资格审查 items typed in by the vetting staff (party membership is read from the party records, never typed). */
export const vettingItems = ['owner_household', 'no_criminal_record', 'capacity', 'other'] as const;
export type VettingItem = (typeof vettingItems)[number];
/** The items every candidate must pass before the vote. */
export const requiredVettingItems: readonly VettingItem[] = ['owner_household', 'no_criminal_record'];
export const vettingStatuses = ['pending', 'passed', 'failed'] as const;
export type VettingStatus = (typeof vettingStatuses)[number];

/** The default of the county's rule date (committees formed on or after it need ≥ 50 % party members). */
export const defaultPartyRuleFrom = '2021-01-01';
/** A term, typically five years. */
export const defaultTermYears = 5;

/** Chinese labels for exports (the web has its own strings in both languages). */
export const kindLabels: Record<CommitteeKind, string> = {
  owners_committee: '业主委员会',
  owners_work_committee: '业主工作委员会',
  property_management_committee: '物业管理委员会',
};
export const statusLabels: Record<CommitteeStatus, string> = { active: '在任', expired: '已到期', dissolved: '已解散' };
export const positionLabels: Record<MemberPosition, string> = { chair: '主任', vice_chair: '副主任', member: '委员' };
export const electionStatusLabels: Record<ElectionStatus, string> = {
  preparing: '筹备中',
  voting: '表决中',
  elected: '已选出',
  failed: '未选出',
  cancelled: '已取消',
};
