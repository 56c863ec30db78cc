import type { Committee } from '@linli/owners-committees/contract';

/** 0.625 → 62.5% (empty without a value). */
export const percent = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`);

/** The colour of a committee's party-share tag: met green, missed red where the rule applies, grey otherwise. */
export function shareColor(c: Committee): string {
  if (c.party.met) return 'green';
  return c.party.ruleApplies ? 'red' : 'default';
}

/** The colour of a meeting's status tag. */
export const meetingStatusColor = { draft: 'default', noticed: 'blue', voting: 'orange', closed: 'purple', published: 'green' } as const;
