import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import { type Static, type TSchema, Type } from 'typebox';
import { Value } from 'typebox/value';
import { AppError } from './app-error.ts';
import type { RequestContext } from './context.ts';
import { attachmentHeader, XLSX_TYPE } from './excel.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session hook of the accounts module when the caller is signed in. */
    ctx: RequestContext | null;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** The caller's context, or 401 when not signed in. First line of every protected handler. */
export function requireContext(request: FastifyRequest): RequestContext {
  if (!request.ctx) throw new AppError('unauthenticated', 'Please sign in');
  return request.ctx;
}

// The schemas every contract uses live in a file that imports only typebox (the web reads the contracts).
export { ErrorBody, Page, PageQuery, Uuid } from './contract-types.ts';

/**
 * Opaque cursors: base64url JSON of the sort order they page (`s`) and the sort key of the last row
 * (`k`). A cursor is bound to its sort: reused with another one it is refused, not misread.
 */
export function encodeCursor(key: unknown, sort = ''): string {
  return Buffer.from(JSON.stringify({ s: sort, k: key })).toString('base64url');
}

const badCursor = (reason = 'not a cursor returned by this API') => AppError.invalid([{ field: 'cursor', reason }]);

/**
 * The sort key a cursor carries, checked against `schema` (the repository's cursor shape) and the
 * `sort` of the request: 400 naming `cursor` for anything this API did not give for this list and
 * sort — bad base64 or JSON, another shape, a NUL character, or a cursor of another sort order.
 */
export function decodeCursor<T extends TSchema>(cursor: string | undefined, schema: T, sort = ''): Static<T> | undefined {
  if (!cursor) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (
    !parsed ||
    typeof parsed !== 'object' ||
    Array.isArray(parsed) ||
    !('k' in parsed) ||
    typeof (parsed as { s?: unknown }).s !== 'string'
  ) {
    throw badCursor();
  }
  const { s, k } = parsed as { s: string; k: unknown };
  if (s !== sort) throw badCursor('belongs to another sort order; start again from the first page');
  if (!Value.Check(schema, k) || nulPath(k, 'cursor') !== undefined) throw badCursor();
  return k as Static<T>;
}

/** A cursor's sort key: a text (no longer than a name) or timestamp value and the row's id. */
export const CursorText = Type.String({ maxLength: 300 });
export const CursorTime = Type.String({ format: 'date-time' });
export const CursorDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/**
 * One page of a cursor-paged list: takes `cursor` and `limit` (default 50) off the query, gives the
 * rest to `list` as the filter, and returns the items with the opaque cursor of the next page. The
 * cursor is checked against `schema` and bound to the query's `sort` (decodeCursor), so `after` is
 * of the repository's cursor type or absent.
 */
export async function cursorPage<
  Q extends { cursor?: string; limit?: number; sort?: string },
  C extends TSchema,
  R extends { items: unknown[]; next: Static<C> | null | undefined },
>(
  query: Q,
  schema: C,
  list: (filter: Omit<Q, 'cursor' | 'limit'>, page: { limit: number; after?: Static<C> }) => Promise<R>,
): Promise<{ items: R['items']; nextCursor: string | null }> {
  const { cursor, limit = 50, ...filter } = query;
  const sort = query.sort ?? '';
  const page = await list(filter, { limit, after: decodeCursor(cursor, schema, sort) });
  return { items: page.items, nextCursor: page.next ? encodeCursor(page.next, sort) : null };
}

/**
 * Where a NUL character hides in a parsed request part (query, params or body; nested objects,
 * arrays and URLSearchParams), as the field path the error names — PostgreSQL text cannot hold
 * one, so it is refused before any handler sees it. Undefined when there is none.
 */
export function nulPath(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : undefined;
  if (value === null || typeof value !== 'object' || depth > 32) return undefined;
  const join = (key: string) => (path ? `${path}.${key}` : key);
  const entries: Iterable<[string, unknown]> =
    value instanceof URLSearchParams ? value.entries() : Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, v] of entries) {
    if (key.includes('\u0000')) return join(key.replaceAll('\u0000', '\\0'));
    const found = nulPath(v, join(key), depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** 400 naming the first field of the query, path or body that holds a NUL character. */
export function rejectNulCharacters(request: { query?: unknown; params?: unknown; body?: unknown }): void {
  for (const [part, value] of [
    ['query', request.query],
    ['params', request.params],
    ['body', request.body],
  ] as const) {
    if (Buffer.isBuffer(value)) continue;
    const field = nulPath(value, '');
    if (field !== undefined) {
      throw AppError.invalid([{ field: field === 'body' ? part : field, reason: 'contains a NUL character' }]);
    }
  }
}

/** Sends a workbook as a download named `fileName` (`asciiFallback` for clients without UTF-8 names). */
export function sendXlsx(reply: FastifyReply, file: Buffer, fileName: string, asciiFallback?: string): FastifyReply {
  return reply.header('content-type', XLSX_TYPE).header('content-disposition', attachmentHeader(fileName, asciiFallback)).send(file);
}
