import { AppError, type PersonalDataCipher, type RequestContext, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { type Channel, DemandRepository, submitDemand } from '@linli/demands';
import type { ScreenTopicBody, TopicDetail } from '../contract.ts';
import { deliberationErrors } from '../errors.ts';
import { demandCategoryReference } from '../references.ts';
import { ScopeRepository } from '../scope.repository.ts';
import { TopicRepository } from '../topic.repository.ts';
import { runTopicTransition } from '../transition.ts';
import type { TopicSource } from '../vocabulary.ts';

/** The demand channel a redirected topic keeps its source as. */
const channelOf: Record<TopicSource, Channel> = {
  demand: 'walk_in',
  hot_spot: 'walk_in',
  monthly_theme: 'walk_in',
  resident: 'mobile',
  wish_box: 'wish_box',
  bench_meeting: 'bench_meeting',
  home_visit: 'grid_visit',
  wechat_group: 'online_opinion',
  staff: 'walk_in',
};

/**
 * Admission screening (准入审查) against the scope lists that apply where the topic is (the
 * station's own list over the county's): admissible with a kind from the allowed list, or excluded
 * with a kind from the excluded list and the reason — and redirected, never dropped: a government
 * matter becomes a demand in the closed loop (linked both ways), a legal or private dispute goes to
 * mediation (三官一律 studio), anything else elsewhere with a note.
 */
export async function screenTopic(
  tx: Tx,
  cipher: PersonalDataCipher,
  ctx: RequestContext,
  id: string,
  input: ScreenTopicBody,
  now = new Date(),
): Promise<TopicDetail> {
  const { actor } = ctx;
  const tenantId = actor.tenantId;
  await requireReferences(tx, actor, scopePaths(actor, 'deliberation.write'), input, { demandCategoryId: demandCategoryReference });
  const scopes = new ScopeRepository(tx);
  await scopes.ensureDefaults(tenantId);
  return runTopicTransition(tx, ctx, id, 'screen', {
    version: input.version,
    target: input.outcome,
    now,
    plan: async (topic) => {
      const station = await new TopicRepository(tx).findDetail(tenantId, id, [topic.nodePath]);
      const kind = await scopes.kind(tenantId, input.kindCode, station?.stationId);
      if (!kind?.active) throw AppError.of(deliberationErrors.unknown_kind, { code: input.kindCode });
      if (kind.list !== input.outcome.replace('admissible', 'allowed')) {
        const list = kind.list === 'allowed' ? { 'zh-CN': '正面清单', 'en-US': 'allowed' } : { 'zh-CN': '负面清单', 'en-US': 'excluded' };
        throw AppError.of(deliberationErrors.kind_on_other_list, { kind: kind.name, list });
      }
      if (input.outcome === 'admissible') {
        return { change: { kindCode: kind.code, screenedAt: now }, note: input.reason ?? null, data: { kind: kind.code } };
      }
      const reason = input.reason?.trim();
      if (!reason) throw AppError.of(deliberationErrors.reason_required);
      const redirect = kind.redirect ?? 'other';
      let redirectDemandId: string | null = null;
      let demandNumber: string | null = null;
      if (redirect === 'demand') {
        if (!input.demandCategoryId) throw AppError.of(deliberationErrors.redirect_needs_category);
        const full = await new TopicRepository(tx).findDetail(tenantId, id, [topic.nodePath]);
        const demand = await submitDemand(tx, cipher, ctx, {
          channel: channelOf[(full?.source ?? 'staff') as TopicSource],
          type: 'help',
          categoryId: input.demandCategoryId,
          title: topic.title,
          description: `${full?.description ?? topic.title}\n（由议题 ${topic.number} 转入：${reason}）`,
          nodeId: topic.nodeId,
        });
        redirectDemandId = demand.id;
        demandNumber = demand.number;
        await new DemandRepository(tx).appendEvent({
          tenantId,
          demandId: demand.id,
          actorId: actor.accountId,
          actorName: actor.displayName,
          action: 'from_deliberation',
          fromStatus: demand.status,
          toStatus: demand.status,
          note: `由议题 ${topic.number} 转入诉求办理`,
          data: { topicId: id, topicNumber: topic.number },
        });
      }
      return {
        change: {
          kindCode: kind.code,
          exclusionReason: reason,
          redirect,
          redirectNote: input.redirectNote?.trim() || (redirect === 'mediation' ? '转三官一律工作室调解' : null),
          redirectDemandId,
          screenedAt: now,
          dueAt: null,
        },
        note: reason,
        data: { kind: kind.code, redirect, demandId: redirectDemandId, demandNumber },
      };
    },
  });
}
