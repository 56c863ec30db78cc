import { type Ability, type Actor, can } from '@linli/core';
import { type DemandAction, type DemandStatus, demandActions, type HandlingLevel, handlingLevels, openStatuses } from './vocabulary.ts';

export {
  type DemandAction,
  type DemandStatus,
  demandActions,
  demandStatuses,
  type HandlingLevel,
  handlingLevels,
  openStatuses,
  terminalStatuses,
} from './vocabulary.ts';

/** The level above, for escalation (提级): compound → community → subdistrict → department. */
export function levelAbove(level: HandlingLevel): HandlingLevel | undefined {
  return handlingLevels[handlingLevels.indexOf(level) + 1];
}

/**
 * Where an ability must hold: on the demand's location, on its handling unit, on its first
 * receiver; or the caller must be the resident who reported it.
 */
export type Authority = { ability: Ability; on: 'location' | 'handling' | 'first_receiver' } | { reporter: true };

export interface TransitionRule {
  from: readonly DemandStatus[];
  /** 'same' keeps the status (extension, supervision, callback). */
  to: DemandStatus | 'same';
  who: readonly Authority[];
}

const ACTIVE: readonly DemandStatus[] = ['dispatched', 'in_progress'];
const handler: Authority = { ability: 'demand.handle', on: 'handling' };
const dispatcherHere: Authority = { ability: 'demand.dispatch', on: 'location' };
const firstReceiver: Authority = { ability: 'demand.dispatch', on: 'first_receiver' };
const supervisor: Authority = { ability: 'demand.supervise', on: 'location' };
const reporter: Authority = { reporter: true };

/**
 * The closed loop of a demand, as data: for each action, the states it may start from, the state
 * it leads to, and who may take it. Pure — no database — so every rule is unit-tested on its own;
 * the commands load the demand, ask `decide`, and then update the row only if it is still in the
 * version they read.
 *
 *   submitted → accepted | rejected
 *   accepted | returned → dispatched → in_progress → resolved → evaluated → closed
 *   dispatched | in_progress → returned (退单) | dispatched (转办, 提级)
 *   evaluated (dissatisfied, within the window) → dispatched (重办)
 *   open states → merged (duplicate); extension requests, decisions and supervision keep the state.
 */
export const transitions: Record<DemandAction, TransitionRule> = {
  accept: { from: ['submitted'], to: 'accepted', who: [{ ability: 'demand.intake', on: 'location' }, dispatcherHere] },
  reject: { from: ['submitted'], to: 'rejected', who: [{ ability: 'demand.intake', on: 'location' }, dispatcherHere] },
  dispatch: { from: ['accepted', 'returned'], to: 'dispatched', who: [dispatcherHere, firstReceiver] },
  start: { from: ['dispatched'], to: 'in_progress', who: [handler] },
  resolve: { from: ACTIVE, to: 'resolved', who: [handler] },
  evaluate: { from: ['resolved'], to: 'evaluated', who: [reporter] },
  close: { from: ['resolved', 'evaluated'], to: 'closed', who: [firstReceiver, dispatcherHere, supervisor] },
  return: { from: ACTIVE, to: 'returned', who: [handler] },
  transfer: { from: ACTIVE, to: 'dispatched', who: [dispatcherHere, firstReceiver, { ability: 'demand.dispatch', on: 'handling' }] },
  escalate: { from: ACTIVE, to: 'dispatched', who: [handler, dispatcherHere, firstReceiver, supervisor] },
  request_extension: { from: ACTIVE, to: 'same', who: [handler] },
  decide_extension: { from: ACTIVE, to: 'same', who: [firstReceiver, dispatcherHere, supervisor] },
  reopen: { from: ['evaluated'], to: 'dispatched', who: [reporter, firstReceiver, dispatcherHere] },
  merge: {
    from: ['submitted', 'accepted', 'returned', 'dispatched', 'in_progress'],
    to: 'merged',
    who: [{ ability: 'demand.intake', on: 'location' }, dispatcherHere, firstReceiver],
  },
  supervise: { from: openStatuses, to: 'same', who: [supervisor] },
  // 回访 comes before 销号: once closed, the loop is over and nothing more is recorded on it.
  callback: {
    from: ['resolved', 'evaluated'],
    to: 'same',
    who: [{ ability: 'demand.intake', on: 'location' }, firstReceiver, { ability: 'demand.handle', on: 'first_receiver' }],
  },
};

