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

export type ErrorParams = Record<string, string | number>;

/** A declared text with its `{name}` placeholders filled; a placeholder without a param stays as written. */
export function fillText(text: string, params: ErrorParams = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

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
    const e = new AppError(error.status, fillText(error['en-US'], params), details);
    (e as { declared: ModuleError }).declared = error;
    (e as { params: ErrorParams | undefined }).params = params;
    return e;
  }

  /** The message in a language: the declared text when there is one, else the (English) message. */
  messageIn(language: Language): string {
    return this.declared ? fillText(this.declared[language], this.params) : this.message;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  static notFound(what: string, id?: string): AppError {
    return new AppError('not_found', id ? `${what} ${id} not found` : `${what} not found`);
  }

  static forbidden(message = 'You do not have permission for this action'): AppError {
    return new AppError('forbidden', message);
  }

  static invalid(details: ErrorDetail[], message = 'The input is not valid'): AppError {
    return new AppError('invalid_input', message, details);
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
      return new AppError('conflict', 'A record with the same key already exists', { constraint, detail });
    case '23503':
      return new AppError('unprocessable', 'A referenced record does not exist or is still in use', { constraint, detail });
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return new AppError('invalid_input', 'A value is not valid for its field', { constraint, detail });
    case '40001':
    case '40P01':
      return new AppError('conflict', 'Another change was made at the same time; please retry');
    default:
      return undefined;
  }
}
