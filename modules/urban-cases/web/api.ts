import type { Department } from '@linli/departments/contract';
import { api, request } from '@linli/web-kit/client';

export type { Department };

/** The county's active departments (enforcing units of a case). */
export const activeDepartments = () => api.get<{ items: Department[] }>('/departments').then((r) => r.items.filter((d) => d.active));

/** Sends one photo as multipart/form-data with its text fields. */
export function uploadPhoto<T>(path: string, file: File, fields: Record<string, string> = {}): Promise<T> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.append('file', file);
  return api.post<T>(path, body);
}

/** Today in China (YYYY-MM-DD). */
export const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });
