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

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[] | Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
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
