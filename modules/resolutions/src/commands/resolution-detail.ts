import { AppError } from '@linli/core';
import type { Db } from '@linli/db';
import type { SQL } from 'drizzle-orm';
import type { ResolutionDetail } from '../contract.ts';
import { resolutionsNouns } from '../errors.ts';
import { ResolutionRepository } from '../resolution.repository.ts';

/** A resolution with its tasks, milestones, evaluations and survey, as the caller may see it (staff scope, or a follower's households). */
export async function resolutionDetail(db: Db, tenantId: string, id: string, scope: string[], follower = false): Promise<ResolutionDetail> {
  const repo = new ResolutionRepository(db);
  const visible: SQL = ResolutionRepository.visible(scope, follower);
  const found = await repo.find(tenantId, id, visible);
  if (!found) throw AppError.notFound(resolutionsNouns.resolution, id);
  return {
    ...found,
    tasks: await repo.tasks(tenantId, id),
    evaluations: await repo.evaluations(tenantId, id),
    survey: await repo.survey(tenantId, id),
  };
}
