/**
 * The words of the demands loop — statuses, actions, levels, channels, types, urgencies,
 * satisfactions, inbox tabs — declared once for the server and the web app.
 *
 * This file imports nothing, so the web build takes it as it is (`@linli/demands/vocabulary`):
 * the schemas (contract.ts), the state machine and the pages all read these lists. Adding a word
 * here adds it to the API's enums and to the web's filters; its labels live in the web's i18n files.
 */
export const demandStatuses = [
  'submitted',
  'accepted',
  'rejected',
  'returned',
  'dispatched',
  'in_progress',
  'resolved',
  'evaluated',
  'closed',
  'merged',
] as const;
export type DemandStatus = (typeof demandStatuses)[number];

export const terminalStatuses: readonly DemandStatus[] = ['rejected', 'closed', 'merged'];
export const openStatuses: readonly DemandStatus[] = demandStatuses.filter((s) => !terminalStatuses.includes(s));

/** 小事小区办、大事社区办、难事街道办, and county departments above them. */
export const handlingLevels = ['compound', 'community', 'subdistrict', 'department'] as const;
export type HandlingLevel = (typeof handlingLevels)[number];

export const demandActions = [
  'accept',
  'reject',
  'dispatch',
  'start',
  'resolve',
  'evaluate',
  'close',
  'return',
  'transfer',
  'escalate',
  'request_extension',
  'decide_extension',
  'reopen',
  'merge',
  'supervise',
  'callback',
] as const;
export type DemandAction = (typeof demandActions)[number];

export const demandChannels = [
  'hotline_12345',
  'mobile',
  'web',
  'grid_visit',
  'wish_box',
  'bench_meeting',
  'walk_in',
  'petition',
  'online_opinion',
] as const;
export type Channel = (typeof demandChannels)[number];

export const demandTypes = ['enquiry', 'help', 'complaint', 'suggestion', 'report', 'praise'] as const;
export type DemandType = (typeof demandTypes)[number];

export const urgencies = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof urgencies)[number];

export const satisfactions = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof satisfactions)[number];

export const reporterKinds = ['resident', 'caller', 'anonymous'] as const;
export type ReporterKind = (typeof reporterKinds)[number];

export const inboxTabs = ['to_accept', 'to_dispatch', 'in_progress', 'due_soon', 'overdue', 'to_callback'] as const;
export type InboxTab = (typeof inboxTabs)[number];
