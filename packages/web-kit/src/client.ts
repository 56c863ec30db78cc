// The one way the web app talks to the server: same-origin cookie session, CSRF header on writes,
// the error shape `{ error: { code, message, details } }` turned into ApiError, 401 → /login.

import i18n from 'i18next';

export const API_BASE = '/api/v1';

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }

  /** Row errors of an import (422) or field errors (400), when the details are a list. */
  get detailList(): Record<string, unknown>[] {
    return Array.isArray(this.details) ? (this.details as Record<string, unknown>[]) : [];
  }

  get retryAfterSeconds(): number | undefined {
    const d = this.details as { retryAfterSeconds?: unknown } | undefined;
    return d && typeof d.retryAfterSeconds === 'number' ? d.retryAfterSeconds : undefined;
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {
  if (!window.location.pathname.startsWith('/login')) {
    const back = encodeURIComponent(window.location.pathname + window.location.search);
    window.location.assign(`/login?next=${back}`);
  }
};
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined | string[]>;

export function toQueryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const v of value) params.append(key, v);
    } else params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function apiUrl(path: string, query?: Query): string {
  return `${API_BASE}${path}${toQueryString(query)}`;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not redirect to /login on 401 (the login form itself, the first /auth/me). */
  allow401?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
}

async function parseError(res: Response): Promise<ApiError> {
  let body: ApiErrorBody = { code: `http_${res.status}`, message: res.statusText || `HTTP ${res.status}` };
  try {
    const json = (await res.json()) as { error?: ApiErrorBody };
    if (json?.error?.code) body = json.error;
  } catch {
    // not JSON (proxy error page, empty body): keep the status text
  }
  return new ApiError(res.status, body);
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  // Error messages come back in the interface's language.
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language || 'zh-CN', ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;

  const res = await fetch(apiUrl(path, options.query), {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!res.ok) {
    const error = await parseError(res);
    if (res.status === 401 && !options.allow401) onUnauthorized();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: Omit<RequestOptions, 'query' | 'body'>) => request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Downloads a file (Excel export, import template) through fetch so that errors show as messages. */
export async function download(path: string, query?: Query, fallbackName = 'export.xlsx'): Promise<void> {
  const res = await fetch(apiUrl(path, query), { credentials: 'same-origin' });
  if (!res.ok) {
    const error = await parseError(res);
    if (res.status === 401) onUnauthorized();
    throw error;
  }
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  // RFC 6266: filename* (UTF-8, the Chinese name) wins over the ASCII filename that precedes it in the header.
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const ascii = /filename="?([^";]+)"?/i.exec(disposition.replace(/filename\*=[^;]*/gi, ''))?.[1];
  const name = utf8 ? decodeURIComponent(utf8) : (ascii ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Lists of the contract are pages `{ items, nextCursor }`; a few (roots, roles) may be plain arrays. */
export function itemsOf<T>(value: T[] | { items: T[] } | null | undefined): T[] {
  if (!value) return [];
  return Array.isArray(value) ? value : (value.items ?? []);
}
