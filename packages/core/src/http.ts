import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import { type TSchema, Type } from 'typebox';
import { AppError } from './app-error.ts';
import type { RequestContext } from './context.ts';

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
