// The words of a ballot, declared once (pure: contract, web and SQL checks read them).
export const ballotMethods = ['tally', 'online'] as const;
export type BallotMethod = (typeof ballotMethods)[number];
export const voterUnits = ['person', 'household'] as const;
export type VoterUnit = (typeof voterUnits)[number];
export const weightings = ['none', 'area'] as const;
export type Weighting = (typeof weightings)[number];
export const ballotStatuses = ['draft', 'open', 'closed'] as const;
export type BallotStatus = (typeof ballotStatuses)[number];
export const passBases = ['votes', 'voters'] as const;
export { type RuleName, ruleNames } from './decision.ts';

/** Chinese labels for exports (the web has its own strings in both languages). */
export const methodLabels = { tally: '现场计票', online: '线上投票' } as const;
export const ruleLabels = {
  simple_majority: '简单多数',
  art278_ordinary: '双过半（一般事项）',
  art278_major: '双四分之三（重大事项）',
  custom: '自定义',
} as const;
export const ballotStatusLabels = { draft: '草稿', open: '进行中', closed: '已结束' } as const;
