import type { PersonalDataCipher } from '@linli/core';
import type { IntervalJob } from '@linli/core/scheduler';
import { type Db, rows } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Channel } from './channels.ts';
import { runDeliveryLoop } from './delivery-loop.ts';
import { type Audience, callerText, eventRoutes, isDelivered, linkTo, type PayloadRoute, payloadRoutes } from './messages.ts';
import { type DemandTarget, type NewNotification, NotificationRepository, type Recipient } from './notification.repository.ts';
import { backoffMs, DEFAULT_MAX_ATTEMPTS, type SendResult } from './retry.ts';
import { sendCallerTexts } from './send-caller-texts.ts';

export { backoffMs, DEFAULT_MAX_ATTEMPTS, type SendResult };

export interface DispatchOptions {
  /** External channels; their names get a delivery row per notification (and per caller text, for channels that can text). */
  channels?: Channel[];
  /** Events (or deliveries) claimed per transaction. */
  batch?: number;
  /** Attempts before an event or delivery is parked as dead. */
  maxAttempts?: number;
  /** The dispatcher's clock (tests move it forward to reach a retry). */
  now?: Date;
}

export interface DispatchResult {
  events: number;
  notifications: number;
  /** Texts to phone-only callers queued. */
  texts: number;
  failed: number;
  dead: number;
}

/**
 * Events per transaction. Small, because in embedded mode a transaction holds PGlite's only
 * connection: 25 events take 0.06–0.15 s there (measured 177–400 events/s), so requests wait little.
 */
export const DEFAULT_BATCH = 25;

interface OutboxRow {
  tenant_id: string;
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown> | string;
  attempts: number;
}

/**
 * Delivers one batch of outbox events. The batch is claimed with FOR UPDATE SKIP LOCKED, so
 * several processes share the work without taking the same event. Each event is handled in a
 * savepoint: its notifications (one per recipient; the unique key makes a repeat a no-op) and
 * channel deliveries are written, then published_at is set. An event that fails is rolled back
 * alone, retried later with backoff, and parked with dead_at after `maxAttempts` — never deleted.
 */
export async function dispatchOutbox(db: Db, options: DispatchOptions = {}): Promise<DispatchResult> {
  const now = options.now ?? new Date();
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const channelNames = (options.channels ?? []).map((c) => c.name);
  const textChannels = (options.channels ?? []).filter((c) => c.sendText).map((c) => c.name);
  const at = sql`${now.toISOString()}::timestamptz`;
  return db.transaction(async (tx) => {
    const events = await rows<OutboxRow>(
      tx,
      sql`SELECT tenant_id, id, type, aggregate_type, aggregate_id, payload, attempts FROM outbox_event
          WHERE published_at IS NULL AND dead_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ${at})
          ORDER BY created_at, id LIMIT ${options.batch ?? DEFAULT_BATCH}
          FOR UPDATE SKIP LOCKED`,
    );
    const result: DispatchResult = { events: events.length, notifications: 0, texts: 0, failed: 0, dead: 0 };
    // Recipients of a unit, looked up once per batch: a burst of events mostly concerns few units.
    const holders = new Map<string, string[]>();
    // Events nobody is notified of (territory, people, configuration …) are marked delivered in one statement.
    const silent = events.filter((e) => !isDelivered(e.type, e.aggregate_type));
    if (silent.length > 0) {
      await tx.execute(
        sql`UPDATE outbox_event SET published_at = ${at}, next_attempt_at = NULL
            WHERE (tenant_id, id) IN (${sql.join(
              silent.map((e) => sql`(${e.tenant_id}, ${e.id}::uuid)`),
              sql`, `,
            )}) AND published_at IS NULL`,
      );
    }
    for (const event of events.filter((e) => !silent.includes(e))) {
      try {
        const written = await tx.transaction((sp) => deliverEvent(sp, event, { channels: channelNames, textChannels }, holders));
        result.notifications += written.notifications;
        result.texts += written.texts;
        await tx.execute(
          sql`UPDATE outbox_event SET published_at = ${at}, next_attempt_at = NULL
              WHERE tenant_id = ${event.tenant_id} AND id = ${event.id}::uuid AND published_at IS NULL`,
        );
      } catch (err) {
        const attempts = event.attempts + 1;
        const dead = attempts >= maxAttempts;
        await tx.execute(
          sql`UPDATE outbox_event SET attempts = ${attempts}, last_error = ${String((err as Error)?.message ?? err).slice(0, 1000)},
                next_attempt_at = ${new Date(now.getTime() + backoffMs(attempts)).toISOString()}::timestamptz,
                dead_at = ${dead ? now.toISOString() : null}::timestamptz
              WHERE tenant_id = ${event.tenant_id} AND id = ${event.id}::uuid`,
        );
        result.failed += 1;
        if (dead) result.dead += 1;
      }
    }
    return result;
  });
}

