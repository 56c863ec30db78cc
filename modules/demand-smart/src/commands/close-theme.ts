import { AppError, auditEntry, emitEvents, inScope, type RequestContext, recordAudit, requireAbility, scopePaths } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { CloseThemeBody, Theme } from '../contract.ts';
import { demandSmartErrors, demandSmartNouns } from '../errors.ts';
import { publicTheme, ThemeRepository } from '../theme.repository.ts';

/**
 * Closes a monthly theme with its outcome (what was done, what changed). The unit that dispatches
 * at the theme's place closes it; a theme the caller cannot read is 404, one already closed — or
 * changed since the version the caller saw — is 409.
 */
export async function closeTheme(tx: Db, ctx: RequestContext, id: string, input: CloseThemeBody): Promise<Theme> {
  const { actor } = ctx;
  const tenantId = actor.tenantId;
  const themes = new ThemeRepository(tx);
  const theme = await themes.find(tenantId, id, inScope(sql`t.node_path`, scopePaths(actor, 'demand.read')));
  if (!theme) throw AppError.notFound(demandSmartNouns.theme, id);
  requireAbility(actor, 'demand.dispatch', theme.nodePath);
  if (theme.status === 'closed')
    throw AppError.of(demandSmartErrors.theme_closed, undefined, { status: theme.status, version: theme.version });
  if (input.version !== undefined && input.version !== theme.version) {
    throw AppError.of(
      demandSmartErrors.theme_changed,
      { version: theme.version, seen: input.version },
      {
        status: theme.status,
        version: theme.version,
      },
    );
  }
  const outcome = input.outcome.trim();
  const updated = await themes.close(tenantId, id, theme.version, outcome, actor.accountId);
  if (!updated) throw AppError.of(demandSmartErrors.theme_changed_first);
  const data = { month: theme.month, nodeId: theme.nodeId, categoryId: theme.categoryId };
  await recordAudit(tx, auditEntry(ctx, 'demand.theme.close', { type: 'demand_theme', id }, { ...data, outcome }));
  await emitEvents(tx, { tenantId, type: 'demand_theme.closed', aggregateType: 'demand_theme', aggregateId: id, payload: data });
  const closed = await themes.find(tenantId, id, sql`true`);
  if (!closed) throw new Error('closed theme not readable');
  return publicTheme(closed);
}
