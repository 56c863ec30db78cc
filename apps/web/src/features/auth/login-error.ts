import { ApiError } from '@linli/web-kit/client';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';

/**
 * What a failed sign-in tells the user. An unknown name, a wrong password and a locked account get
 * the same 401 from the server (auth.failed names all three); 429 is the limit of attempts per
 * address or user name. Used by the admin and the resident sign-in pages.
 */
export function loginErrorMessage(e: unknown, t: TFunction): string {
  if (e instanceof ApiError && e.status === 429) {
    const seconds = e.retryAfterSeconds;
    return seconds !== undefined
      ? t('auth.tooMany', { minutes: Math.ceil(seconds / 60), time: dayjs().add(seconds, 'second').format('HH:mm') })
      : t('auth.tooManyNoTime');
  }
  if (e instanceof ApiError && (e.status === 401 || e.status === 400)) return e.status === 401 ? t('auth.failed') : e.message;
  return e instanceof Error ? e.message : t('errors.network');
}
