// The words of property reform (pure: the web imports them). One list per term, defined once.

/** 管得好 / 管不好 / 无人管 / 自己管. */
export const managementStatuses = ['well', 'poor', 'unmanaged', 'self'] as const;
export type ManagementStatus = (typeof managementStatuses)[number];

export const serviceModes = ['market', 'self_managed', 'community_state_owned', 'state_owned_takeover', 'market_state_owned'] as const;
export type ServiceMode = (typeof serviceModes)[number];

/** 国企物业 / 市场物业 / 社区服务公司 / 自管. */
export const companyKinds = ['state_owned', 'market', 'community_service', 'self_managed'] as const;
export type CompanyKind = (typeof companyKinds)[number];

/** The criteria a county applies before it sets its own (version 0). */
export const defaultCriteria = { version: 0, wellMinCollectionRate: 0.8, wellMinSatisfaction: 0.8, wellMinEvaluationScore: null } as const;

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Whether `code` is a unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters with its check character. */
export function isCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const sum = CODE_WEIGHTS.reduce((acc, w, i) => acc + w * CODE_CHARS.indexOf(code[i] as string), 0);
  return CODE_CHARS[(31 - (sum % 31)) % 31] === code[17];
}

/** A valid credit code from its first 17 characters (appends the check character). */
export function creditCodeFrom(first17: string): string {
  const sum = CODE_WEIGHTS.reduce((acc, w, i) => acc + w * CODE_CHARS.indexOf(first17[i] as string), 0);
  return first17 + CODE_CHARS[(31 - (sum % 31)) % 31];
}

/**
 * The status a compound's figures give under the criteria: no company or no contract → unmanaged,
 * a self-managed company → self, collection rate and satisfaction (when surveyed) at or above the
 * thresholds, and the latest evaluation score (when the criteria ask one and the compound has been
 * evaluated) at or above its minimum → well, otherwise poor.
 */
export function computeStatus(
  input: {
    hasContract: boolean;
    companyKind: CompanyKind | null;
    collectionRate: number | null;
    satisfaction: number | null;
    evaluationScore?: number | null;
  },
  criteria: { wellMinCollectionRate: number; wellMinSatisfaction: number; wellMinEvaluationScore?: number | null },
): ManagementStatus {
  if (!input.hasContract || !input.companyKind) return 'unmanaged';
  if (input.companyKind === 'self_managed') return 'self';
  const collected = (input.collectionRate ?? 0) >= criteria.wellMinCollectionRate;
  const satisfied = input.satisfaction === null || input.satisfaction >= criteria.wellMinSatisfaction;
  return collected && satisfied && evaluatedWell(input.evaluationScore ?? null, criteria.wellMinEvaluationScore ?? null) ? 'well' : 'poor';
}

/** Whether an evaluation score meets the criteria's minimum: true when no minimum is set or the compound has no score yet. */
export function evaluatedWell(score: number | null, minimum: number | null): boolean {
  return minimum === null || score === null || score >= minimum;
}

/** Chinese labels for exports (the web has its own strings in both languages). */
export const statusLabels: Record<ManagementStatus, string> = { well: '管得好', poor: '管不好', unmanaged: '无人管', self: '自己管' };
export const modeLabels: Record<ServiceMode, string> = {
  market: '市场物业',
  self_managed: '自治管理',
  community_state_owned: '社区+国企物业',
  state_owned_takeover: '国企物业接管',
  market_state_owned: '市场物业+国企物业',
};
export const companyKindLabels: Record<CompanyKind, string> = {
  state_owned: '国企物业',
  market: '市场物业',
  community_service: '社区服务公司',
  self_managed: '自管',
};

/** States of a property manager's reception day (物业经理接待日). */
export const receptionStatuses = ['scheduled', 'held', 'cancelled'] as const;
