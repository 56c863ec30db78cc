import { AppError, type RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import { followerPaths } from '../callers.ts';
import type { Satisfaction } from '../contract.ts';
import { resolutionsNouns } from '../errors.ts';
import { ResolutionRepository } from '../resolution.repository.ts';

/** A resident's answer to the satisfaction survey of a resolution of their place (one per account; answering again replaces it). */
export async function answerSurvey(tx: Tx, ctx: RequestContext, resolutionId: string, satisfaction: Satisfaction): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const repo = new ResolutionRepository(tx);
  const found = await repo.find(tenantId, resolutionId, ResolutionRepository.visible(followerPaths(ctx.actor), true));
  if (!found) throw AppError.notFound(resolutionsNouns.resolution, resolutionId);
  await repo.answerSurvey(tenantId, resolutionId, ctx.actor.accountId, satisfaction);
}
