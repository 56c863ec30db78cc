import type { Db } from '@linli/db';
import { type SQL, sql } from 'drizzle-orm';
import { newId } from './ids.ts';

export interface DomainEvent {
  tenantId: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload?: Record<string, unknown>;
}

/** Writes domain events in the caller's transaction; a dispatcher delivers them after commit. */
export async function emitEvents(tx: Db, events: DomainEvent | DomainEvent[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return;
  await tx.execute(
    sql`INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload) VALUES ${sql.join(
      list.map(
        (e) => sql`(${e.tenantId}, ${newId()}, ${e.type}, ${e.aggregateType}, ${e.aggregateId}, ${JSON.stringify(e.payload ?? {})}::jsonb)`,
      ),
      sql`, `,
    )}`,
  );
}

/**
 * One domain event written by the caller's own SQL statement (a WITH-clause entry named
 * `outbox_emitted`), for writes that put the change, its audit record and its event in one round
 * trip. `late` adds payload fields whose value is only known inside the statement (SQL
 * expressions); the row is written only when `when` holds.
 */
export function emitEventCte(event: DomainEvent, options: { when?: SQL; late?: Record<string, SQL> } = {}): SQL {
  const late = Object.entries(options.late ?? {});
  const payload = late.length
    ? sql`${JSON.stringify(event.payload ?? {})}::jsonb || jsonb_build_object(${sql.join(
        late.map(([k, v]) => sql`${k}::text, ${v}`),
        sql`, `,
      )})`
    : sql`${JSON.stringify(event.payload ?? {})}::jsonb`;
  return sql`outbox_emitted AS (
      INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, payload)
      SELECT ${event.tenantId}, ${newId()}::uuid, ${event.type}, ${event.aggregateType}, ${event.aggregateId}, ${payload}
      WHERE ${options.when ?? sql`true`}
      RETURNING id)`;
}
