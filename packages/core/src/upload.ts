import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';

/** An uploaded file: its name as the client gave it ('upload' when none) and its bytes. */
export interface UploadedFile {
  name: string;
  data: Buffer;
}

/** The parts @fastify/multipart (registered by the server) yields; declared here so core does not depend on it. */
type MultipartPart =
  | { type: 'file'; fieldname: string; filename: string; toBuffer(): Promise<Buffer> }
  | { type: 'field'; fieldname: string; value: unknown };

interface MultipartRequest {
  isMultipart(): boolean;
  parts(): AsyncIterable<MultipartPart>;
}

/**
 * The file of the form field `file` (the first one, when several are sent) and the text fields of
 * a multipart/form-data request; 400 when the request is not multipart, when the body is not
 * well-formed multipart (no boundary, cut short, broken part headers) and when a field name, field
 * value or file name holds a NUL character. Every file part is read, so a file over the server's
 * size limit fails with 413 whatever its field.
 */
export async function readMultipart(
  request: FastifyRequest,
  options: { defaultName?: string } = {},
): Promise<{ file?: UploadedFile; fields: Record<string, string> }> {
  const multipart = request as unknown as MultipartRequest;
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  if (!multipart.isMultipart()) throw AppError.invalid([{ field: 'file', reason: 'send the file as multipart/form-data' }]);
  try {
    for await (const part of multipart.parts()) {
      if (part.fieldname.includes('\u0000')) throw nul('file');
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.filename?.includes('\u0000')) throw nul(part.fieldname);
        if (part.fieldname === 'file' && !file) file = { name: part.filename || (options.defaultName ?? 'upload'), data };
      } else {
        const value = String(part.value ?? '');
        if (value.includes('\u0000')) throw nul(part.fieldname);
        fields[part.fieldname] = value;
      }
    }
  } catch (err) {
    throw multipartError(err);
  }
  return { file, fields };
}

const nul = (field: string) => AppError.invalid([{ field, reason: 'contains a NUL character' }]);

/**
 * An error met while reading a multipart body, as the client's fault: our own errors and the
 * multipart plugin's 4xx (413 for a file or part over the limits) stand; what the parser throws
 * about the body itself (busboy: "Unexpected end of form", "Malformed part header", "Multipart:
 * Boundary not found" …) is a 400.
 */
export function multipartError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const status = (err as { statusCode?: number } | null)?.statusCode;
  if (status && status >= 400 && status < 500) return err;
  return AppError.invalid([{ field: 'file', reason: 'is not a well-formed multipart/form-data body' }]);
}

/**
 * An uploaded file's type by its first bytes (never by the client's name or header): JPEG, PNG, WebP
 * or, when `pdf` is allowed, PDF; undefined for anything else.
 */
export function fileTypeOf(bytes: Uint8Array, allow: { pdf?: boolean } = {}): { mime: string; ext: string } | undefined {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png' };
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return { mime: 'image/webp', ext: 'webp' };
  if (allow.pdf && starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: 'application/pdf', ext: 'pdf' };
  return undefined;
}
