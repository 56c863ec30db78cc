// The schemas every module's contract uses: the error body, a page of a list, its query, an id. This
// file imports only typebox, like the contracts that use it, so that the web app can import a
// contract's types (and the schemas, if it wants them) without any server code.
import { type Static, type TSchema, Type } from 'typebox';

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
  cursor: Type.Optional(Type.String({ maxLength: 2000, description: 'Opaque cursor from the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
};

export const Uuid = Type.String({ format: 'uuid' });

/** A problem of one row of an imported file: the row, the column (its header), why, and the value. */
export const ImportRowError = Type.Object({
  row: Type.Integer({ description: 'the row number in the file (header = 1)' }),
  column: Type.String(),
  reason: Type.String(),
  value: Type.Optional(Type.Unknown()),
});
export type ImportRowError = Static<typeof ImportRowError>;

export const importJobStatuses = ['validating', 'importing', 'succeeded', 'failed'] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];

/** Progress and report of an import, as GET …/imports/{jobId} answers it. */
export const ImportJob = Type.Object({
  id: Uuid,
  kind: Type.String(),
  fileName: Type.String(),
  status: Type.Enum([...importJobStatuses]),
  totalRows: Type.Integer(),
  processedRows: Type.Integer(),
  createdRows: Type.Integer(),
  updatedRows: Type.Integer(),
  errors: Type.Array(ImportRowError),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
export type ImportJob = Static<typeof ImportJob>;
