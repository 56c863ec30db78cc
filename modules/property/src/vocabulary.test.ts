import { describe, expect, it } from 'vitest';
import { computeStatus, creditCodeFrom, isCreditCode } from './vocabulary.ts';

const criteria = { wellMinCollectionRate: 0.8, wellMinSatisfaction: 0.85 };

describe('computeStatus', () => {
  it('answers unmanaged without a contract or company, self for a self-managed company, else well or poor by the thresholds', () => {
    expect(computeStatus({ hasContract: false, companyKind: 'market', collectionRate: 1, satisfaction: 1 }, criteria)).toBe('unmanaged');
    expect(computeStatus({ hasContract: true, companyKind: null, collectionRate: 1, satisfaction: 1 }, criteria)).toBe('unmanaged');
    expect(computeStatus({ hasContract: true, companyKind: 'self_managed', collectionRate: 0.1, satisfaction: null }, criteria)).toBe(
      'self',
    );
    expect(computeStatus({ hasContract: true, companyKind: 'market', collectionRate: 0.8, satisfaction: null }, criteria)).toBe('well');
    expect(computeStatus({ hasContract: true, companyKind: 'state_owned', collectionRate: 0.79, satisfaction: null }, criteria)).toBe(
      'poor',
    );
    expect(computeStatus({ hasContract: true, companyKind: 'market', collectionRate: 0.95, satisfaction: 0.8 }, criteria)).toBe('poor');
    expect(computeStatus({ hasContract: true, companyKind: 'community_service', collectionRate: null, satisfaction: null }, criteria)).toBe(
      'poor',
    );
  });
});

describe('isCreditCode', () => {
  it('accepts a code with its check character and refuses a wrong one or a wrong length', () => {
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    expect(isCreditCode('91350100M000100Y44')).toBe(false);
    expect(isCreditCode('91350100M000100Y4')).toBe(false);
    expect(isCreditCode(creditCodeFrom('91370785MA3C12345'))).toBe(true);
  });
});
