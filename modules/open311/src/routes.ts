import { AppError, type ErrorDetail, fromDatabaseError, isAppError, isUuid, type ModuleDeps, runWrite } from '@linli/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { apiKeyHash } from './commands/create-client.ts';
import { serviceRequestIdempotency, submitServiceRequest } from './commands/submit-service-request.ts';
import { MAX_RANGE_DAYS, MAX_RESULTS, type Open311Error, type Open311Status, type ServiceRequestInput } from './contract.ts';
import { type Open311ClientRecord, Open311Repository } from './open311.repository.ts';
import { presentDefinition, presentRequest, presentService, presentUpdate, statusesOf } from './present.ts';
import { toXmlDocument } from './xml.ts';

export const OPEN311_PREFIX = '/open311/v2';
const formats = ['json', 'xml'] as const;
type Format = (typeof formats)[number];

const REQUEST_ID = /^\d{4}-\d{6,9}$/;
const SERVICE_CODE = /^[a-z][a-z0-9_]{0,39}$/;
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_MS = 86_400_000;
const MAX_PARAM = 10_000;
/** When this implementation last changed in a way clients should know (discovery `changeset`). */
const CHANGESET = '2026-11-28T00:00:00+08:00';

/** The format of a request: the extension of the last path segment (json when there is none). */
function formatOf(url: string): Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : 'json';
}

function send(reply: FastifyReply, format: Format, root: string, content: unknown[] | Record<string, unknown>, status = 200) {
  reply.status(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXmlDocument(root, content));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(content));
}

