import type { AppError, RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { buildDemandWorld, contextOf, type DemandWorld } from '@linli/demands/testing';
import { draftMeetingAt } from '@linli/meetings/testing';
import { submitTopic } from './commands/submit-topic.ts';
import { transitionTopic } from './commands/transition-topic.ts';
import type { SubmitTopicBody, TopicDetail, TransitionTopicBody } from './contract.ts';

// Test factory of the topic pool: the demands world (county, small tree, demand categories, real
// accounts for staff and two residents of households[0] and [1]) plus a compound worker and a
// resident of another compound.

export interface TopicWorld extends DemandWorld {
  compoundStaff: RequestContext;
  farResident: RequestContext;
  submit(input?: Partial<SubmitTopicBody>, ctx?: RequestContext): Promise<TopicDetail>;
  step(
    topic: { id: string; version: number },
    body: Omit<TransitionTopicBody, 'version'>,
    ctx?: RequestContext,
    now?: Date,
  ): Promise<TopicDetail>;
  /** A council of the first community and a draft meeting of it (or of `nodeId`'s community council); the meeting's id. */
  meeting(title: string, nodeId?: string): Promise<string>;
}

export async function buildTopicWorld(db: Db, tenantId = '370785'): Promise<TopicWorld> {
  const world = await buildDemandWorld(db, tenantId);
  const compoundStaff = (await contextOf(db, tenantId, 'compound_staff', world.tree.compounds[0]!, 'compound')).ctx;
  // households[8] lies in compounds[2], under communities[1]: the same street, another compound.
  const farResident = (await contextOf(db, tenantId, 'resident', world.tree.households[8]!, 'far')).ctx;
  return {
    ...world,
    compoundStaff,
    farResident,
    submit: (input = {}, ctx = world.ctx.community) =>
      db.transaction((tx) =>
        submitTopic(tx, ctx, {
          title: '车棚充电桩不够用',
          description: '电动车充电难，楼道飞线充电有隐患',
          nodeId: world.tree.compounds[0]!.id,
          ...input,
        }),
      ),
    step: (topic, body, ctx = world.ctx.community, now) =>
      db.transaction((tx) => transitionTopic(tx, ctx, topic.id, { ...body, version: topic.version }, now)),
    meeting: async (title, nodeId = world.tree.communities[0]!.id) => {
      // Made by the meetings module's own commands, as community staff of the meeting's community.
      const community = world.tree.communities.find((c) => c.id === nodeId);
      if (!community) throw new Error(`not a community of the test tree: ${nodeId}`);
      const staff = (await contextOf(db, tenantId, 'community_staff', community, 'meeting-staff')).ctx;
      return draftMeetingAt(db, staff, nodeId, title);
    },
  };
}

/** The declared code of a refused write ('deliberation.not_own_compound'), or the platform's ('not_found'); 'ok' when it passed. */
export function refusal(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'ok',
    (e: AppError & { declared?: { code: string } }) => (e.declared?.code.startsWith('deliberation.') ? e.declared.code : e.code),
  );
}