/** Writes the notifications of one event (and the text to a phone-only caller); returns how many are new. */
async function deliverEvent(
  tx: Db,
  event: OutboxRow,
  { channels, textChannels }: { channels: string[]; textChannels: string[] },
  holders: Map<string, string[]>,
): Promise<{ notifications: number; texts: number }> {
  const payload = (typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload) as Record<string, unknown>;
  const byPayload = payloadRoutes[event.type];
  if (byPayload) return { notifications: await deliverByPayload(tx, event, payload, byPayload, channels), texts: 0 };
  const routes = eventRoutes[event.type];
  if (!routes || event.aggregate_type !== 'demand') return { notifications: 0, texts: 0 };
  const repository = new NotificationRepository(tx);
  const demand = await repository.demand(event.tenant_id, event.aggregate_id);
  if (!demand) return { notifications: 0, texts: 0 };
  const seen = new Set<string>();
  const list: NewNotification[] = [];
  for (const route of routes) {
    const message = route.message(demand, payload);
    for (const recipientId of await recipientsOf(repository, event.tenant_id, demand, route.audience, holders)) {
      // One notification per event and person: a reporter who also handles it hears it once.
      if (seen.has(recipientId)) continue;
      seen.add(recipientId);
      list.push({
        tenantId: event.tenant_id,
        recipientId,
        eventId: event.id,
        eventType: event.type,
        link: linkTo(demand.id, route.audience),
        demandId: demand.id,
        ...message,
      });
    }
  }
  const ids = await repository.insert(list);
  await repository.queueDeliveries(event.tenant_id, ids, channels);
  // A phone-only caller has no in-app inbox: the events that matter to them go out as a text.
  const text = demand.reporterIsCaller ? callerText(event.type, demand.number) : undefined;
  const texts = text
    ? await repository.queueCallerTexts(
        { tenantId: event.tenant_id, eventId: event.id, eventType: event.type, demandId: demand.id, body: text },
        textChannels,
      )
    : 0;
  return { notifications: ids.length, texts };
}

const idsIn = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * Writes the notifications of a co-governance event (meetings, resolutions): one per recipient
 * account the payload leads to, so a household's account invited twice hears it once and a
 * repeated dispatch adds nothing. Returns how many are new.
 */
async function deliverByPayload(
  tx: Db,
  event: OutboxRow,
  payload: Record<string, unknown>,
  route: PayloadRoute,
  channels: string[],
): Promise<number> {
  const repository = new NotificationRepository(tx);
  const tenantId = event.tenant_id;
  let recipients: Recipient[];
  switch (route.audience) {
    case 'invited_residents':
      // Invitees without a resident record (a seat held for a department, an adviser) or without an account hear nothing.
      recipients = await repository.residentAccounts(tenantId, idsIn(payload.residentIds));
      break;
    case 'committee':
      recipients = await repository.recipients(tenantId, idsIn(payload.recipientAccountIds));
      break;
    case 'committee_and_community_staff': {
      const nodeId = typeof payload.nodeId === 'string' ? payload.nodeId : undefined;
      recipients = [
        ...(await repository.recipients(tenantId, idsIn(payload.recipientAccountIds))),
        ...(nodeId ? await repository.roleHoldersOver(tenantId, nodeId, 'community_staff') : []),
      ];
      break;
    }
  }
  const message = route.message(payload);
  const seen = new Set<string>();
  const list: NewNotification[] = [];
  for (const r of recipients) {
    if (seen.has(r.accountId)) continue;
    seen.add(r.accountId);
    list.push({
      tenantId,
      recipientId: r.accountId,
      eventId: event.id,
      eventType: event.type,
      link: route.link(event.aggregate_id, payload, r.staff),
      demandId: null,
      ...message,
    });
  }
  const ids = await repository.insert(list);
  await repository.queueDeliveries(tenantId, ids, channels);
  return ids.length;
}

const waitingForDispatch = ['accepted', 'returned'];