/** The spec's error body: a list of { code, description }, one per problem, with the HTTP status as code. */
function errorsOf(error: unknown): { status: number; errors: Open311Error[] } {
  let appError: AppError | undefined;
  if (isAppError(error)) appError = error;
  else if (error && typeof error === 'object' && 'validation' in error && (error as FastifyError).validation) {
    const issues = (error as FastifyError).validation ?? [];
    appError = AppError.invalid(
      issues.map((i) => ({
        field: String(i.instancePath || i.params?.missingProperty || 'request').replace(/^\//, ''),
        reason: i.message ?? 'is not valid',
      })),
    );
  } else {
    appError = fromDatabaseError(error);
    const status = (error as FastifyError | undefined)?.statusCode;
    if (!appError && status && status >= 400 && status < 500) appError = new AppError('invalid_input', (error as Error).message);
    if (appError && status && status >= 400 && status < 500) return { status, errors: [{ code: status, description: appError.message }] };
  }
  if (!appError) return { status: 500, errors: [{ code: 500, description: 'An internal error occurred; it has been logged' }] };
  const status = appError.status;
  const details = Array.isArray(appError.details) ? (appError.details as ErrorDetail[]) : [];
  if (details.length === 0) return { status, errors: [{ code: status, description: appError.message }] };
  return {
    status,
    errors: details.map((d) => ({ code: status, description: d.field ? `${d.field}: ${d.reason}` : d.reason })),
  };
}

const invalid = (field: string, reason: string) => AppError.invalid([{ field, reason }], `${field}: ${reason}`);

function parseDate(value: string | undefined, field: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  // Without a zone the time is China Standard Time, as every time this API writes.
  const zoned = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : value.includes('T') ? `${value}+08:00` : `${value}T00:00:00+08:00`;
  const at = W3C_DATETIME.test(value) ? new Date(zoned) : undefined;
  if (!at || Number.isNaN(at.getTime())) throw invalid(field, 'is not a W3C date and time, e.g. 2026-05-01T00:00:00+08:00');
  return at;
}

/** start_date / end_date: at most 90 days apart; the most recent 90 days by default. */
export function dateRange(q: { start_date?: string; end_date?: string }, now = new Date()): { from: Date; to: Date } {
  const start = parseDate(q.start_date, 'start_date');
  const end = parseDate(q.end_date, 'end_date');
  const to =
    end ?? (start ? new Date(Math.min(start.getTime() + MAX_RANGE_DAYS * DAY_MS, now.getTime() + 1000)) : new Date(now.getTime() + 1000));
  const from = start ?? new Date(to.getTime() - MAX_RANGE_DAYS * DAY_MS);
  if (to.getTime() < from.getTime()) throw invalid('end_date', 'is before start_date');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
    throw invalid('end_date', `the range may not span more than ${MAX_RANGE_DAYS} days`);
  return { from, to };
}

/** Any parameter: bounded, and without NUL (PostgreSQL text cannot hold it). */
function checkText(field: string, value: string): void {
  if (value.length > MAX_PARAM) throw invalid(field.slice(0, 60), `is longer than ${MAX_PARAM} characters`);
  if (value.includes('\u0000')) throw invalid(field.slice(0, 60), 'contains a NUL character');
}

/** A comma-separated parameter as a list (the spec's way of repeating one). */
function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function splitFile(file: string): { id: string; format: Format } {
  const dot = file.lastIndexOf('.');
  const ext = dot > 0 ? file.slice(dot + 1) : '';
  if (!(formats as readonly string[]).includes(ext))
    throw new AppError('not_found', `Unknown format ${ext.slice(0, 10) || '(none)'}: use .json or .xml`);
  return { id: file.slice(0, dot), format: ext as Format };
}

/** Form fields of POST requests: the spec's names, and attribute[CODE] (or attribute[CODE][]) apart. */
export function serviceRequestInput(body: unknown): ServiceRequestInput & { api_key?: string } {
  const input: ServiceRequestInput & { api_key?: string } = { attributes: {} };
  const named = input as unknown as Record<string, unknown>;
  const fields = new Set([
    'api_key',
    'jurisdiction_id',
    'service_code',
    'lat',
    'long',
    'address_string',
    'address_id',
    'email',
    'device_id',
    'account_id',
    'first_name',
    'last_name',
    'phone',
    'description',
    'media_url',
  ]);
  const add = (key: string, raw: unknown) => {
    if (raw === null || raw === undefined) return;
    if (Array.isArray(raw)) {
      for (const v of raw) add(key, v);
      return;
    }
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') throw invalid(key, 'must be a string');
    const value = String(raw);
    checkText(key, value);
    const attribute = /^attribute\[([^\]]{1,60})\](\[\])?$/.exec(key);
    if (attribute) {
      const code = attribute[1] as string;
      input.attributes[code] = [...(input.attributes[code] ?? []), value];
    } else if (fields.has(key) && named[key] === undefined) {
      named[key] = value;
    }
  };
  if (body instanceof URLSearchParams) {
    for (const [key, value] of body) add(key, value);
  } else if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [key, value] of Object.entries(body)) {
      if (key === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [code, v] of Object.entries(value)) add(`attribute[${code}]`, v);
      } else add(key, value);
    }
  } else if (body !== undefined && body !== null && body !== '') {
    throw invalid('body', 'send form fields (application/x-www-form-urlencoded) or a JSON object');
  }
  return input;
}

const keyOf = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Open311 GeoReport v2 under /open311/v2, outside the session API: JSON or XML by extension, the
 * spec's error bodies, api_key per client for POST. Reads need no key; they name the county by
 * jurisdiction_id (or it is the only one serving Open311) and never show the reporter.
 */
