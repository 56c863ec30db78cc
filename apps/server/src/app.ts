import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, ErrorBody, type ModuleDeps, type ModuleManifest, rejectNulCharacters } from '@linli/core';
import { pendingMigrations } from '@linli/db';
import ajvFormats from 'ajv-formats';
import Fastify from 'fastify';
import { installErrorHandler } from './error-handler.ts';
import { configureModules, migrationFolders } from './module-registry.ts';
import { modules as defaultModules } from './modules.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';
import { loggerOptions, requestIdOf } from './request-log.ts';
import { webEntryFor } from './web-entry.ts';

export interface BuildAppOptions {
  deps: ModuleDeps;
  modules?: ModuleManifest[];
  logger?: boolean | object;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultWebDist = path.resolve(here, '../../web/dist');

export async function buildApp(options: BuildAppOptions) {
  const { deps } = options;
  const modules = options.modules ?? defaultModules;
  // The abilities and grants in force are those every manifest declares — also when a test mounts the
  // routes of a few modules only (a role's grants do not depend on which routes are served).
  configureModules([...new Set([...defaultModules, ...modules])]);
  const app = Fastify({
    logger: loggerOptions(options.logger),
    // An incoming X-Request-Id is kept when it is short and plain; otherwise the request gets a new one.
    requestIdHeader: false,
    genReqId: requestIdOf,
    trustProxy: process.env.TRUST_PROXY === 'true',
    bodyLimit: 2 * 1024 * 1024,
    ajv: {
      customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false, useDefaults: true },
      plugins: [ajvFormats.default ?? ajvFormats],
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorateRequest('ctx', null);
  installErrorHandler(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // PostgreSQL text cannot hold NUL: refused in every query, path and body before any handler runs.
  app.addHook('preValidation', async (request) => rejectNulCharacters(request));

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design writes its styles at run time (CSS-in-JS); scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: deps.config.secureCookies,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 10 } });
  // On PostgreSQL the windows live in the database, so several server processes share every limit
  // (per address, login per address, login per user name); embedded PGlite is one process and
  // counts in memory. RATE_LIMIT_STORE=memory keeps a single PostgreSQL process in memory.
  const sharedLimits = deps.database.driver === 'postgres' && deps.config.rateLimit.store !== 'memory';
  await app.register(rateLimit, {
    global: true,
    ...(sharedLimits ? { store: databaseRateLimitStore(deps.database, app.log) } : {}),
    max: deps.config.rateLimit.apiPerMinute,
    timeWindow: '1 minute',
    // The routed path, not the raw URL: /%61pi/v1/auth/login reaches the login route and is limited
    // like /api/v1/auth/login.
    allowList: (req) => !(req.routeOptions.url ?? '').startsWith('/api/'),
    errorResponseBuilder: (_req, ctx) => {
      const retryAfterSeconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
      return new AppError('rate_limited', `Too many requests; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
    },
  });
  app.addSchema(ErrorBody);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Linli 邻里 API',
        version: '1.0.0',
        description: 'Community co-governance platform: organisation, governance and service networks.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'linli_session' } } },
      security: [{ session: [] }],
    },
    // Shared schemas appear under their own name (components/schemas/ErrorBody), not def-0.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      const pending = await pendingMigrations(deps.database, migrationFolders(modules));
      if (pending > 0) return reply.status(503).send({ status: 'migrating', pendingMigrations: pending });
      return { status: 'ready', driver: deps.database.driver };
    } catch (err) {
      return reply.status(503).send({ status: 'database unreachable', message: (err as Error).message });
    }
  });

  const moduleDeps: ModuleDeps = { ...deps, modules };
  for (const mod of modules) await mod.setup?.(app, moduleDeps);
  for (const mod of modules) {
    if (mod.routes) await app.register(async (scoped) => mod.routes?.(scoped, moduleDeps), { prefix: '/api/v1' });
    if (mod.rootRoutes) await app.register(async (scoped) => mod.rootRoutes?.(scoped, moduleDeps));
  }

  const webDist = deps.config.webDist ?? defaultWebDist;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  const hasResidentEntry = fs.existsSync(path.join(webDist, 'm.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz copies beside each text asset; the one the browser accepts is sent.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        // Files under assets/ carry a content hash in their name: they never change, so browsers keep
        // them for a year. index.html and the rest are checked again on every load.
        const hashed = filePath.startsWith(path.join(webDist, 'assets') + path.sep);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url;
    if (!hasWeb || url.startsWith('/api/') || url.startsWith('/open311/') || request.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${url.split('?')[0]}` } });
    }
    // The web app routes on the client: every other GET gets its HTML entry — m.html (resident pages) or
    // index.html (staff app); a build without m.html serves index.html for all.
    const entry = webEntryFor(url);
    return reply.type('text/html').sendFile(entry === 'm.html' && !hasResidentEntry ? 'index.html' : entry);
  });

  return app;
}

export type LinliApp = Awaited<ReturnType<typeof buildApp>>;
