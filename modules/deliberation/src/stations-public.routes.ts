import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, createFileStore, errorResponses, type FileStore, type ModuleDeps, Uuid } from '@linli/core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { StationRepository } from './station.repository.ts';
import { PublicStation } from './station-contract.ts';
import { stationNouns } from './station-errors.ts';

const tags = ['deliberation'];
const TenantId = Type.String({ pattern: '^[0-9]{6}$', description: 'the county’s division code' });
const StationParams = Type.Object({ tenantId: TenantId, id: Uuid });
const PhotoParams = Type.Object({ tenantId: TenantId, id: Uuid, photoId: Uuid });

/**
 * A station's public page (the one its QR code leads to): open without sign-in, like the rules
 * posted on the station's wall. Name, place, room, schedule, the rules in force and the photos;
 * nobody's name or number.
 */
export async function publicStationRoutes(fastify: FastifyInstance, deps: ModuleDeps & { files?: FileStore }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  const files = deps.files ?? createFileStore(deps.config);

  app.get(
    '/public/tenants/:tenantId/deliberation-stations/:id',
    {
      schema: {
        operationId: 'getPublicDeliberationStation',
        summary: 'Public page of a deliberation station: place, schedule, rules in force and photos, no personal data (no sign-in)',
        tags,
        params: StationParams,
        response: { 200: PublicStation, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await new StationRepository(db).publicStation(request.params.tenantId, request.params.id);
      if (!found) throw AppError.notFound(stationNouns.station, request.params.id);
      reply.header('cache-control', 'public, max-age=60');
      return found;
    },
  );

  app.get(
    '/public/tenants/:tenantId/deliberation-stations/:id/photos/:photoId',
    {
      schema: {
        operationId: 'getPublicDeliberationStationPhoto',
        summary: 'A photo of a station in use, for its public page (no sign-in)',
        tags,
        params: PhotoParams,
        response: { 200: { type: 'string', format: 'binary' }, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { tenantId, id, photoId } = request.params;
      const photo = await new StationRepository(db).publicPhoto(tenantId, id, photoId);
      const bytes = photo && (await files.get(photo.storageKey));
      if (!photo || !bytes) throw AppError.notFound(stationNouns.photo, photoId);
      return reply
        .header('content-type', photo.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'public, max-age=3600')
        .send(bytes);
    },
  );
}
