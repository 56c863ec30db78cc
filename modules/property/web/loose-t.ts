import type { TFunction } from 'i18next';

/** `t` for keys built at run time (`property.reception.${key}`): typed keys cannot name them, the strings files still hold them. */
export const looseT = (t: TFunction): ((key: string, options?: Record<string, unknown>) => string) =>
  t as unknown as (key: string, options?: Record<string, unknown>) => string;