async function recipientsOf(
  repository: NotificationRepository,
  tenantId: string,
  demand: DemandTarget,
  audience: Audience,
  cache: Map<string, string[]>,
): Promise<string[]> {
  const nearest = async (path: string, ability: 'demand.handle' | 'demand.intake' | 'demand.dispatch') => {
    const key = `${tenantId}|${ability}|${path}`;
    let found = cache.get(key);
    if (!found) {
      found = await repository.holdersNearest(tenantId, path, ability);
      cache.set(key, found);
    }
    return found;
  };
  switch (audience) {
    case 'reporter':
      return demand.reporterAccountId ? [demand.reporterAccountId] : [];
    case 'handlers':
      return demand.handlingPath ? nearest(demand.handlingPath, 'demand.handle') : [];
    case 'dispatchers':
      // The first receiver stays accountable (首接负责制): its dispatchers re-dispatch and approve extensions.
      return nearest(demand.firstReceiverPath ?? demand.nodePath, 'demand.dispatch');
    case 'intake_or_handlers':
      // Before acceptance the intake desk of the place hears of the deadline; accepted or returned and
      // waiting for dispatch, the first receiver's dispatchers; afterwards the handling unit.
      if (demand.status === 'submitted') return nearest(demand.nodePath, 'demand.intake');
      if (waitingForDispatch.includes(demand.status) || !demand.handlingPath) {
        return nearest(demand.firstReceiverPath ?? demand.nodePath, 'demand.dispatch');
      }
      return nearest(demand.handlingPath, 'demand.handle');
  }
}

interface DeliveryRow {
  tenant_id: string;
  notification_id: string;
  channel: string;
  attempts: number;
  recipient_id: string;
  title: string;
  body: string;
  link: string | null;
}

/**
 * Sends one batch of pending channel deliveries (claimed with FOR UPDATE SKIP LOCKED). A failed
 * send is retried with backoff and becomes 'dead' after `maxAttempts`. A process that dies after a
 * gateway accepted a message but before commit sends it again: delivery is at least once.
 */
export async function sendDeliveries(db: Db, channels: Channel[], options: Omit<DispatchOptions, 'channels'> = {}): Promise<SendResult> {
  const byName = new Map(channels.map((c) => [c.name, c]));
  return runDeliveryLoop<DeliveryRow>(
    db,
    {
      table: 'notification_delivery',
      select: sql`SELECT d.tenant_id, d.notification_id, d.channel, d.attempts, n.recipient_id, n.title, n.body, n.link
                  FROM notification_delivery d
                  JOIN notification n ON n.tenant_id = d.tenant_id AND n.id = d.notification_id`,
      alias: 'd',
      key: (d) => sql`tenant_id = ${d.tenant_id} AND notification_id = ${d.notification_id}::uuid AND channel = ${d.channel}`,
      attempt: async (_tx, d) => {
        const channel = byName.get(d.channel);
        if (!channel) return { refuse: `channel ${d.channel} is not configured`, final: false };
        return {
          send: () =>
            channel.send({
              tenantId: d.tenant_id,
              notificationId: d.notification_id,
              recipientId: d.recipient_id,
              title: d.title,
              body: d.body,
              link: d.link,
            }),
        };
      },
    },
    options,
  );
}

/** The dispatcher for the server's scheduler: outbox → notifications, then channel sends and texts to callers. */
export function dispatcherJob(
  db: Db,
  channels: Channel[],
  intervalMs: number,
  options: Omit<DispatchOptions, 'channels' | 'now'> & { cipher: PersonalDataCipher },
): IntervalJob {
  return {
    name: 'notifications.dispatch',
    intervalMs,
    async run() {
      const total = { events: 0, notifications: 0, texts: 0, failed: 0, dead: 0, sent: 0, sendFailed: 0, textsSent: 0 };
      // Catch up in several batches per run, so a burst does not wait one interval per batch.
      for (let i = 0; i < 40; i += 1) {
        const r = await dispatchOutbox(db, { ...options, channels });
        total.events += r.events;
        total.notifications += r.notifications;
        total.texts += r.texts;
        total.failed += r.failed;
        total.dead += r.dead;
        if (r.events < (options.batch ?? DEFAULT_BATCH)) break;
      }
      if (channels.length > 0) {
        const s = await sendDeliveries(db, channels, options);
        total.sent += s.sent;
        total.sendFailed += s.failed;
        total.dead += s.dead;
        const texts = await sendCallerTexts(db, options.cipher, channels, options);
        total.textsSent += texts.sent;
        total.sendFailed += texts.failed;
        total.dead += texts.dead;
      }
      return total;
    },
  };
}
