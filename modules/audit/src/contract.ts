import { type Static, Type } from 'typebox';

export const AuditQuery = Type.Object({
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 100, description: 'Prefix, e.g. "people." or "auth.login"' })),
  targetType: Type.Optional(Type.String({ maxLength: 64 })),
  targetId: Type.Optional(Type.String({ maxLength: 100 })),
  result: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('denied'), Type.Literal('failed')])),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

export const AuditEventView = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  targetName: Type.Union([Type.String(), Type.Null()], {
    description: "the record's display name today (a person's name masked); null when unknown or deleted",
  }),
  result: Type.String(),
  clientIp: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});

export const VerifyView = Type.Object({
  checked: Type.Integer(),
  breaks: Type.Array(Type.Object({ seq: Type.Integer(), reason: Type.String() })),
  /** Signed checkpoints the chain was checked against, and checkpoint files that failed their signature. */
  checkpoints: Type.Integer(),
  checkpointProblems: Type.Array(Type.Object({ file: Type.String(), reason: Type.String() })),
});

export const CheckpointView = Type.Object({
  tenantId: Type.String(),
  seq: Type.Integer(),
  hash: Type.String(),
  keyedFrom: Type.Integer({ description: 'first sequence number of the keyed (HMAC-SHA-256) part of the chain' }),
  at: Type.String(),
  signature: Type.String({ description: 'Ed25519 signature (base64) of signedText' }),
  signedText: Type.String({ description: 'the exact text signed: canonical JSON of format, tenantId, seq, hash, keyedFrom, at' }),
  file: Type.String(),
});

export const CheckpointsView = Type.Object({
  publicKey: Type.String({ description: 'Ed25519 public key, base64 of its 32 raw bytes' }),
  fingerprint: Type.String({ description: 'SHA-256 of the raw public key, in groups of four hex digits' }),
  items: Type.Array(CheckpointView),
  problems: Type.Array(Type.Object({ file: Type.String(), reason: Type.String() })),
});

export type AuditEvent = Static<typeof AuditEventView>;
export type AuditVerify = Static<typeof VerifyView>;
export type AuditCheckpoint = Static<typeof CheckpointView>;
export type AuditCheckpoints = Static<typeof CheckpointsView>;
