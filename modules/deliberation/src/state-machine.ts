import { type Actor, can } from '@linli/core';
import { type TopicAction, type TopicLevel, type TopicStatus, topicActions, topicLevels } from './vocabulary.ts';

export * from './vocabulary.ts';

export interface TopicRule {
  from: readonly TopicStatus[];
  /** The states it may lead to; the caller names one when there are several (screen, decide). */
  to: readonly TopicStatus[];
}

/**
 * The life of a topic, as data. Pure — no database — so every rule is unit-tested on its own; the
 * runner (transition.ts) loads the topic, asks `decide`, and updates the row only if it is still
 * in the version it read.
 *
 *   submitted → admissible | excluded (screening; excluded topics are redirected, never dropped)
 *   admissible | deferred | escalated → pooled → scheduled → deliberated → adopted | rejected | deferred
 *   admissible … deliberated → escalated (a level up: 小区 → 社区 → 街道, beyond it a red project)
 *   adopted → implementing → completed → evaluated → published → closed; rejected → closed
 *   submitted | admissible | pooled → merged (a duplicate)
 */
export const topicTransitions: Record<TopicAction, TopicRule> = {
  screen: { from: ['submitted'], to: ['admissible', 'excluded'] },
  pool: { from: ['admissible', 'deferred', 'escalated'], to: ['pooled'] },
  schedule: { from: ['pooled', 'escalated'], to: ['scheduled'] },
  deliberate: { from: ['scheduled'], to: ['deliberated'] },
  decide: { from: ['deliberated'], to: ['adopted', 'rejected', 'deferred'] },
  escalate: { from: ['admissible', 'pooled', 'scheduled', 'deliberated', 'deferred'], to: ['escalated'] },
  implement: { from: ['adopted'], to: ['implementing'] },
  complete: { from: ['implementing'], to: ['completed'] },
  evaluate: { from: ['completed'], to: ['evaluated'] },
  publish: { from: ['evaluated'], to: ['published'] },
  close: { from: ['published', 'rejected'], to: ['closed'] },
  merge: { from: ['submitted', 'admissible', 'pooled'], to: ['merged'] },
};

/** What the rules need to know about a topic. */
export interface TopicFacts {
  status: TopicStatus;
  nodePath: string;
  level: TopicLevel;
  redProject: boolean;
}

export type TopicDecision = { ok: true; to: TopicStatus } | { ok: false; code: 'conflict' | 'forbidden' | 'invalid'; reason: string };

/** The level above (提级): compound → community → subdistrict; undefined at the subdistrict. */
export function levelAbove(level: TopicLevel): TopicLevel | undefined {
  return topicLevels[topicLevels.indexOf(level) + 1];
}

/**
 * May this actor take this action on this topic now, and to which state? A wrong state is a
 * conflict (409), a target the action cannot reach is invalid input (400), the right state but no
 * deliberation.write on the topic's place is forbidden (403). State comes first.
 */
export function decideTopic(action: TopicAction, topic: TopicFacts, actor: Actor, target?: TopicStatus): TopicDecision {
  const rule = topicTransitions[action];
  if (!rule.from.includes(topic.status)) return { ok: false, code: 'conflict', reason: `cannot ${action} a topic that is ${topic.status}` };
  if (action === 'escalate' && topic.level === 'subdistrict' && topic.redProject) {
    return { ok: false, code: 'conflict', reason: 'a red project at the subdistrict cannot be escalated further' };
  }
  const to = target ?? (rule.to.length === 1 ? rule.to[0] : undefined);
  if (!to || !rule.to.includes(to)) return { ok: false, code: 'invalid', reason: `${action} leads to one of ${rule.to.join(', ')}` };
  if (!can(actor, 'deliberation.write', topic.nodePath))
    return { ok: false, code: 'forbidden', reason: `you may not ${action} this topic` };
  return { ok: true, to };
}

/** The actions this actor could take on this topic now, sent with the detail so the UI shows only those. */
export function allowedTopicActions(topic: TopicFacts, actor: Actor): TopicAction[] {
  return topicActions.filter((a) => {
    const rule = topicTransitions[a];
    return decideTopic(a, topic, actor, rule.to[0]).ok;
  });
}

/** Does the county's threshold put this topic forward (admissible → pooled)? */
export function reachesThreshold(supports: number, threshold: number): boolean {
  return supports >= threshold;
}
