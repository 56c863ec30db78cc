import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, attachmentHeader, errorResponses, type ModuleDeps, Uuid } from '@linli/core';
import { one } from '@linli/db';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { PublicNotices } from './contract.ts';
import { resolutionsNouns } from './errors.ts';
import { publicEntries, publishedNoticePdf } from './notice-pdf.ts';
import { SupervisionRepository } from './supervision.repository.ts';

const tags = ['resolutions'];
const TenantId = Type.String({ pattern: '^[0-9]{6}$', description: 'the county’s division code' });
const PlaceParams = Type.Object({ tenantId: TenantId, nodeId: Uuid });
const NoticeParams = Type.Object({ tenantId: TenantId, id: Uuid });

/**
 * The public page of a place's notices (一事一月一评一公示), open without sign-in like the notice board
 * it mirrors (a station's public page links here): the notices of the place and of the places above
 * it, each resolution's progress and evaluation, the objection period, and the printable notice.
 * Nobody's name or number: who evaluated or objected is not shown, and phone or ID numbers typed
 * into a title or comment are masked. Objections are made on the resident's phone, signed in.
 */
export async function publicNoticeRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get(
    '/public/tenants/:tenantId/places/:nodeId/resolution-notices',
    {
      schema: {
        operationId: 'getPublicResolutionNotices',
        summary: 'Published notices of a place and the places above it, newest first (no sign-in, no personal data)',
        tags,
        params: PlaceParams,
        response: { 200: PublicNotices, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { tenantId, nodeId } = request.params;
      const place = await one<{ name: string; path: string }>(
        db,
        sql`SELECT n.name, n.path::text AS path FROM ${territorySql.nodes('n')}
            WHERE n.tenant_id = ${tenantId} AND n.id = ${nodeId}::uuid AND n.kind IN ('compound', 'community', 'subdistrict')`,
      );
      if (!place) throw AppError.notFound(resolutionsNouns.place, nodeId);
      const notices = await new SupervisionRepository(db).publications(tenantId, sql`n.path @> ${place.path}::ltree`);
      reply.header('cache-control', 'public, max-age=60');
      return {
        placeName: place.name,
        items: notices.slice(0, 12).map((n) => ({
          ...n,
          entries: publicEntries(n.entries),
          pdfUrl: `/api/v1/public/tenants/${tenantId}/resolution-notices/${n.id}/notice.pdf`,
        })),
      };
    },
  );

  app.get(
    '/public/tenants/:tenantId/resolution-notices/:id/notice.pdf',
    {
      schema: {
        operationId: 'downloadPublicResolutionNotice',
        summary: 'The printable A4 notice of a published month, as posted on the notice board (no sign-in)',
        tags,
        params: NoticeParams,
        response: { 200: { type: 'string', format: 'binary' }, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { tenantId, id } = request.params;
      const repo = new SupervisionRepository(db);
      const notice = await repo.publication(tenantId, id, sql`true`);
      if (!notice) throw AppError.notFound(resolutionsNouns.publication, id);
      const pdf = await publishedNoticePdf(repo, tenantId, notice);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachmentHeader(`${notice.nodeName}${notice.month}公示.pdf`, `notice-${notice.month}.pdf`))
        .header('cache-control', 'public, max-age=300')
        .send(Buffer.from(pdf));
    },
  );
}
