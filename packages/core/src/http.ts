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
import { type TSchema, Type } from 'typebox';
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

/** The one error body of the API, declared once for the OpenAPI document. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String({ description: 'in the language the Accept-Language header prefers (Chinese or English)' }),
      messageEn: Type.Optional(Type.String({ description: 'the English message, when `message` was translated' })),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorBody', title: 'Error' },
);

/** Cursor-paginated list response. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
    total: Type.Optional(Type.Integer()),
  });
}

export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'Opaque cursor from the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
};

export const Uuid = Type.String({ format: 'uuid' });

/** Opaque cursors: base64url JSON of the sort key of the last row. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined): T | undefined {
  if (!cursor) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
  } catch {
    throw AppError.invalid([{ field: 'cursor', reason: 'not a cursor returned by this API' }]);
  }
}

/**
 * One page of a cursor-paged list: takes `cursor` and `limit` (default 50) off the query, gives the
 * rest to `list` as the filter, and returns the items with the opaque cursor of the next page. The
 * cursor comes back as the client sent it (decodeCursor checks only that it is JSON), so `after` is
 * typed by the repository that reads it.
 */
export async function cursorPage<Q extends { cursor?: string; limit?: number }, R extends { items: unknown[]; next: unknown }>(
  query: Q,
  // biome-ignore lint/suspicious/noExplicitAny: the repository's cursor type; decodeCursor is an unchecked cast either way
  list: (filter: Omit<Q, 'cursor' | 'limit'>, page: { limit: number; after?: any }) => Promise<R>,
): Promise<{ items: R['items']; nextCursor: string | null }> {
  const { cursor, limit = 50, ...filter } = query;
  const page = await list(filter, { limit, after: decodeCursor(cursor) });
  return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
}

/** Sends a workbook as a download named `fileName` (`asciiFallback` for clients without UTF-8 names). */
export function sendXlsx(reply: FastifyReply, file: Buffer, fileName: string, asciiFallback?: string): FastifyReply {
  return reply.header('content-type', XLSX_TYPE).header('content-disposition', attachmentHeader(fileName, asciiFallback)).send(file);
}
