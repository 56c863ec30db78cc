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
 * a multipart/form-data request; 400 when the request is not multipart. Every file part is read,
 * so a file over the server's size limit fails with 413 whatever its field.
 */
export async function readMultipart(request: FastifyRequest): Promise<{ file?: UploadedFile; fields: Record<string, string> }> {
  const multipart = request as unknown as MultipartRequest;
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  if (!multipart.isMultipart()) throw AppError.invalid([{ field: 'file', reason: 'send the file as multipart/form-data' }]);
  for await (const part of multipart.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.fieldname === 'file' && !file) file = { name: part.filename || 'upload', data };
    } else {
      fields[part.fieldname] = String(part.value ?? '');
    }
  }
  return { file, fields };
}
