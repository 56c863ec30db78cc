import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  attachmentHeader,
  createFileStore,
  errorResponses,
  type FileStore,
  type ModuleDeps,
  readMultipart,
  requireContext,
  runWrite,
} from '@linli/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AttachmentRepository } from './attachment.repository.ts';
import { uploadAttachment } from './commands/upload-attachment.ts';
import { Attachment, IdParams } from './contract.ts';
import { demandNouns } from './errors.ts';

const tags = ['demands'];
const errors = errorResponses(400, 403, 404, 413, 429);

/** The one file part named `file`; other parts are drained and ignored. */
async function readFile(request: FastifyRequest): Promise<{ name: string; data: Buffer }> {
  const { file } = await readMultipart(request, { defaultName: '' });
  if (!file) throw AppError.invalid([{ field: 'file', reason: 'is required' }]);
  return file;
}

/** Photos and files of demands: upload before submitting or resolving, then download where the demand is visible. */
export async function attachmentRoutes(fastify: FastifyInstance, deps: ModuleDeps & { files?: FileStore }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  const files = deps.files ?? createFileStore(deps.config);

  app.post(
    '/demand-attachments',
    {
      schema: {
        operationId: 'uploadDemandAttachment',
        tags,
        summary:
          'Upload a photo or file (multipart field `file`: jpg, png, webp, heic ≤ 10 MB; pdf, docx, xlsx ≤ 20 MB), then pass its id as attachmentIds',
        consumes: ['multipart/form-data'],
        response: { 201: Attachment, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const file = await readFile(request);
      const record = await runWrite(db, (tx) => uploadAttachment(tx, files, ctx, { fileName: file.name, bytes: file.data }));
      const { demandId: _d, storageKey: _k, uploadedBy: _u, ...attachment } = record;
      return reply.code(201).send(attachment);
    },
  );

  app.get(
    '/demand-attachments/:id',
    {
      schema: {
        operationId: 'getDemandAttachment',
        tags,
        summary: 'Download a photo or file of a demand the caller can see (always as an attachment, never rendered as a page)',
        params: IdParams,
        response: { 200: { type: 'string', format: 'binary' }, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const record = await new AttachmentRepository(db).findVisible(ctx.actor.tenantId, request.params.id, ctx.actor);
      if (!record) throw AppError.notFound(demandNouns.attachment, request.params.id);
      const bytes = await files.get(record.storageKey);
      if (!bytes) throw AppError.notFound(demandNouns.attachmentFile, request.params.id);
      return reply
        .header('content-type', record.contentType)
        .header('content-disposition', attachmentHeader(record.fileName, `attachment-${record.id}`))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .send(bytes);
    },
  );
}
