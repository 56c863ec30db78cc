import { auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import { type Db, one, type Tx } from '@linli/db';
import { sql } from 'drizzle-orm';
import { requireConfigure } from '../configure.ts';
import type { DeadlineSettings, UpdateDeadlineSettingsBody } from '../contract.ts';
import { DEFAULT_REOPEN_WINDOW_DAYS } from '../state-machine.ts';

/** The county's deadline settings from tenant.settings.demands, with their defaults. */
export async function deadlineSettings(db: Db, tenantId: string): Promise<DeadlineSettings> {
  const row = await one<{ auto_escalate: boolean; reopen_window_days: number | null }>(
    db,
    sql`SELECT coalesce(settings #> '{demands,autoEscalate}' = 'true'::jsonb, false) AS auto_escalate,
          CASE WHEN jsonb_typeof(settings #> '{demands,reopenWindowDays}') = 'number'
               THEN (settings #>> '{demands,reopenWindowDays}')::int END AS reopen_window_days
        FROM tenant WHERE tenant_id = ${tenantId}`,
  );
  return { autoEscalate: row?.auto_escalate ?? false, reopenWindowDays: row?.reopen_window_days ?? DEFAULT_REOPEN_WINDOW_DAYS };
}

/**
 * Changes the county's deadline settings (demand.configure on the county): automatic escalation of
 * overdue demands by the deadline job, and the reopening window. Other keys of tenant.settings stay.
 */
export async function updateDeadlineSettings(tx: Tx, ctx: RequestContext, input: UpdateDeadlineSettingsBody): Promise<DeadlineSettings> {
  await requireConfigure(tx, ctx);
  const tenantId = ctx.actor.tenantId;
  const before = await deadlineSettings(tx, tenantId);
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  await tx.execute(
    sql`UPDATE tenant SET settings = jsonb_set(settings, '{demands}',
          CASE WHEN jsonb_typeof(settings -> 'demands') = 'object' THEN settings -> 'demands' ELSE '{}'::jsonb END || ${JSON.stringify(patch)}::jsonb)
        WHERE tenant_id = ${tenantId}`,
  );
  await recordAudit(tx, auditEntry(ctx, 'demand.settings.update', { type: 'tenant', id: tenantId }, { before, changes: patch }));
  await emitEvents(tx, { tenantId, type: 'demand_settings.updated', aggregateType: 'tenant', aggregateId: tenantId, payload: patch });
  return deadlineSettings(tx, tenantId);
}
