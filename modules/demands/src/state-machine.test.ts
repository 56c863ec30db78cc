import type { Actor, Role } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { allowedActions, type DemandFacts, decide, demandActions, demandStatuses, levelAbove, transitions } from './state-machine.ts';

const actor = (role: Role, path: string, accountId = 'acc'): Actor => ({
  accountId,
  username: role,
  displayName: role,
  tenantId: '370785',
  grants: [{ id: 'g', role, nodeId: 'n', path }],
});

// county.sub.comm.compound.building.entrance.household
const household = 'c.s.m.p.b.e.h';
const base: DemandFacts = {
  status: 'submitted',
  nodePath: household,
  handlingPath: null,
  firstReceiverPath: null,
  reporterAccountId: 'resident-1',
  level: 'compound',
};
const at = (status: DemandFacts['status'], more: Partial<DemandFacts> = {}): DemandFacts => ({ ...base, status, ...more });

const communityStaff = actor('community_staff', 'c.s.m');
const otherCommunity = actor('community_staff', 'c.s.x');
const gridWorker = actor('grid_worker', 'c.s.m');
const property = actor('property_staff', 'c.s.m.p');
const county = actor('county_staff', 'c');
const resident = actor('resident', household, 'resident-1');
const neighbour = actor('resident', 'c.s.m.p.b.e.h2', 'resident-2');