export async function open311Routes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const { db, cipher } = deps;
  await root.register(
    async (app) => {
      app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
        done(null, new URLSearchParams(body as string));
      });
      app.setErrorHandler((error, request, reply) => {
        const { status, errors } = errorsOf(error);
        if (status >= 500) request.log.error({ err: error }, 'unhandled error');
        if (status === 429) {
          const retry = ((error as AppError).details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
          if (retry) reply.header('retry-after', String(retry));
        }
        return send(reply, formatOf(request.url), 'errors', errors, status);
      });
      app.setNotFoundHandler((request, reply) =>
        send(
          reply,
          formatOf(request.url),
          'errors',
          [{ code: 404, description: `No Open311 method ${request.method} ${request.url.split('?')[0]}` }],
          404,
        ),
      );

      // The app-wide limit skips paths outside /api/: one limiter (same rate, one counter per client
      // address) for every Open311 call, including unknown paths under the prefix.
      const limiter = (app as unknown as { rateLimit?: (options: object) => onRequestHookHandler }).rateLimit;
      if (limiter) app.addHook('onRequest', limiter({ allowList: () => false }));
      const schema = { hide: true };
      const repo = new Open311Repository(db);

      /** The county a call is about, and the client when an api_key is sent (required to write). */
      async function jurisdiction(
        q: { api_key?: unknown; jurisdiction_id?: unknown },
        action: string,
        requireKey: boolean,
      ): Promise<{ tenantId: string; client?: Open311ClientRecord }> {
        const apiKey = keyOf(q.api_key);
        const jurisdictionId = keyOf(q.jurisdiction_id);
        if (apiKey) {
          const client = apiKey.length <= 200 ? await repo.findClientByKeyHash(apiKeyHash(apiKey)) : undefined;
          if (!client) throw AppError.forbidden(`Invalid api_key received -- can't proceed with ${action}.`);
          if (jurisdictionId && jurisdictionId !== client.jurisdictionId) {
            throw AppError.forbidden(`The api_key is not valid for jurisdiction_id ${jurisdictionId.slice(0, 100)}.`);
          }
          return { tenantId: client.tenantId, client };
        }
        if (requireKey) throw AppError.forbidden(`No api_key received -- can't proceed with ${action}.`);
        const tenants = await repo.servingTenants(jurisdictionId);
        if (tenants.length === 0) {
          throw AppError.notFound(jurisdictionId ? `jurisdiction_id ${jurisdictionId.slice(0, 100)}` : 'A jurisdiction serving Open311');
        }
        if (tenants.length > 1) throw invalid('jurisdiction_id', jurisdictionId ? 'names more than one county' : 'is required');
        return { tenantId: tenants[0] as string };
      }

      type Query = Record<string, string | undefined>;
      const query = (request: FastifyRequest): Query => {
        const q = request.query as Record<string, unknown>;
        const out: Query = {};
        for (const [k, v] of Object.entries(q ?? {})) {
          const value = Array.isArray(v) ? v[0] : v;
          if (typeof value === 'string') {
            checkText(k, value);
            out[k] = value;
          }
        }
        return out;
      };

      for (const format of formats) {
        app.get(`/discovery.${format}`, { schema }, async (request, reply) => {
          const url = `${request.protocol}://${request.host}${OPEN311_PREFIX}`;
          return send(reply, format, 'discovery', {
            changeset: CHANGESET,
            contact: 'The platform administrator of your county (系统管理员)',
            key_service: 'Ask the county platform administrator for an api_key',
            endpoints: [
              {
                specification: 'http://wiki.open311.org/GeoReport_v2',
                url,
                changeset: CHANGESET,
                type: 'production',
                formats: ['text/xml', 'application/json'],
              },
            ],
          });
        });

        app.get(`/services.${format}`, { schema }, async (request, reply) => {
          const { tenantId } = await jurisdiction(query(request), 'services', false);
          const services = await repo.services(tenantId);
          return send(reply, format, 'services', services.map(presentService));
        });

        app.post(`/requests.${format}`, { schema }, async (request, reply) => {
          const input = serviceRequestInput(request.body);
          const { client } = await jurisdiction(input, 'create_request', true);
          const idempotencyKey = keyOf(request.headers['idempotency-key']);
          if (idempotencyKey && !/^[A-Za-z0-9_.:-]{8,150}$/.test(idempotencyKey)) {
            throw invalid('Idempotency-Key', 'must be 8 to 150 letters, digits or _.:-');
          }
          const { api_key: _key, ...fields } = input;
          const by = client as Open311ClientRecord;
          const { body } = await runWrite(db, { idempotency: serviceRequestIdempotency(by, idempotencyKey, fields), status: 201 }, (tx) =>
            submitServiceRequest(tx, cipher, by, fields, { clientIp: request.ip ?? null }),
          );
          return send(reply, format, 'service_requests', [body], 201);
        });

        app.get(`/requests.${format}`, { schema }, async (request, reply) => {
          const q = query(request);
          const { tenantId, client } = await jurisdiction(q, 'requests', false);
          const ids = list(q.service_request_id);
          if (ids.length > 0) {
            if (ids.length > 100) throw invalid('service_request_id', 'at most 100 ids at once');
            // A malformed id names no request: not found, like an unknown one (reference clients expect 404).
            const bad = ids.find((id) => !REQUEST_ID.test(id));
            if (bad) throw AppError.notFound(`service_request_id ${bad.slice(0, 40)}`);
            const found = await repo.requestsByNumber(tenantId, ids, client?.id);
            return send(reply, format, 'service_requests', found.map(presentRequest));
          }
          const codes = list(q.service_code);
          const badCode = codes.find((c) => !SERVICE_CODE.test(c));
          if (badCode) throw invalid('service_code', `${badCode.slice(0, 40)} is not a service code`);
          if (codes.length > 0) {
            const unknown = await repo.unknownServiceCodes(tenantId, codes);
            if (unknown.length > 0) throw invalid('service_code', `${unknown.join(', ')} is not a service of this jurisdiction`);
          }
          const statuses = list(q.status);
          const badStatus = statuses.find((s) => s !== 'open' && s !== 'closed');
          if (badStatus) throw invalid('status', `${badStatus.slice(0, 40)} is not open or closed`);
          const { from, to } = dateRange(q);
          const found = await repo.requests(tenantId, {
            from,
            to,
            serviceCodes: codes,
            statuses: statuses.length > 0 ? statuses.flatMap((s) => statusesOf(s as Open311Status)) : undefined,
            limit: MAX_RESULTS,
            clientId: client?.id,
          });
          return send(reply, format, 'service_requests', found.map(presentRequest));
        });

        app.get(`/servicerequestupdates.${format}`, { schema }, async (request, reply) => {
          const q = query(request);
          const { tenantId, client } = await jurisdiction(q, 'servicerequestupdates', false);
          const { from, to } = dateRange(q);
          const updates = await repo.updates(tenantId, { from, to, limit: MAX_RESULTS, clientId: client?.id });
          return send(reply, format, 'service_request_updates', updates.map(presentUpdate));
        });
      }

      app.get('/services/:file', { schema }, async (request, reply) => {
        const { id: code, format } = splitFile((request.params as { file: string }).file);
        const { tenantId } = await jurisdiction(query(request), 'service definition', false);
        const service = SERVICE_CODE.test(code) ? await repo.serviceByCode(tenantId, code) : undefined;
        if (!service) throw AppError.notFound(`service_code ${code.slice(0, 40)}`);
        return send(reply, format, 'service_definition', { ...presentDefinition(service) });
      });

      app.get('/requests/:file', { schema }, async (request, reply) => {
        const { id, format } = splitFile((request.params as { file: string }).file);
        const { tenantId, client } = await jurisdiction(query(request), 'requests', false);
        // Malformed, unknown, or not public (and not this client's own): all the same 404.
        if (!REQUEST_ID.test(id)) throw AppError.notFound(`service_request_id ${id.slice(0, 40)}`);
        const [found] = await repo.requestsByNumber(tenantId, [id], client?.id);
        if (!found) throw AppError.notFound(`service_request_id ${id}`);
        return send(reply, format, 'service_requests', [presentRequest(found)]);
      });

      app.get('/tokens/:file', { schema }, async (request, reply) => {
        const { id: token, format } = splitFile((request.params as { file: string }).file);
        const { tenantId } = await jurisdiction(query(request), 'tokens', false);
        if (!isUuid(token)) throw AppError.notFound(`token ${token.slice(0, 40)}`);
        const number = await repo.numberOfToken(tenantId, token);
        if (!number) throw AppError.notFound(`token ${token}`);
        return send(reply, format, 'service_requests', [{ service_request_id: number, token }]);
      });
    },
    { prefix: OPEN311_PREFIX },
  );
}
