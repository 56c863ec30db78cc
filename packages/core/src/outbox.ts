import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
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
