import type { TopicStatus } from './vocabulary.ts';

// The demo's walks through the topic states: the states a topic passes after submission to reach
// each status, and the action of each step (as the state machine names them).

/** The path through the states to reach each status (after submit). */
export const paths: Record<string, TopicStatus[]> = {
  submitted: [],
  admissible: ['admissible'],
  pooled: ['admissible', 'pooled'],
  scheduled: ['admissible', 'pooled', 'scheduled'],
  deliberated: ['admissible', 'pooled', 'scheduled', 'deliberated'],
  adopted: ['admissible', 'pooled', 'scheduled', 'deliberated', 'adopted'],
  rejected: ['admissible', 'pooled', 'scheduled', 'deliberated', 'rejected'],
  deferred: ['admissible', 'pooled', 'scheduled', 'deliberated', 'deferred'],
  escalated: ['admissible', 'pooled', 'escalated'],
  implementing: ['admissible', 'pooled', 'scheduled', 'deliberated', 'adopted', 'implementing'],
  completed: ['admissible', 'pooled', 'scheduled', 'deliberated', 'adopted', 'implementing', 'completed'],
  evaluated: ['admissible', 'pooled', 'scheduled', 'deliberated', 'adopted', 'implementing', 'completed', 'evaluated'],
  published: ['admissible', 'pooled', 'scheduled', 'deliberated', 'adopted', 'implementing', 'completed', 'evaluated', 'published'],
  closed: ['admissible', 'pooled', 'scheduled', 'deliberated', 'adopted', 'implementing', 'completed', 'evaluated', 'published', 'closed'],
};
export const actionTo: Record<string, string> = {
  admissible: 'screen',
  excluded: 'screen',
  pooled: 'pool',
  scheduled: 'schedule',
  deliberated: 'deliberate',
  adopted: 'decide',
  rejected: 'decide',
  deferred: 'decide',
  escalated: 'escalate',
  implementing: 'implement',
  completed: 'complete',
  evaluated: 'evaluate',
  published: 'publish',
  closed: 'close',
};
