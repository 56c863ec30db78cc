import { type Ability, decodeCursor, encodeCursor, newId, type Role, roleAbilities, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { Notification } from './contract.ts';
import type { Message } from './messages.ts';

export interface DemandTarget {
  id: string;
  number: string;
  title: string;
  status: string;
  reporterAccountId: string | null;
  /** A phone-only caller (reporter kind 'caller', no account) is texted instead of notified in-app. */
  reporterIsCaller: boolean;
  nodePath: string;
  handlingPath: string | null;
  firstReceiverPath: string | null;
}

export interface NewNotification extends Message {
  tenantId: string;
  recipientId: string;
  eventId: string;
  eventType: string;
  link: string | null;
  demandId: string | null;
}

/** Who receives a notification, and whether they work in the staff app (where the link opens). */
export interface Recipient {
  accountId: string;
  staff: boolean;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A uuid[] value of the well-formed ids (an id from an event payload is not trusted to be one). */
const uuidArray = (ids: string[]): SQL => sql`${`{${ids.filter((id) => uuidPattern.test(id)).join(',')}}`}::uuid[]`;

interface NotificationRow {
  id: string;
  event_type: string;
  message_key: string;
  params: Record<string, string> | string;
  title: string;
  body: string;
  link: string | null;
  demand_id: string | null;
  created_at: Date | string;
  read_at: Date | string | null;
}

const rolesWith = (ability: Ability): Role[] => (Object.keys(roleAbilities) as Role[]).filter((r) => roleAbilities[r].includes(ability));

function toNotification(r: NotificationRow): Notification {
  return {
    id: r.id,
    eventType: r.event_type,
    messageKey: r.message_key,
    params: typeof r.params === 'string' ? JSON.parse(r.params) : r.params,
    title: r.title,
    body: r.body,
    link: r.link,
    demandId: r.demand_id,
    createdAt: new Date(r.created_at).toISOString(),
    readAt: r.read_at === null ? null : new Date(r.read_at).toISOString(),
  };
}

/** In-app notifications, the recipients of events and the channel deliveries. */
export class NotificationRepository {
  constructor(private readonly db: Db) {}

  demand(tenantId: string, id: string): Promise<DemandTarget | undefined> {
    return one<DemandTarget>(
      this.db,
      sql`SELECT id, number, title, status, reporter_account_id AS "reporterAccountId",
            (reporter_kind = 'caller' AND reporter_account_id IS NULL AND reporter_phone_enc IS NOT NULL) AS "reporterIsCaller", node_path::text AS "nodePath",
            handling_path::text AS "handlingPath", first_receiver_path::text AS "firstReceiverPath"
          FROM demand WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`,
    );
  }

  /**
   * Active accounts holding `ability` on the unit at `path`: those whose grant is nearest to it
   * (deepest node on the path from the county down to the unit). Property staff of a compound get
   * what goes to the compound; where a unit has no staff of its own, the next unit up hears of it.
   */
  async holdersNearest(tenantId: string, path: string, ability: Ability): Promise<string[]> {
    const list = await rows<{ account_id: string }>(
      this.db,
      sql`WITH holders AS (
            SELECT g.account_id, nlevel(n.path) AS depth
            FROM role_grant g
            JOIN ${territorySql.nodes('n')} ON n.tenant_id = g.tenant_id AND n.id = g.node_id
            JOIN account a ON a.id = g.account_id AND a.status = 'active'
            WHERE g.tenant_id = ${tenantId} AND g.role IN ${sql`(${sql.join(
              rolesWith(ability).map((r) => sql`${r}`),
              sql`, `,
            )})`} AND n.path @> ${path}::ltree)
          SELECT DISTINCT account_id FROM holders WHERE depth = (SELECT max(depth) FROM holders) ORDER BY account_id`,
    );
    return list.map((r) => r.account_id);
  }

  /**
   * The accounts of residents (by their records): the account linked to the record when it holds
   * a resident grant on the resident's household, else every active account with a resident grant
   * on that household (a household's accounts are not tied to one person). Records without such
   * an account give nothing.
   */
  async residentAccounts(tenantId: string, residentIds: string[]): Promise<Recipient[]> {
    if (residentIds.length === 0) return [];
    const found = await rows<{ account_id: string }>(
      this.db,
      sql`WITH home AS (
            SELECT r.id, r.account_id AS linked, g.account_id
            FROM resident r
            JOIN role_grant g ON g.tenant_id = r.tenant_id AND g.role = 'resident' AND g.node_id = r.household_id
            JOIN account a ON a.id = g.account_id AND a.tenant_id = r.tenant_id AND a.status = 'active'
            WHERE r.tenant_id = ${tenantId} AND r.id = ANY (${uuidArray(residentIds)}))
          SELECT DISTINCT h.account_id FROM home h
          WHERE h.linked IS NULL OR h.linked = h.account_id
            OR NOT EXISTS (SELECT 1 FROM home l WHERE l.id = h.id AND l.account_id = h.linked)
          ORDER BY h.account_id`,
    );
    return this.recipients(
      tenantId,
      found.map((r) => r.account_id),
    );
  }

  /** Active accounts holding `role` on the node `nodeId` or a node above it. */
  async roleHoldersOver(tenantId: string, nodeId: string, role: Role): Promise<Recipient[]> {
    if (!uuidPattern.test(nodeId)) return [];
    const found = await rows<{ account_id: string }>(
      this.db,
      sql`SELECT DISTINCT g.account_id FROM role_grant g
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = g.tenant_id AND n.id = g.node_id
          WHERE g.tenant_id = ${tenantId} AND g.role = ${role} AND n.path @> ${territorySql.pathOf(tenantId, nodeId)}
          ORDER BY g.account_id`,
    );
    return this.recipients(
      tenantId,
      found.map((r) => r.account_id),
    );
  }

  /**
   * The active accounts of the tenant among `ids` (an id of a disabled, unknown or other county's
   * account is dropped), each with whether it works in the staff app: a grant other than resident.
   */
  async recipients(tenantId: string, ids: string[]): Promise<Recipient[]> {
    if (ids.length === 0) return [];
    return rows<Recipient>(
      this.db,
      sql`SELECT a.id AS "accountId", EXISTS (SELECT 1 FROM role_grant g
              WHERE g.tenant_id = a.tenant_id AND g.account_id = a.id AND g.role <> 'resident') AS staff
          FROM account a
          WHERE a.tenant_id = ${tenantId} AND a.status = 'active' AND a.id = ANY (${uuidArray(ids)})
          ORDER BY a.id`,
    );
  }

  /** Writes in-app notifications; one per event and recipient, so a repeated delivery adds nothing. Returns the new ids. */
  async insert(list: NewNotification[]): Promise<string[]> {
    if (list.length === 0) return [];
    const inserted = await rows<{ id: string }>(
      this.db,
      sql`INSERT INTO notification (tenant_id, id, recipient_id, event_id, event_type, message_key, params, title, body, link, demand_id)
          VALUES ${sql.join(
            list.map(
              (n) =>
                sql`(${n.tenantId}, ${newId()}, ${n.recipientId}::uuid, ${n.eventId}::uuid, ${n.eventType}, ${n.key},
                     ${JSON.stringify(n.params)}::jsonb, ${n.title}, ${n.body}, ${n.link}, ${n.demandId}::uuid)`,
            ),
            sql`, `,
          )}
          ON CONFLICT (tenant_id, event_id, recipient_id) DO NOTHING
          RETURNING id`,
    );
    return inserted.map((r) => r.id);
  }

  async queueDeliveries(tenantId: string, notificationIds: string[], channels: string[]): Promise<void> {
    if (notificationIds.length === 0 || channels.length === 0) return;
    await this.db.execute(
      sql`INSERT INTO notification_delivery (tenant_id, notification_id, channel)
          SELECT ${tenantId}, n::uuid, c FROM unnest(${sql`ARRAY[${sql.join(
            notificationIds.map((id) => sql`${id}`),
            sql`, `,
          )}]::text[]`}) n CROSS JOIN unnest(${sql`ARRAY[${sql.join(
            channels.map((c) => sql`${c}`),
            sql`, `,
          )}]::text[]`}) c
          ON CONFLICT DO NOTHING`,
    );
  }

  /** Queues the text of an event to the demand's caller on each texting channel; a repeated event adds nothing. Returns how many are new. */
  async queueCallerTexts(
    text: { tenantId: string; eventId: string; eventType: string; demandId: string; body: string },
    channels: string[],
  ): Promise<number> {
    if (channels.length === 0) return 0;
    const inserted = await rows<{ id: string }>(
      this.db,
      sql`INSERT INTO caller_text (tenant_id, id, event_id, event_type, demand_id, channel, body)
          VALUES ${sql.join(
            channels.map(
              (c) =>
                sql`(${text.tenantId}, ${newId()}, ${text.eventId}::uuid, ${text.eventType}, ${text.demandId}::uuid, ${c}, ${text.body})`,
            ),
            sql`, `,
          )}
          ON CONFLICT (tenant_id, event_id, channel) DO NOTHING
          RETURNING id`,
    );
    return inserted.length;
  }

  /** The recipient's notifications, newest first, optionally only the unread ones. */
  async list(
    tenantId: string,
    recipientId: string,
    q: { unread?: boolean; cursor?: string; limit: number },
  ): Promise<{ items: Notification[]; nextCursor: string | null }> {
    const after = decodeCursor(q.cursor, Uuid);
    const conditions: SQL[] = [sql`tenant_id = ${tenantId}`, sql`recipient_id = ${recipientId}::uuid`];
    if (q.unread) conditions.push(sql`read_at IS NULL`);
    if (after) conditions.push(sql`id < ${after}::uuid`);
    const list = await rows<NotificationRow>(
      this.db,
      sql`SELECT id, event_type, message_key, params, title, body, link, demand_id, created_at, read_at FROM notification
          WHERE ${sql.join(conditions, sql` AND `)} ORDER BY id DESC LIMIT ${q.limit + 1}`,
    );
    const items = list.slice(0, q.limit).map(toNotification);
    return { items, nextCursor: list.length > q.limit ? encodeCursor(items[items.length - 1]?.id) : null };
  }

  async unreadCount(tenantId: string, recipientId: string): Promise<number> {
    const row = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM notification WHERE tenant_id = ${tenantId} AND recipient_id = ${recipientId}::uuid AND read_at IS NULL`,
    );
    return row?.n ?? 0;
  }

  /** Marks one of the recipient's notifications read (keeps the first read time); undefined when it is not theirs. */
  async markRead(tenantId: string, recipientId: string, id: string): Promise<Notification | undefined> {
    const row = await one<NotificationRow>(
      this.db,
      sql`UPDATE notification SET read_at = coalesce(read_at, now())
          WHERE tenant_id = ${tenantId} AND recipient_id = ${recipientId}::uuid AND id = ${id}::uuid
          RETURNING id, event_type, message_key, params, title, body, link, demand_id, created_at, read_at`,
    );
    return row && toNotification(row);
  }

  async markAllRead(tenantId: string, recipientId: string): Promise<number> {
    const changed = await rows<{ id: string }>(
      this.db,
      sql`UPDATE notification SET read_at = now()
          WHERE tenant_id = ${tenantId} AND recipient_id = ${recipientId}::uuid AND read_at IS NULL RETURNING id`,
    );
    return changed.length;
  }
}
