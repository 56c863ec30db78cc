/**
 * The one error type of Linli. Commands and repositories throw it; Fastify's error handler turns
 * it into `{ error: { code, message, details } }` with the status from this table. Nothing below
 * the routes knows about HTTP.
 */
export const errorStatus = {
  invalid_input: 400,
  unauthenticated: 401,
  password_expired: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  payload_too_large: 413,
  rate_limited: 429,
  account_locked: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Where a problem is: a field of a body, or a row/column of an uploaded file. */
export interface ErrorDetail {
  field?: string;
  row?: number;
  column?: string;
  reason: string;
  value?: unknown;
}

/** The languages of the product; zh-CN is the UI's default. */
export type Language = 'zh-CN' | 'en-US';

/**
 * One error a module throws, declared with `defineErrors` in a pure file of the module and listed in
 * its manifest (`errors`). Texts may hold `{name}` placeholders filled from the params of
 * `AppError.of(error, params)`.
 */
export interface ModuleError {
  /** `<module>.<what>`, e.g. `grid.leader_taken`: unique over all modules. */
  code: string;
  /** The error class, which gives the HTTP status (`errorStatus`) and the body's `code`. */
  status: ErrorCode;
  'zh-CN': string;
  'en-US': string;
}

/**
 * Declares a module's errors: `defineErrors('grid', { leader_taken: { status: 'conflict', 'zh-CN': …, 'en-US': … } })`
 * gives each its code (`grid.leader_taken`). Thrown as `AppError.of(gridErrors.leader_taken, { … })`.
 */
export function defineErrors<K extends string>(
  prefix: string,
  texts: Record<K, Omit<ModuleError, 'code'>>,
): { readonly [P in K]: ModuleError } {
  return Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, { code: `${prefix}.${k}`, ...(t as object) }])) as {
    [P in K]: ModuleError;
  };
}

/** A word in both languages, as a param of a declared text (e.g. what was not found). */
export interface Noun {
  'zh-CN': string;
  'en-US': string;
}

export type ErrorParams = Record<string, string | number | Noun>;

/**
 * A declared text in one language with its `{name}` placeholders filled (a Noun param in the same
 * language); a placeholder without a param stays as written.
 */
export function fillText(text: string, params: ErrorParams = {}, language: Language = 'en-US'): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[language] : String(value);
  });
}

/**
 * The errors of the platform itself (core, the error handler, the database mapping). Modules declare
 * theirs the same way in their own errors file and list them in their manifest.
 */
export const platformErrors = defineErrors('platform', {
  invalid_input: { status: 'invalid_input', 'en-US': 'The input is not valid', 'zh-CN': '输入有误' },
  forbidden: { status: 'forbidden', 'en-US': 'You do not have permission for this action', 'zh-CN': '您没有执行此操作的权限' },
  permission_required: { status: 'forbidden', 'en-US': 'Permission {ability} is required', 'zh-CN': '需要 {ability} 权限' },
  permission_required_at: {
    status: 'forbidden',
    'en-US': 'Permission {ability} is required for {place}',
    'zh-CN': '需要 {ability} 权限（{place}）',
  },
  not_found: { status: 'not_found', 'en-US': '{what} not found', 'zh-CN': '{what}不存在或无权查看' },
  not_found_id: { status: 'not_found', 'en-US': '{what} {id} not found', 'zh-CN': '{what}（{id}）不存在或无权查看' },
  duplicate_key: { status: 'conflict', 'en-US': 'A record with the same key already exists', 'zh-CN': '已存在相同的记录' },
  referenced_record: {
    status: 'unprocessable',
    'en-US': 'A referenced record does not exist or is still in use',
    'zh-CN': '引用的记录不存在或仍在使用中',
  },
  invalid_value: { status: 'invalid_input', 'en-US': 'A value is not valid for its field', 'zh-CN': '某个字段的值无效' },
  concurrent_change: {
    status: 'conflict',
    'en-US': 'Another change was made at the same time; please retry',
    'zh-CN': '另一项修改同时进行，请重试',
  },
});

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | Record<string, unknown> | undefined;
  /** The declared error (module code and its texts), when thrown with `AppError.of`. */
  readonly declared: ModuleError | undefined;
  readonly params: ErrorParams | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[] | Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.declared = undefined;
    this.params = undefined;
  }

  /**
   * An error a module declared: its status class, its English message (logs, tests) and, in the
   * error handler, the text in the caller's language.
   */
  static of(error: ModuleError, params?: ErrorParams, details?: ErrorDetail[] | Record<string, unknown>): AppError {
    const e = new AppError(error.status, fillText(error['en-US'], params, 'en-US'), details);
    (e as { declared: ModuleError }).declared = error;
    (e as { params: ErrorParams | undefined }).params = params;
    return e;
  }

  /** The message in a language: the declared text when there is one, else the (English) message. */
  messageIn(language: Language): string {
    return this.declared ? fillText(this.declared[language], this.params, language) : this.message;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  /** 404. `what` as a Noun gives the message in both languages (a plain English word is translated by rule). */
  static notFound(what: string | Noun, id?: string): AppError {
    if (typeof what === 'object')
      return AppError.of(id ? platformErrors.not_found_id : platformErrors.not_found, { what, ...(id ? { id } : {}) });
    return new AppError('not_found', id ? `${what} ${id} not found` : `${what} not found`);
  }

  static forbidden(message?: string): AppError {
    return message === undefined ? AppError.of(platformErrors.forbidden) : new AppError('forbidden', message);
  }

  static invalid(details: ErrorDetail[], message?: string): AppError {
    return message === undefined
      ? AppError.of(platformErrors.invalid_input, undefined, details)
      : new AppError('invalid_input', message, details);
  }

  static conflict(message: string, details?: Record<string, unknown>): AppError {
    return new AppError('conflict', message, details);
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** Maps PostgreSQL constraint violations to client errors, so bad input never becomes a 500. */
export function fromDatabaseError(err: unknown): AppError | undefined {
  const e = (err as { cause?: unknown }).cause ?? err;
  const pgCode = (e as { code?: string }).code;
  const constraint = (e as { constraint?: string }).constraint;
  const detail = (e as { detail?: string }).detail;
  switch (pgCode) {
    case '23505':
      return AppError.of(platformErrors.duplicate_key, undefined, { constraint, detail });
    case '23503':
      return AppError.of(platformErrors.referenced_record, undefined, { constraint, detail });
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return AppError.of(platformErrors.invalid_value, undefined, { constraint, detail });
    case '40001':
    case '40P01':
      return AppError.of(platformErrors.concurrent_change);
    default:
      return undefined;
  }
}
