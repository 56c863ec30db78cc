import type { LocaleStrings } from '@linli/web-kit';
import type { auditZh } from './strings.zh-CN.ts';

// English strings of the audit pages: the keys of strings.zh-CN.ts (a missing one is a compile error).
export const auditEn: LocaleStrings<typeof auditZh> = {
  menu: {
    audit: 'Audit trail',
  },
  audit: {
    title: 'Audit trail',
    seq: 'Seq',
    at: 'Time',
    actor: 'Actor',
    action: 'Action',
    target: 'Target',
    summary: 'Event',
    result: 'Result',
    clientIp: 'IP address',
    details: 'Details',
    dateRange: 'Date range',
    verify: 'Verify chain',
    verifyOk: 'Chain intact: {{checked}} records checked',
    verifyBroken: '{{count}} breaks found ({{checked}} records checked)',
    checkpoints: 'Signed checkpoints (public notice)',
    checkpointsHelp:
      "A checkpoint records the audit chain's sequence number and head hash at a moment, signed with this installation's Ed25519 private key and kept outside the database. Once printed, anyone can check the signature with the public key below; a chain rewritten in the database no longer matches it.",
    checkpointWrite: 'Write a checkpoint',
    checkpointWritten: 'Checkpoint written (seq {{seq}})',
    print: 'Print',
    reload: 'Reload',
    fingerprint: 'Public key fingerprint (SHA-256)',
    publicKey: 'Public key (Ed25519)',
    headHash: 'Head hash',
    signature: 'Signature',
    noCheckpoints: 'No checkpoints yet',
    checkpointProblems: '{{count}} checkpoint file(s) unreadable or with an invalid signature',
    verifyCheckpoints: 'checked against {{count}} signed checkpoint(s)',
    results: { ok: 'Success', denied: 'Denied', failed: 'Failed' },
  },
};
