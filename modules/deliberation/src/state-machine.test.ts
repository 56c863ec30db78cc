import type { Actor, Role } from '@linli/core';
import { describe, expect, it } from 'vitest';
import {
  allowedTopicActions,
  decideTopic,
  levelAbove,
  reachesThreshold,
  type TopicFacts,
  topicActions,
  topicStatuses,
  topicTransitions,
} from './state-machine.ts';

const actor = (role: Role, path: string): Actor => ({
  accountId: 'acc',
  username: role,
  displayName: role,
  tenantId: '370785',
  grants: [{ id: 'g', role, nodeId: 'n', path }],
});

// county.subdistrict.community.compound
const base: TopicFacts = { status: 'submitted', nodePath: 'c.s.m.p', level: 'compound', redProject: false };
const at = (status: TopicFacts['status'], more: Partial<TopicFacts> = {}): TopicFacts => ({ ...base, status, ...more });
const community = actor('community_staff', 'c.s.m');
const otherCommunity = actor('community_staff', 'c.s.x');
const resident = actor('resident', 'c.s.m.p.b.e.h');

describe('topic state machine', () => {
  it('screens a submitted topic to admissible or excluded, and nothing else', () => {
    expect(decideTopic('screen', base, community, 'admissible')).toEqual({ ok: true, to: 'admissible' });
    expect(decideTopic('screen', base, community, 'excluded')).toEqual({ ok: true, to: 'excluded' });
    expect(decideTopic('screen', base, community, 'pooled')).toMatchObject({ ok: false, code: 'invalid' });
    expect(decideTopic('screen', base, community)).toMatchObject({ ok: false, code: 'invalid' });
    expect(decideTopic('screen', at('admissible'), community, 'excluded')).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('walks the whole path from pool to closed', () => {
    const path: [Parameters<typeof decideTopic>[0], TopicFacts['status'], TopicFacts['status']?][] = [
      ['pool', 'admissible'],
      ['schedule', 'pooled'],
      ['deliberate', 'scheduled'],
      ['decide', 'deliberated', 'adopted'],
      ['implement', 'adopted'],
      ['complete', 'implementing'],
      ['evaluate', 'completed'],
      ['publish', 'evaluated'],
      ['close', 'published'],
    ];
    const reached = path.map(([action, from, target]) => decideTopic(action, at(from), community, target));
    expect(reached.map((d) => (d.ok ? d.to : d.reason))).toEqual([
      'pooled',
      'scheduled',
      'deliberated',
      'adopted',
      'implementing',
      'completed',
      'evaluated',
      'published',
      'closed',
    ]);
  });

  it('decides a deliberated topic as adopted, rejected or deferred; a deferred one returns to the pool', () => {
    for (const to of ['adopted', 'rejected', 'deferred'] as const) {
      expect(decideTopic('decide', at('deliberated'), community, to)).toEqual({ ok: true, to });
    }
    expect(decideTopic('decide', at('deliberated'), community, 'closed')).toMatchObject({ ok: false, code: 'invalid' });
    expect(decideTopic('pool', at('deferred'), community)).toEqual({ ok: true, to: 'pooled' });
    expect(decideTopic('close', at('rejected'), community)).toEqual({ ok: true, to: 'closed' });
  });

  it('escalates until a red project at the subdistrict, which goes no further', () => {
    expect(decideTopic('escalate', at('pooled'), community)).toEqual({ ok: true, to: 'escalated' });
    expect(decideTopic('escalate', at('pooled', { level: 'subdistrict' }), community)).toEqual({ ok: true, to: 'escalated' });
    expect(decideTopic('escalate', at('escalated', { level: 'subdistrict', redProject: true }), community)).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(decideTopic('escalate', at('pooled', { level: 'subdistrict', redProject: true }), community)).toMatchObject({
      ok: false,
      reason: 'a red project at the subdistrict cannot be escalated further',
    });
    expect(decideTopic('schedule', at('escalated'), community)).toEqual({ ok: true, to: 'scheduled' });
    expect(levelAbove('compound')).toBe('community');
    expect(levelAbove('community')).toBe('subdistrict');
    expect(levelAbove('subdistrict')).toBeUndefined();
  });

  it('merges only topics not yet scheduled', () => {
    for (const s of ['submitted', 'admissible', 'pooled'] as const) expect(decideTopic('merge', at(s), community).ok).toBe(true);
    for (const s of ['scheduled', 'adopted', 'merged', 'excluded'] as const) {
      expect(decideTopic('merge', at(s), community)).toMatchObject({ ok: false, code: 'conflict' });
    }
  });

  it('lets only staff with deliberation.write over the place act; state is checked first', () => {
    expect(decideTopic('pool', at('admissible'), otherCommunity)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decideTopic('pool', at('admissible'), resident)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(decideTopic('pool', at('closed'), otherCommunity)).toMatchObject({ ok: false, code: 'conflict' });
    expect(decideTopic('pool', at('admissible'), actor('county_staff', 'c'))).toEqual({ ok: true, to: 'pooled' });
  });

  it('offers the actions the state allows, and none to an outsider', () => {
    expect(allowedTopicActions(base, community)).toEqual(['screen', 'merge']);
    expect(allowedTopicActions(at('pooled'), community)).toEqual(['schedule', 'escalate', 'merge']);
    expect(allowedTopicActions(at('pooled'), otherCommunity)).toEqual([]);
    expect(allowedTopicActions(at('closed'), community)).toEqual([]);
  });

  it('has a rule for every action, and every state reachable', () => {
    expect(Object.keys(topicTransitions).sort()).toEqual([...topicActions].sort());
    const reachable = new Set(['submitted', ...Object.values(topicTransitions).flatMap((r) => r.to)]);
    expect([...reachable].sort()).toEqual([...topicStatuses].sort());
  });

  it('puts a topic forward at the county threshold', () => {
    expect(reachesThreshold(9, 10)).toBe(false);
    expect(reachesThreshold(10, 10)).toBe(true);
  });
});