/** What the rules need to know about a demand. */
export interface DemandFacts {
  status: DemandStatus;
  nodePath: string;
  handlingPath: string | null;
  firstReceiverPath: string | null;
  reporterAccountId: string | null;
  satisfaction?: string | null;
  evaluatedAt?: Date | null;
  extensionRequestedUntil?: Date | null;
  level?: HandlingLevel;
}

export type Decision = { ok: true; to: DemandStatus } | { ok: false; code: 'conflict' | 'forbidden'; reason: string };

export interface DecideOptions {
  now?: Date;
  /** Days after the evaluation in which a dissatisfied resident may reopen (重办). */
  reopenWindowDays?: number;
}

export const DEFAULT_REOPEN_WINDOW_DAYS = 7;

export function mayAct(actor: Actor, demand: DemandFacts, who: readonly Authority[]): boolean {
  return who.some((a) => {
    if ('reporter' in a) return demand.reporterAccountId !== null && demand.reporterAccountId === actor.accountId;
    const path = a.on === 'location' ? demand.nodePath : a.on === 'handling' ? demand.handlingPath : demand.firstReceiverPath;
    return path !== null && can(actor, a.ability, path);
  });
}

/**
 * May this actor take this action on this demand now? A wrong state is a conflict (409 with the
 * current state); the right state but the wrong person is forbidden (403). State comes first, so
 * the loser of a race learns that the demand moved on, not that they lack a permission.
 */
export function decide(action: DemandAction, demand: DemandFacts, actor: Actor, options: DecideOptions = {}): Decision {
  const rule = transitions[action];
  if (!rule.from.includes(demand.status)) {
    return { ok: false, code: 'conflict', reason: `cannot ${action.replace('_', ' ')} a demand that is ${demand.status}` };
  }
  const guard = guards[action]?.(demand, options);
  if (guard) return { ok: false, code: 'conflict', reason: guard };
  if (!mayAct(actor, demand, rule.who))
    return { ok: false, code: 'forbidden', reason: `you may not ${action.replace('_', ' ')} this demand` };
  return { ok: true, to: rule.to === 'same' ? demand.status : rule.to };
}

/** Conditions beyond the state, returning the reason when they fail. */
const guards: Partial<Record<DemandAction, (d: DemandFacts, o: DecideOptions) => string | undefined>> = {
  escalate: (d) => (d.level === 'department' ? 'a demand at a county department cannot be escalated further' : undefined),
  request_extension: (d) => (d.extensionRequestedUntil ? 'an extension request is already waiting for a decision' : undefined),
  decide_extension: (d) => (d.extensionRequestedUntil ? undefined : 'no extension request is waiting for a decision'),
  reopen: (d, o) => {
    if (d.satisfaction !== 'dissatisfied') return 'only a demand evaluated as dissatisfied can be reopened';
    const days = o.reopenWindowDays ?? DEFAULT_REOPEN_WINDOW_DAYS;
    const now = o.now ?? new Date();
    if (d.evaluatedAt && now.getTime() - d.evaluatedAt.getTime() > days * 86_400_000) {
      return `the reopening window of ${days} days after the evaluation has passed`;
    }
    return undefined;
  },
};

/** The actions this actor could take on this demand now, sent with the detail so the UI shows only those. */
export function allowedActions(demand: DemandFacts, actor: Actor, options: DecideOptions = {}): DemandAction[] {
  return demandActions.filter((a) => decide(a, demand, actor, options).ok);
}
