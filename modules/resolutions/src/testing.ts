import type { RequestContext } from '@linli/core';
import { type Db, one } from '@linli/db';
import { buildDemandWorld, contextOf, type DemandWorld, demandAt } from '@linli/demands/testing';
import { sql } from 'drizzle-orm';
import { addMember } from './commands/add-member.ts';
import { createCommittee } from './commands/create-committee.ts';
import { createResolution } from './commands/create-resolution.ts';
import type { CreateResolutionBody, ResolutionDetail } from './contract.ts';

/**
 * Test factories of resolutions, on the demands test world (a county, 2 subdistricts × 2
 * communities × 2 compounds …, real accounts): the committee of compounds[0] with three members —
 * the neighbour (a resident with an account, evaluates on the phone), a building leader without an
 * account who owns a task, and an elder — and a compound staff account of compounds[0].
 */
export interface ResolutionWorld extends DemandWorld {
  committeeId: string;
  members: { neighbour: string; leader: string; elder: string };
  compoundStaff: RequestContext;
}

export async function buildResolutionWorld(db: Db, tenantId = '370785'): Promise<ResolutionWorld> {
  const world = await buildDemandWorld(db, tenantId);
  const compound = world.tree.compounds[0]!;
  const compoundStaff = (await contextOf(db, tenantId, 'compound_staff', compound, 'compound')).ctx;
  const staff = world.ctx.community;
  const { id: committeeId } = await db.transaction((tx) => createCommittee(tx, staff, { nodeId: compound.id }));
  const member = (name: string, kind: 'elder_sage' | 'building_leader' | 'resident_rep', accountId?: string) =>
    db.transaction((tx) => addMember(tx, staff, committeeId, { name, kind, accountId })).then((m) => m.id);
  const members = {
    neighbour: await member('李阿姨', 'resident_rep', world.ctx.neighbour.actor.accountId),
    leader: await member('张楼长', 'building_leader'),
    elder: await member('王老师', 'elder_sage'),
  };
  return { ...world, committeeId, members, compoundStaff };
}

/** A resolution of compounds[0] with two tasks: the property company's, and one owned by the building leader (a committee member). */
export function resolutionAt(db: Db, world: ResolutionWorld, input: Partial<CreateResolutionBody> = {}): Promise<ResolutionDetail> {
  return db.transaction((tx) =>
    createResolution(tx, world.ctx.community, {
      nodeId: world.tree.compounds[0]!.id,
      title: '更换小区破损路灯',
      decidedOn: '2026-01-10',
      tasks: [
        {
          title: '采购并安装路灯',
          ownerKind: 'unit',
          ownerName: '物业服务中心',
          deadline: '2026-03-31',
          fundingNote: '公共收益列支 1.2 万元',
        },
        {
          title: '施工期间告知住户',
          ownerKind: 'person',
          ownerName: '张楼长',
          ownerMemberId: world.members.leader,
          deadline: '2026-02-28',
        },
      ],
      ...input,
    }),
  );
}

/** A demand of households[0], submitted by the resident and accepted (the source of a resolution). */
export const sourceDemand = (db: Db, world: ResolutionWorld) => demandAt(db, world, 'accepted');

/** The outbox events of a type. */
export async function outboxCount(db: Db, type: string): Promise<number> {
  const row = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM outbox_event WHERE type = ${type}`);
  return row?.n ?? 0;
}
