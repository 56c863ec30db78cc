import type { RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { EscalateTopicBody, TopicDetail } from '../contract.ts';
import { levelAbove } from '../state-machine.ts';
import { decisionDue, runTopicTransition } from '../transition.ts';

/** With this many parties a topic is a red project (红色项目), whatever its level. */
export const RED_PROJECT_PARTIES = 5;

/**
 * 提级: carries the whole record a level up (小区 → 社区 → 街道) with a new decision deadline in the
 * county's working days for that bank. A topic beyond the street, or with many parties, becomes a
 * red project (红色项目), handled with professional advisers.
 */
export async function escalateTopic(tx: Tx, ctx: RequestContext, id: string, input: EscalateTopicBody, now = new Date()) {
  return runTopicTransition(tx, ctx, id, 'escalate', {
    version: input.version,
    now,
    plan: async (topic) => {
      const above = levelAbove(topic.level);
      const level = above ?? topic.level;
      const parties = input.parties ?? topic.parties;
      const redProject = topic.redProject || above === undefined || (parties ?? 0) >= RED_PROJECT_PARTIES;
      const dueAt = await decisionDue(tx, ctx.actor.tenantId, level, now);
      return {
        change: { level, redProject, parties: parties ?? null, dueAt },
        note: input.reason.trim(),
        data: { fromLevel: topic.level, toLevel: level, redProject, dueAt: dueAt.toISOString() },
      };
    },
  }) as Promise<TopicDetail>;
}
