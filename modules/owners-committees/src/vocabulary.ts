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

// ---- Owners' general meetings (业主大会)

/** 首次业主大会 / 定期会议 / 临时会议. */
export const meetingKinds = ['first', 'regular', 'extraordinary'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
/** Who convenes: the owners' committee, else the property management committee, else the street / community (筹备组). */
export const meetingConveners = ['owners_committee', 'property_management_committee', 'community'] as const;
export type MeetingConvener = (typeof meetingConveners)[number];
export const meetingStatuses = ['draft', 'noticed', 'voting', 'closed', 'published'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
/**
 * The decisions Civil Code Art. 278 gives the owners: (1) rules of procedure, (2) management rules,
 * (3) electing or replacing the committee, (4) hiring or dismissing the property company, (5) using
 * and (6) raising the maintenance funds, (7) rebuilding, (8) changing the use of common parts, (9)
 * other major matters of common ownership and management.
 */
export const matterKinds = [
  'rules_of_procedure',
  'management_rules',
  'committee_election',
  'property_company',
  'fund_use',
  'fund_raising',
  'rebuilding',
  'common_use_change',
  'other_major',
] as const;
export type MatterKind = (typeof matterKinds)[number];
/** Art. 278 (6)–(8): at least three quarters of the participating area and owners; the rest more than half. */
export const majorMatterKinds: readonly MatterKind[] = ['fund_use', 'fund_raising', 'rebuilding', 'common_use_change'];
export const matterRule = (kind: MatterKind): 'art278_major' | 'art278_ordinary' =>
  majorMatterKinds.includes(kind) ? 'art278_major' : 'art278_ordinary';
/** The options of every matter's ballot, in this order (option ids 1, 2, 3). */
export const matterChoices = ['agree', 'oppose', 'abstain'] as const;
export type MatterChoice = (typeof matterChoices)[number];
export const matterChoiceLabels: Record<MatterChoice, string> = { agree: '同意', oppose: '反对', abstain: '弃权' };
/** The notice goes up at least this many days before the vote starts (业主大会会议召开15日以前通知全体业主). */
export const meetingNoticeDays = 15;
/** Authorisation documents: photos or PDF up to this size. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const meetingKindLabels: Record<MeetingKind, string> = { first: '首次业主大会', regular: '定期会议', extraordinary: '临时会议' };
export const meetingConvenerLabels: Record<MeetingConvener, string> = {
  owners_committee: '业主委员会',
  property_management_committee: '物业管理委员会',
  community: '街道/社区（筹备组）',
};
export const meetingStatusLabels: Record<MeetingStatus, string> = {
  draft: '草稿',
  noticed: '已公告',
  voting: '表决中',
  closed: '已计票',
  published: '已公布',
};
export const matterKindLabels: Record<MatterKind, string> = {
  rules_of_procedure: '制定和修改业主大会议事规则',
  management_rules: '制定和修改管理规约',
  committee_election: '选举业主委员会或者更换业主委员会成员',
  property_company: '选聘和解聘物业服务企业或者其他管理人',
  fund_use: '使用建筑物及其附属设施的维修资金',
  fund_raising: '筹集建筑物及其附属设施的维修资金',
  rebuilding: '改建、重建建筑物及其附属设施',
  common_use_change: '改变共有部分的用途或者利用共有部分从事经营活动',
  other_major: '有关共有和共同管理权利的其他重大事项',
};
