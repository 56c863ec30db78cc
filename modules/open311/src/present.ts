import { publicText } from '@linli/core';
import type { DemandStatus } from '@linli/demands';
import type { Open311Request, Open311Service, Open311ServiceDefinition, Open311Status, Open311Update } from './contract.ts';
import type { RequestRecord, ServiceRecord, UpdateRecord } from './open311.repository.ts';

/** Open311 knows two states: a demand is closed once it is resolved (or rejected, merged, closed). */
export const open311Status: Record<DemandStatus, Open311Status> = {
  submitted: 'open',
  accepted: 'open',
  returned: 'open',
  dispatched: 'open',
  in_progress: 'open',
  resolved: 'closed',
  evaluated: 'closed',
  closed: 'closed',
  rejected: 'closed',
  merged: 'closed',
};

/** Internal states behind each Open311 status, for the status filter of GET requests. */
export function statusesOf(status: Open311Status): DemandStatus[] {
  return (Object.keys(open311Status) as DemandStatus[]).filter((s) => open311Status[s] === status);
}

const openNotes: Partial<Record<DemandStatus, string>> = {
  submitted: 'Received; awaiting acceptance',
  accepted: 'Accepted; awaiting dispatch',
  returned: 'Being reassigned to another handling unit',
  dispatched: 'Dispatched to the handling unit',
  in_progress: 'In progress',
};

/** What the public may read about the state: the result, the reason of a rejection, the duplicate. */
export function statusNotes(r: Pick<RequestRecord, 'status' | 'result' | 'rejectReason' | 'mergedIntoNumber'>): string | null {
  switch (r.status) {
    case 'resolved':
    case 'evaluated':
    case 'closed':
      return r.result ?? 'Resolved';
    case 'rejected':
      return r.rejectReason ? `Not accepted: ${r.rejectReason}` : 'Not accepted';
    case 'merged':
      return r.mergedIntoNumber ? `Duplicate of request ${r.mergedIntoNumber}` : 'Duplicate request';
    default:
      return openNotes[r.status] ?? null;
  }
}

/** GeoReport v2: `description` is at most 4,000 characters; no free text this API sends is longer. */
export const MAX_TEXT = 4000;

/** A free text as the public may read it: personal data masked (core's masker), at most MAX_TEXT characters. */
const open311Text = (text: string, reporterName: string | null) => publicText(text, MAX_TEXT, [reporterName]);

/**
 * W3C date and time in China Standard Time to the whole second, as the spec's examples, e.g.
 * 2026-05-01T08:30:00+08:00. A past instant (requested, updated) is truncated — the second it
 * happened in. A deadline (`deadline: true`, expected_datetime) is rounded up to the next whole
 * second, so the time promised is never earlier than the stored deadline (which keeps milliseconds).
 */
export function w3cDateTime(at: Date, options: { deadline?: boolean } = {}): string {
  const ms = options.deadline ? Math.ceil(at.getTime() / 1000) * 1000 : at.getTime();
  const local = new Date(ms + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

export function presentService(s: ServiceRecord): Open311Service {
  return {
    service_code: s.code,
    service_name: s.name,
    description: s.groupName === s.name ? s.name : `${s.groupName} / ${s.name}`,
    metadata: s.attributes.length > 0,
    type: 'realtime',
    keywords: [s.groupName, s.name].filter((v, i, all) => all.indexOf(v) === i).join(', '),
    group: s.groupName,
  };
}

export function presentDefinition(s: ServiceRecord): Open311ServiceDefinition {
  return {
    service_code: s.code,
    attributes: [...s.attributes]
      .sort((a, b) => a.order - b.order)
      .map((a) => ({
        variable: true,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatype_description ?? null,
        order: a.order,
        description: a.description,
        values: a.values ?? [],
      })),
  };
}

export function presentRequest(r: RequestRecord): Open311Request {
  const closedWithoutWork = r.status === 'rejected' || r.status === 'merged';
  const notes = statusNotes(r);
  return {
    service_request_id: r.number,
    status: open311Status[r.status],
    status_notes: notes === null ? null : open311Text(notes, r.reporterName),
    service_name: r.serviceName,
    service_code: r.serviceCode,
    description: open311Text(r.description, r.reporterName),
    agency_responsible: r.agency,
    service_notice: null,
    requested_datetime: w3cDateTime(r.submittedAt),
    updated_datetime: w3cDateTime(r.updatedAt),
    expected_datetime: closedWithoutWork ? null : w3cDateTime(r.resolveDueAt, { deadline: true }),
    // A client's address_string is free text (masked); otherwise the public place down to the compound.
    address:
      r.open311Address !== null ? open311Text(r.open311Address, r.reporterName) : r.placeNames.length > 0 ? r.placeNames.join(' ') : null,
    address_id: r.placeId,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: r.mediaUrl,
  };
}

const actionLabels: Record<string, string> = {
  submit: 'Submitted',
  accept: 'Accepted',
  reject: 'Not accepted',
  dispatch: 'Dispatched to the handling unit',
  start: 'Work started',
  resolve: 'Resolved',
  evaluate: 'Evaluated by the reporter',
  close: 'Closed',
  return: 'Returned for reassignment',
  transfer: 'Transferred to another handling unit',
  escalate: 'Escalated to a higher level',
  request_extension: 'More time requested',
  decide_extension: 'Deadline reviewed',
  reopen: 'Reopened',
  merge: 'Merged as a duplicate',
  supervise: 'Under supervision',
  callback: 'Follow-up call',
};
/** Actions whose timeline note is meant for the public: the result and the reason of a rejection. */
const publicNotes = new Set(['resolve', 'reject']);

export function presentUpdate(u: UpdateRecord): Open311Update {
  const label = actionLabels[u.action] ?? u.action;
  return {
    update_id: `${u.number}-${u.seq}`,
    service_request_id: u.number,
    status: open311Status[u.toStatus],
    updated_datetime: w3cDateTime(u.at),
    description: publicNotes.has(u.action) && u.note ? open311Text(`${label}: ${u.note}`, u.reporterName) : label,
    media_url: u.mediaUrl,
  };
}
