import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, errorResponses, type ModuleDeps, requireContext, Uuid } from '@linli/core';
import type { Db } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  CreateOpen311ClientBody,
  Open311ClientItem,
  Open311ClientList,
  Open311ClientWithKey,
  UpdateOpen311ClientBody,
} from './admin.contract.ts';
import { createOpen311Client } from './commands/create-client.ts';
import { rotateOpen311ClientKey } from './commands/rotate-client-key.ts';
import { setOpen311ClientActive } from './commands/set-client-active.ts';
import { open311Nouns } from './errors.ts';
import { Open311Repository } from './open311.repository.ts';
import { requireOpen311Configure } from './system-actor.ts';

const tags = ['demands'];
const errors = errorResponses(400, 401, 403, 404, 409);
const ClientParams = Type.Object({ id: Uuid });

async function clientItem(db: Db, tenantId: string, id: string): Promise<Open311ClientItem> {
  const [client] = await new Open311Repository(db).clients(tenantId, id);
  if (!client) throw AppError.notFound(open311Nouns.client, id);
  return { ...client, createdAt: client.createdAt.toISOString(), lastRequestAt: client.lastRequestAt?.toISOString() ?? null };
}

/**
 * The county's Open311 clients, managed by staff with demand.configure on the county: list,
 * create (the api key is in the answer, once), rotate the key, deactivate and reactivate.
 */
export async function open311AdminRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  app.addHook('preValidation', async (request) => {
    requireContext(request);
  });

  app.get(
    '/open311-clients',
    {
      schema: {
        operationId: 'listOpen311Clients',
        tags,
        summary: 'Open311 clients of the county, by name, with their last request (demand.configure on the county; no keys)',
        response: { 200: Open311ClientList, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      await requireOpen311Configure(db, ctx);
      const list = await new Open311Repository(db).clients(ctx.actor.tenantId);
      return {
        items: list.map((c) => ({ ...c, createdAt: c.createdAt.toISOString(), lastRequestAt: c.lastRequestAt?.toISOString() ?? null })),
      };
    },
  );

  app.post(
    '/open311-clients',
    {
      schema: {
        operationId: 'createOpen311Client',
        tags,
        summary: 'Register an Open311 client; the answer holds its api key, shown this once (demand.configure; audited)',
        body: CreateOpen311ClientBody,
        response: { 201: Open311ClientWithKey, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      const created = await db.transaction(async (tx) => {
        const client = await createOpen311Client(tx, ctx, { name: request.body.name, jurisdictionId: request.body.jurisdictionId });
        return { ...(await clientItem(tx, ctx.actor.tenantId, client.id)), apiKey: client.apiKey };
      });
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/open311-clients/:id/rotate-key',
    {
      schema: {
        operationId: 'rotateOpen311ClientKey',
        tags,
        summary: 'Give a client a new api key, shown this once; the old key stops working (demand.configure; audited)',
        params: ClientParams,
        response: { 200: Open311ClientWithKey, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return db.transaction(async (tx) => {
        const { apiKey } = await rotateOpen311ClientKey(tx, ctx, request.params.id);
        return { ...(await clientItem(tx, ctx.actor.tenantId, request.params.id)), apiKey };
      });
    },
  );

  app.patch(
    '/open311-clients/:id',
    {
      schema: {
        operationId: 'updateOpen311Client',
        tags,
        summary: 'Deactivate or reactivate a client; an inactive client’s key is refused (demand.configure; audited)',
        params: ClientParams,
        body: UpdateOpen311ClientBody,
        response: { 200: Open311ClientItem, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      return db.transaction(async (tx) => {
        await setOpen311ClientActive(tx, ctx, request.params.id, request.body.active);
        return clientItem(tx, ctx.actor.tenantId, request.params.id);
      });
    },
  );
}
