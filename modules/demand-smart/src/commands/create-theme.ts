import {
  AppError,
  auditEntry,
  type ErrorDetail,
  emitEvents,
  missingReferences,
  newId,
  type RequestContext,
  recordAudit,
  requireAbility,
} from '@linli/core';
import type { Db } from '@linli/db';
import { CategoryRepository } from '@linli/demands';
import { placeReference, territory } from '@linli/territory';
import { sql } from 'drizzle-orm';
import type { CreateThemeBody, Theme } from '../contract.ts';
import { demandSmartErrors } from '../errors.ts';
import { addMonths, HotspotRepository } from '../hotspot.repository.ts';
import { findHotspots } from '../hotspots.ts';
import { publicTheme, ThemeRepository } from '../theme.repository.ts';

/**
 * Makes a monthly theme (每月一题) of a problem at a place: one per place, month and category,
 * taken up by a unit that dispatches there (demand.dispatch on the place). The hot spot behind it —
 * the month's count, the baseline, rising or repeated — is computed for that place and kept with
 * the theme as it was on the day it was made.
 */
export async function createTheme(tx: Db, ctx: RequestContext, input: CreateThemeBody): Promise<Theme> {
  const { actor } = ctx;
  const tenantId = actor.tenantId;
  // A caller who dispatches nowhere is forbidden; a place outside their demand.dispatch scope answers like one that does not exist.
  const scope = requireAbility(actor, 'demand.dispatch');
  const outOfScope = (await missingReferences(tx, actor, scope, input, { nodeId: placeReference })).length > 0;
  const [node, category] = await Promise.all([
    outOfScope ? undefined : territory.node(tx, tenantId, input.nodeId),
    new CategoryRepository(tx).findCategory(tenantId, input.categoryId),
  ]);
  const errors: ErrorDetail[] = [];
  if (!node) errors.push({ field: 'nodeId', reason: 'is not a place in this county' });
  if (!category) errors.push({ field: 'categoryId', reason: 'is not a demand category of this county' });
  if (!node || !category) throw AppError.invalid(errors);
  requireAbility(actor, 'demand.dispatch', node.path);
  const themes = new ThemeRepository(tx);
  if (await themes.exists(tenantId, node.id, input.month, category.id)) {
    throw AppError.of(demandSmartErrors.theme_taken, undefined, { field: 'categoryId' });
  }
  const counts = await new HotspotRepository(tx).monthlyCounts({
    tenantId,
    rootPath: node.path,
    depth: node.path.split('.').length,
    from: addMonths(input.month, -11),
    to: input.month,
    categoryId: category.id,
  });
  const [hotspot] = findHotspots(counts, { month: input.month });
  const count = counts.filter((c) => c.month === input.month).reduce((sum, c) => sum + c.count, 0);
  const evidence = hotspot
    ? {
        count: hotspot.count,
        baseline: hotspot.baseline,
        kinds: hotspot.kinds,
        score: hotspot.score,
        streak: hotspot.streak,
        reason: hotspot.reason,
      }
    : { count, kinds: [] };
  const id = newId();
  await themes.insert({
    tenantId,
    id,
    month: input.month,
    nodeId: node.id,
    nodePath: node.path,
    categoryId: category.id,
    title: input.title.trim(),
    note: input.note?.trim() || null,
    evidence,
    createdBy: actor.accountId,
  });
  const data = { month: input.month, nodeId: node.id, categoryId: category.id, count: evidence.count };
  await recordAudit(tx, auditEntry(ctx, 'demand.theme.create', { type: 'demand_theme', id }, { ...data, title: input.title.trim() }));
  await emitEvents(tx, { tenantId, type: 'demand_theme.created', aggregateType: 'demand_theme', aggregateId: id, payload: data });
  const created = await themes.find(tenantId, id, sql`true`);
  if (!created) throw new Error('created theme not readable');
  return publicTheme(created);
}
