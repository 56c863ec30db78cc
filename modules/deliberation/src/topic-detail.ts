import { type Actor, AppError, scopePaths } from '@linli/core';
import type { Db } from '@linli/db';
import type { TopicDetail } from './contract.ts';
import { deliberationNouns } from './errors.ts';
import { allowedTopicActions } from './state-machine.ts';
import { TopicRepository } from './topic.repository.ts';

/** The households a resident account is registered in (its resident grants). */
export function householdsOf(actor: Actor): { id: string; path: string }[] {
  return actor.grants.filter((g) => g.role === 'resident').map((g) => ({ id: g.nodeId, path: g.path }));
}

/**
 * One topic with its sources, advisers, timeline and the caller's allowed actions. Staff see it by
 * scope; a resident sees the topics of their own compound (`residentScope`).
 */
export async function readTopicDetail(db: Db, actor: Actor, id: string, residentScope: string[] = []): Promise<TopicDetail> {
  const tenantId = actor.tenantId;
  const topics = new TopicRepository(db);
  const scope = [...scopePaths(actor, 'deliberation.read'), ...residentScope];
  const found = await topics.findDetail(tenantId, id, scope, residentScope);
  if (!found) throw AppError.notFound(deliberationNouns.topic, id);
  const { nodePath, ...topic } = found;
  const sources = await topics.sources(tenantId, id);
  const advisers = await topics.advisers(tenantId, id);
  const timeline = await topics.timeline(tenantId, id);
  const supportedByMe = await topics.supportedBy(
    tenantId,
    id,
    householdsOf(actor).map((h) => h.id),
  );
  return {
    ...topic,
    sources,
    advisers,
    timeline,
    supportedByMe,
    allowedActions: allowedTopicActions({ status: found.status, level: found.level, redProject: found.redProject, nodePath }, actor),
  };
}
