import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  createFileStore,
  cursorPage,
  errorResponses,
  type FileStore,
  type ModuleDeps,
  readMultipart,
  requireAbility,
  requireContext,
  runWrite,
  sendXlsx,
  toXlsx,
} from '@linli/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { Type } from 'typebox';
import { addStationPhoto } from './commands/add-station-photo.ts';
import { createStation } from './commands/create-station.ts';
import { publishStationRules } from './commands/publish-station-rules.ts';
import { removeStationPhoto } from './commands/remove-station-photo.ts';
import { saveStationKind } from './commands/save-station-kind.ts';
import { setStationSchedule } from './commands/set-station-schedule.ts';
import { updateStation } from './commands/update-station.ts';
import { defaultStationKinds, StationRepository, stationCursorFor } from './station.repository.ts';
import {
  CreateStationBody,
  MyStations,
  PublishStationRulesBody,
  SaveStationKindBody,
  SetStationScheduleBody,
  StationDetail,
  StationExportQuery,
  StationKindList,
  StationListQuery,
  StationMap,
  StationMapQuery,
  StationPage,
  UpdateStationBody,
} from './station-contract.ts';
import { stationNouns } from './station-errors.ts';
import { describeSchedule, type StationScheduleRule } from './station-schedule.ts';

const tags = ['deliberation'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const PhotoParams = Type.Object({ id: Type.String({ format: 'uuid' }), photoId: Type.String({ format: 'uuid' }) });
const Binary = { type: 'string', format: 'binary' } as const;

const levelNames: Record<string, string> = { compound: '小区', community: '社区', street: '街道' };

/** The address of a station's public page (no sign-in) on the server that was asked: what its QR code leads to. */
export function stationPageUrl(request: FastifyRequest, tenantId: string, stationId: string): string {
  return `${request.protocol}://${request.host}/board/stations/${encodeURIComponent(tenantId)}/${stationId}`;
}

/** Deliberation stations for staff (list, map, detail, writes, QR code) and the resident's stations near home. */
export async function stationRoutes(fastify: FastifyInstance, deps: ModuleDeps & { files?: FileStore }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  const files = deps.files ?? createFileStore(deps.config);
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/deliberation/stations',
    {
      schema: {
        operationId: 'listDeliberationStations',
        summary: 'Deliberation stations in scope, filtered by level, kind and place, sorted',
        tags,
        querystring: StationListQuery,
        response: { 200: StationPage, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      return cursorPage(request.query, stationCursorFor(request.query.sort), async (filter, page) => {
        const found = await new StationRepository(db).list(ctx.actor.tenantId, scope, filter, page);
        return { items: found.items.map(({ nodePath: _p, ...s }) => s), next: found.next };
      });
    },
  );

  app.get(
    '/deliberation/stations/export.xlsx',
    {
      schema: {
        operationId: 'exportDeliberationStations',
        summary: 'The deliberation stations with the same filters as Excel',
        tags,
        querystring: StationExportQuery,
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      const { items } = await new StationRepository(db).list(ctx.actor.tenantId, scope, request.query, { limit: 50_000 });
      const file = await toXlsx([
        {
          name: '议事阵地',
          columns: [
            { header: '名称', key: 'name', width: 28 },
            { header: '类型', key: 'kindName', width: 12 },
            { header: '层级', key: 'level', width: 8 },
            { header: '所在位置', key: 'place', width: 40 },
            { header: '场所', key: 'room', width: 24 },
            { header: '面积（㎡）', key: 'areaM2', width: 10 },
            { header: '开放时间', key: 'schedule', width: 24 },
            { header: '议事规则版本', key: 'rulesVersion', width: 12 },
            { header: '照片', key: 'photoCount', width: 8 },
            { header: '启用', key: 'active', width: 8 },
          ],
          rows: items.map((s) => ({
            ...s,
            level: levelNames[s.level] ?? s.level,
            place: s.place.slice(1).join(' / '),
            schedule: s.schedule ? describeSchedule(s.schedule as StationScheduleRule) : '',
            active: s.active ? '是' : '否',
          })),
        },
      ]);
      return sendXlsx(reply, file, '议事阵地.xlsx', 'deliberation-stations.xlsx');
    },
  );

  app.get(
    '/deliberation/stations/map',
    {
      schema: {
        operationId: 'mapDeliberationStations',
        summary: 'The stations in scope that have a map point (lat/lng), and how many have none',
        tags,
        querystring: StationMapQuery,
        response: { 200: StationMap, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      return new StationRepository(db).points(ctx.actor.tenantId, scope, request.query);
    },
  );

  app.get(
    '/deliberation/station-kinds',
    {
      schema: {
        operationId: 'listDeliberationStationKinds',
        summary: "The county's list of station kinds (议事厅, 工作室, 议事亭 …) with how many stations each has",
        tags,
        response: { 200: StationKindList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.read');
      const items = await new StationRepository(db).kinds(ctx.actor.tenantId);
      // A county that has never used the list sees the defaults it starts from with its first station.
      return {
        items: items.length ? items : defaultStationKinds.map((k, i) => ({ ...k, sortOrder: (i + 1) * 10, active: true, stations: 0 })),
      };
    },
  );

  app.put(
    '/deliberation/station-kinds',
    {
      schema: {
        operationId: 'saveDeliberationStationKind',
        summary: 'Add a station kind to the county list, or rename, reorder, hide or show one (county-wide keepers only)',
        tags,
        body: SaveStationKindBody,
        response: { 200: StationKindList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      return { items: await runWrite(db, (tx) => saveStationKind(tx, ctx, request.body)) };
    },
  );

  app.get(
    '/deliberation/my-stations',
    {
      schema: {
        operationId: 'listMyDeliberationStations',
        summary: "The resident's stations: those of their compound, community and street (nothing for a caller without a home)",
        tags,
        response: { 200: MyStations, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const homes = ctx.actor.grants.filter((g) => g.role === 'resident').map((g) => g.path);
      const items = await new StationRepository(db).stationsAbove(ctx.actor.tenantId, homes);
      return { items: items.map((s) => ({ ...s, tenantId: ctx.actor.tenantId })) };
    },
  );

  app.get(
    '/deliberation/stations/:id',
    {
      schema: {
        operationId: 'getDeliberationStation',
        summary: 'One station with its next openings, photos and every version of its posted rules',
        tags,
        params: IdParams,
        response: { 200: StationDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      const found = await new StationRepository(db).detail(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(stationNouns.station, request.params.id);
      return found;
    },
  );

  app.get(
    '/deliberation/stations/:id/qr.svg',
    {
      schema: {
        operationId: 'getDeliberationStationQr',
        summary: "A QR code (SVG) of the station's public page, for its poster",
        tags,
        params: IdParams,
        response: { 200: Binary, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      const found = await new StationRepository(db).findById(ctx.actor.tenantId, request.params.id, scope);
      if (!found) throw AppError.notFound(stationNouns.station, request.params.id);
      const svg = await QRCode.toString(stationPageUrl(request, ctx.actor.tenantId, found.id), {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
      });
      return reply
        .header('content-type', 'image/svg+xml')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header('cache-control', 'private, max-age=3600')
        .send(svg);
    },
  );

  app.post(
    '/deliberation/stations',
    {
      schema: {
        operationId: 'createDeliberationStation',
        summary: 'Set up a station on a compound, community or subdistrict (its level follows the place; audited)',
        tags,
        body: CreateStationBody,
        response: { 201: StationDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      const created = await runWrite(db, (tx) => createStation(tx, ctx, request.body));
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/deliberation/stations/:id',
    {
      schema: {
        operationId: 'updateDeliberationStation',
        summary: "Change a station's name, kind, room, area, map point or whether it is in use (on the version seen)",
        tags,
        params: IdParams,
        body: UpdateStationBody,
        response: { 200: StationDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      return runWrite(db, (tx) => updateStation(tx, ctx, request.params.id, request.body));
    },
  );

  app.put(
    '/deliberation/stations/:id/schedule',
    {
      schema: {
        operationId: 'setDeliberationStationSchedule',
        summary: "Set a station's opening schedule (a weekly or monthly rule, e.g. 周六有约), or clear it",
        tags,
        params: IdParams,
        body: SetStationScheduleBody,
        response: { 200: StationDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      return runWrite(db, (tx) => setStationSchedule(tx, ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/deliberation/stations/:id/rules',
    {
      schema: {
        operationId: 'publishDeliberationStationRules',
        summary: "Post a new version of a station's rules (scope summary, procedure, meeting rules); earlier versions are kept",
        tags,
        params: IdParams,
        body: PublishStationRulesBody,
        response: { 201: StationDetail, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      const detail = await runWrite(db, (tx) => publishStationRules(tx, ctx, request.params.id, request.body));
      return reply.status(201).send(detail);
    },
  );

  app.post(
    '/deliberation/stations/:id/photos',
    {
      schema: {
        operationId: 'addDeliberationStationPhoto',
        summary: 'Add a photo of the room (multipart field `file`: JPEG, PNG or WebP up to 10 MB)',
        tags,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: StationDetail, ...errorResponses(400, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      const { file } = await readMultipart(request, { defaultName: 'photo' });
      if (!file) throw AppError.invalid([{ field: 'file', reason: 'send the photo in the form field `file`' }]);
      const detail = await runWrite(db, (tx) =>
        addStationPhoto(tx, files, ctx, request.params.id, { fileName: file.name, bytes: file.data }),
      );
      return reply.status(201).send(detail);
    },
  );

  app.get(
    '/deliberation/stations/:id/photos/:photoId',
    {
      schema: {
        operationId: 'getDeliberationStationPhoto',
        summary: 'A photo of a station in scope',
        tags,
        params: PhotoParams,
        response: { 200: Binary, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const scope = requireAbility(ctx.actor, 'deliberation.read');
      const stations = new StationRepository(db);
      const station = await stations.findById(ctx.actor.tenantId, request.params.id, scope);
      const photo = station && (await stations.photo(ctx.actor.tenantId, station.id, request.params.photoId));
      const bytes = photo && (await files.get(photo.storageKey));
      if (!photo || !bytes) throw AppError.notFound(stationNouns.photo, request.params.photoId);
      return reply
        .header('content-type', photo.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .send(bytes);
    },
  );

  app.delete(
    '/deliberation/stations/:id/photos/:photoId',
    {
      schema: {
        operationId: 'removeDeliberationStationPhoto',
        summary: 'Take a photo off a station',
        tags,
        params: PhotoParams,
        response: { 200: StationDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'deliberation.write');
      return runWrite(db, (tx) => removeStationPhoto(tx, files, ctx, request.params.id, request.params.photoId));
    },
  );
}
