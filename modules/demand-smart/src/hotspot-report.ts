import { AppError, type RequestContext, requireAbility, requireReferences } from '@linli/core';
import type { Db } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { HotspotList, HotspotQuery } from './contract.ts';
import { demandSmartNouns } from './errors.ts';
import { addMonths, HotspotRepository, monthOf } from './hotspot.repository.ts';
import { candidateMinimum, findHotspots } from './hotspots.ts';

/** Months of history read for a hot spot: the baseline (3) and a repeat streak of up to a year. */
const HISTORY_MONTHS = 12;
const PLACE_DEPTH = { community: 3, compound: 4 } as const;

/**
 * Hot spots of a territory subtree in a month (default: this month, Asia/Shanghai): demands per
 * place (compound or community) and category counted in SQL over the last year, ranked by
 * ./hotspots.ts, each with the monthly theme already made of it, if any. demand.read on the node.
 */
export async function listHotspots(db: Db, ctx: RequestContext, query: HotspotQuery, now = new Date()): Promise<HotspotList> {
  const { actor } = ctx;
  // Another community's place answers like an unknown one.
  await requireReferences(db, actor, requireAbility(actor, 'demand.read'), query, { nodeId: placeReference });
  const node = await territory.node(db, actor.tenantId, query.nodeId);
  if (!node) throw AppError.notFound(demandSmartNouns.place, query.nodeId);
  const month = query.month ?? monthOf(now);
  const repo = new HotspotRepository(db);
  const counts = await repo.monthlyCounts({
    tenantId: actor.tenantId,
    rootPath: node.path,
    depth: Math.max(PLACE_DEPTH[query.by ?? 'compound'], node.path.split('.').length),
    from: addMonths(month, -(HISTORY_MONTHS - 1)),
    to: month,
    candidates: { month, atLeast: candidateMinimum() },
  });
  const hotspots = findHotspots(counts, { month, limit: query.limit ?? 20 });
  const themes = await repo.themesOf(actor.tenantId, month, [...new Set(hotspots.map((h) => h.territoryId))]);
  return {
    month,
    nodeId: node.id,
    items: hotspots.map((h) => ({
      nodeId: h.territoryId,
      nodeName: h.territoryName,
      categoryId: h.category,
      categoryName: h.categoryName,
      month: h.month,
      count: h.count,
      baseline: h.baseline,
      kinds: h.kinds,
      score: h.score,
      streak: h.streak,
      reason: h.reason,
      theme: h.theme,
      themeId: themes.get(`${h.territoryId}/${h.category}`) ?? null,
    })),
  };
}
