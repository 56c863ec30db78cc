import { type Db, type Tx, transaction } from '@linli/db';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { AppError } from './app-error.ts';
import type { RequestContext } from './context.ts';
import { IdempotencyRepository, requestHash } from './idempotency.repository.ts';

/** A retried write with the same Idempotency-Key gets the first answer instead of a second change. */
export interface Idempotency {
  /** The request's Idempotency-Key header; without one the write simply runs. */
  key: string | undefined;
  tenantId: string;
  /** Whose key it is: a key is never replayed to another account (refused like another request). */
  accountId: string;
  /** What the key stands for (the body): the same key with another request is refused with 422. */
  request: unknown;
}

export interface WriteOptions {
  /** Idempotency-Key replay (see {@link idempotencyOf}). */
  idempotency?: Idempotency;
  /** The status of the first answer, stored with it and replayed. Default 200. */
  status?: number;
}

/**
 * The write takes the database handle and keeps its own statements atomic: its change is ONE
 * statement (atomic by itself, no BEGIN/COMMIT round trips), and where it needs more it opens a
 * transaction with `transaction(db, …)`, which joins one already open. `runWrite` then opens a
 * transaction only for an Idempotency-Key claim. For demand intake, the hottest write.
 */
export interface AutocommitWrite extends WriteOptions {
  autocommit: true;
}

/** What a write answered, and whether it is the stored answer of an earlier request with the same key. */
export interface Written<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * The one way a route writes: opens the transaction, hands it to the command (`fn`), commits when
 * `fn` returns and rolls back when it throws. With an Idempotency-Key (`options.idempotency`) the key
 * is claimed in that transaction before the command runs and its answer stored before commit: a
 * retry gets the first answer (`replayed`), the same key with another body or from another account
 * is refused with 422, and a failed write leaves no claim behind.
 *
 * ```ts
 * return runWrite(db, (tx) => createGrid(tx, ctx, request.body));
 * return sendWritten(reply, await runWrite(db, { idempotency: idempotencyOf(ctx, key, request.body), status: 201 }, (tx) => …));
 * ```
 */
export function runWrite<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T>;
export function runWrite<T>(db: Db, options: AutocommitWrite, fn: (db: Db) => Promise<T>): Promise<Written<T>>;
export function runWrite<T>(db: Db, options: WriteOptions, fn: (tx: Tx) => Promise<T>): Promise<Written<T>>;
export async function runWrite<T>(
  db: Db,
  optionsOrFn: WriteOptions | AutocommitWrite | ((tx: Tx) => Promise<T>),
  maybeFn?: (tx: Tx) => Promise<T>,
): Promise<T | Written<T>> {
  if (typeof optionsOrFn === 'function') return transaction(db, optionsOrFn);
  const options = optionsOrFn;
  const fn = maybeFn as (tx: Tx) => Promise<T>;
  const status = options.status ?? 200;
  const idem = options.idempotency;
  if (!idem?.key) {
    const body = 'autocommit' in options && options.autocommit ? await (fn as (db: Db) => Promise<T>)(db) : await transaction(db, fn);
    return { status, body, replayed: false };
  }
  const key = idem.key;
  return transaction(db, async (tx) => {
    const keys = new IdempotencyRepository(tx);
    const claim = await keys.claim(idem.tenantId, key, idem.accountId, requestHash(idem.request));
    if (claim.kind === 'replay') return { status: claim.status, body: claim.body as T, replayed: true };
    if (claim.kind === 'mismatch') {
      throw new AppError('unprocessable', 'This Idempotency-Key was already used for another request', [
        { field: 'Idempotency-Key', reason: 'was used for a different request' },
      ]);
    }
    const body = await fn(tx);
    await keys.complete(idem.tenantId, key, status, body);
    return { status, body, replayed: false };
  });
}

/** The idempotency of a request made by the signed-in actor. */
export function idempotencyOf(ctx: RequestContext, key: string | undefined, request: unknown): Idempotency {
  return { key, tenantId: ctx.actor.tenantId, accountId: ctx.actor.accountId, request };
}

/** Sends what a write answered, saying whether it was replayed (`Idempotent-Replayed: true|false`). */
export function sendWritten<T>(reply: FastifyReply, written: Written<T>): FastifyReply {
  return reply.status(written.status).header('idempotent-replayed', String(written.replayed)).send(written.body);
}

/** The Idempotency-Key request header of a write that can be retried safely. */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 200,
      pattern: '^[A-Za-z0-9_.:-]+$',
      description: 'a retried POST with the same key returns the first response',
    }),
  ),
});