describe('demand state machine', () => {
  it('declares a rule for every action, from known states only', () => {
    for (const action of demandActions) {
      const rule = transitions[action];
      expect(rule.from.length).toBeGreaterThan(0);
      for (const s of rule.from) expect(demandStatuses).toContain(s);
    }
  });

  it('walks the happy path submitted → accepted → dispatched → in_progress → resolved → evaluated → closed', () => {
    const handled = { handlingPath: 'c.s.m.p', firstReceiverPath: 'c.s.m' };
    expect(decide('accept', at('submitted'), gridWorker)).toEqual({ ok: true, to: 'accepted' });
    expect(decide('dispatch', at('accepted', { firstReceiverPath: 'c.s.m' }), communityStaff)).toEqual({ ok: true, to: 'dispatched' });
    expect(decide('start', at('dispatched', handled), property)).toEqual({ ok: true, to: 'in_progress' });
    expect(decide('resolve', at('in_progress', handled), property)).toEqual({ ok: true, to: 'resolved' });
    expect(decide('evaluate', at('resolved', handled), resident)).toEqual({ ok: true, to: 'evaluated' });
    expect(decide('close', at('evaluated', handled), communityStaff)).toEqual({ ok: true, to: 'closed' });
  });

  it('answers a wrong state with a conflict naming the current state, before looking at the caller', () => {
    expect(decide('dispatch', at('dispatched'), communityStaff)).toEqual({
      ok: false,
      code: 'conflict',
      reason: 'cannot dispatch a demand that is dispatched',
    });
    expect(decide('accept', at('closed'), otherCommunity)).toMatchObject({ ok: false, code: 'conflict' });
    for (const terminal of ['rejected', 'closed', 'merged'] as const) {
      expect(allowedActions(at(terminal, { firstReceiverPath: 'c.s.m' }), county)).toEqual([]);
    }
    // 回访 is offered after resolution and evaluation, not after 销号.
    expect(allowedActions(at('evaluated', { firstReceiverPath: 'c.s.m' }), county)).toContain('callback');
    expect(decide('callback', at('closed', { firstReceiverPath: 'c.s.m' }), county)).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('limits staff to their subtree, the handling unit or the first receiver', () => {
    expect(decide('accept', at('submitted'), otherCommunity)).toMatchObject({ ok: false, code: 'forbidden' });
    // Property staff handle only what is dispatched to their compound, and never dispatch.
    expect(decide('start', at('dispatched', { handlingPath: 'c.s.m' }), property)).toMatchObject({ code: 'forbidden' });
    expect(decide('dispatch', at('accepted'), property)).toMatchObject({ code: 'forbidden' });
    // First-receiver responsibility: the accepting community still acts on a demand located elsewhere.
    const elsewhere = at('accepted', { nodePath: 'c.s.x.q', firstReceiverPath: 'c.s.m' });
    expect(decide('dispatch', elsewhere, communityStaff)).toEqual({ ok: true, to: 'dispatched' });
    expect(decide('dispatch', elsewhere, otherCommunity)).toEqual({ ok: true, to: 'dispatched' });
    expect(decide('dispatch', at('accepted', { nodePath: 'c.s.y' }), communityStaff)).toMatchObject({ code: 'forbidden' });
  });

  it('lets only the reporter evaluate, and not staff or a neighbour', () => {
    expect(decide('evaluate', at('resolved'), neighbour)).toMatchObject({ code: 'forbidden' });
    expect(decide('evaluate', at('resolved'), communityStaff)).toMatchObject({ code: 'forbidden' });
    expect(decide('evaluate', at('resolved', { reporterAccountId: null }), resident)).toMatchObject({ code: 'forbidden' });
  });

  it('reopens only a dissatisfied evaluation, within the window', () => {
    const evaluatedAt = new Date('2026-03-01T00:00:00Z');
    const dissatisfied = at('evaluated', { satisfaction: 'dissatisfied', evaluatedAt });
    expect(decide('reopen', dissatisfied, resident, { now: new Date('2026-03-05T00:00:00Z') })).toEqual({ ok: true, to: 'dispatched' });
    expect(decide('reopen', dissatisfied, resident, { now: new Date('2026-03-09T00:00:00Z') })).toMatchObject({
      code: 'conflict',
      reason: 'the reopening window of 7 days after the evaluation has passed',
    });
    expect(decide('reopen', dissatisfied, resident, { now: new Date('2026-03-09T00:00:00Z'), reopenWindowDays: 10 })).toMatchObject({
      ok: true,
    });
    expect(decide('reopen', at('evaluated', { satisfaction: 'satisfied', evaluatedAt }), resident)).toMatchObject({ code: 'conflict' });
  });

  it('escalates up the levels and not beyond a county department', () => {
    expect(levelAbove('compound')).toBe('community');
    expect(levelAbove('community')).toBe('subdistrict');
    expect(levelAbove('subdistrict')).toBe('department');
    expect(levelAbove('department')).toBeUndefined();
    const active = at('in_progress', { handlingPath: 'c.s.m.p', level: 'compound' });
    expect(decide('escalate', active, property)).toEqual({ ok: true, to: 'dispatched' });
    expect(decide('escalate', { ...active, level: 'department', handlingPath: 'c' }, county)).toMatchObject({ code: 'conflict' });
  });

  it('takes one extension request at a time and decides only a waiting one', () => {
    const active = at('in_progress', { handlingPath: 'c.s.m.p', firstReceiverPath: 'c.s.m' });
    expect(decide('request_extension', active, property)).toEqual({ ok: true, to: 'in_progress' });
    expect(decide('decide_extension', active, communityStaff)).toMatchObject({ code: 'conflict' });
    const waiting = { ...active, extensionRequestedUntil: new Date() };
    expect(decide('request_extension', waiting, property)).toMatchObject({ code: 'conflict' });
    expect(decide('decide_extension', waiting, communityStaff)).toEqual({ ok: true, to: 'in_progress' });
    expect(decide('decide_extension', waiting, property)).toMatchObject({ code: 'forbidden' });
  });

  it('lets only a supervisor supervise, on any open demand', () => {
    expect(decide('supervise', at('in_progress'), county)).toEqual({ ok: true, to: 'in_progress' });
    expect(decide('supervise', at('in_progress'), communityStaff)).toMatchObject({ code: 'forbidden' });
    expect(decide('supervise', at('closed'), county)).toMatchObject({ code: 'conflict' });
  });

  it('lists the actions a caller may take now', () => {
    expect(allowedActions(at('submitted'), gridWorker).sort()).toEqual(['accept', 'merge', 'reject']);
    expect(allowedActions(at('resolved'), resident)).toEqual(['evaluate']);
    expect(allowedActions(at('submitted'), property)).toEqual([]);
  });
});
