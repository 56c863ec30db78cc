import {
  type App,
  AppError,
  attachmentHeader,
  auditEntry,
  auditKeys,
  buildWorkbook,
  decodeCursor,
  encodeCursor,
  errorResponses,
  type ModuleDeps,
  readAuditCheckpoints,
  recordAudit,
  requireAbility,
  requireContext,
  type StoredCheckpoint,
  signedText,
  verifyAuditChain,
  writeAuditCheckpoints,
  XLSX_TYPE,
} from '@linli/core';
import { type Static, Type } from 'typebox';
import { type AuditEventRow, auditRepository } from './audit.repository.ts';
import { AuditEventView, AuditQuery, CheckpointsView, CheckpointView, VerifyView } from './contract.ts';
import { auditErrors } from './errors.ts';
import { auditActionLabels, auditTargetLabels } from './labels.ts';

const errors = errorResponses(400, 401, 403);

function view(e: AuditEventRow, names: Map<string, string>) {
  return {
    seq: e.seq,
    at: new Date(e.at).toISOString(),
    actorId: e.actor_id,
    // Who acted, by the name people know them by today; the name recorded at the time when the account is gone.
    actorName: (e.actor_id && names.get(`account:${e.actor_id}`)) || e.actor_name,
    action: e.action,
    targetType: e.target_type,
    targetId: e.target_id,
    targetName: (e.target_type && e.target_id && names.get(`${e.target_type}:${e.target_id}`)) || null,
    result: e.result,
    clientIp: e.client_ip,
    details: e.details ?? {},
    hash: e.hash,
  };
}

/** Only the audit admin reads the trail (separation of duties); the tenant is the caller's own. */
export async function auditRoutes(app: App, { db, config }: ModuleDeps): Promise<void> {
  const dir = config.auditCheckpoints.dir;
  const checkpointView = (c: StoredCheckpoint) => ({
    tenantId: c.tenantId,
    seq: c.seq,
    hash: c.hash,
    keyedFrom: c.keyedFrom,
    at: c.at,
    signature: c.signature,
    signedText: signedText(c),
    file: c.file,
  });
  /** The tenant's chain checked against all its signed checkpoints. */
  const verifyTenant = async (tenantId: string) => {
    const { checkpoints, problems } = await readAuditCheckpoints(dir, { tenantId });
    const result = await verifyAuditChain(db, { tenantId, checkpoints });
    return {
      checked: result.checked,
      breaks: result.breaks.map(({ seq, reason }) => ({ seq, reason })),
      checkpoints: checkpoints.length,
      checkpointProblems: problems.map(({ file, reason }) => ({ file, reason })),
    };
  };

  const list = (ctxTenant: string, q: Static<typeof AuditQuery>, limit: number) =>
    auditRepository.list(db, { tenantId: ctxTenant, ...q, beforeSeq: decodeCursor(q.cursor, Type.Integer({ minimum: 1 })), limit });
  const named = async (tenantId: string, found: AuditEventRow[]) => {
    const names = await auditRepository.targetNames(db, tenantId, found);
    return found.map((e) => view(e, names));
  };

  app.get(
    '/audit/events',
    {
      schema: {
        operationId: 'listAuditEvents',
        tags: ['audit'],
        summary: 'Audit trail, newest first',
        querystring: AuditQuery,
        response: {
          200: Type.Object({ items: Type.Array(AuditEventView), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'audit.read');
      const limit = request.query.limit ?? 50;
      const found = await list(ctx.actor.tenantId, request.query, limit + 1);
      const items = await named(ctx.actor.tenantId, found.slice(0, limit));
      return { items, nextCursor: found.length > limit ? encodeCursor(items.at(-1)!.seq) : null };
    },
  );

  app.get(
    '/audit/events/export.xlsx',
    { schema: { operationId: 'exportAuditEvents', tags: ['audit'], summary: 'Export the filtered audit trail', querystring: AuditQuery } },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'audit.read');
      const found = await named(ctx.actor.tenantId, await list(ctx.actor.tenantId, request.query, 50_000));
      const buffer = await buildWorkbook(
        'audit',
        [
          { header: '序号 Seq', key: 'seq', value: (e) => e.seq },
          { header: '时间 Time', key: 'at', width: 26, value: (e) => e.at },
          { header: '操作人 Actor', key: 'actorName', value: (e) => e.actorName },
          { header: '操作 Action', key: 'action', width: 28, value: (e) => auditActionLabels[e.action]?.name.zh ?? e.action },
          { header: '操作代码 Action code', key: 'actionCode', width: 28, value: (e) => e.action },
          {
            header: '对象类型 Target type',
            key: 'targetType',
            value: (e) => (e.targetType ? (auditTargetLabels[e.targetType]?.zh ?? e.targetType) : null),
          },
          { header: '对象 Target', key: 'targetName', width: 24, value: (e) => e.targetName },
          { header: '对象标识 Target id', key: 'targetId', width: 38, value: (e) => e.targetId },
          { header: '结果 Result', key: 'result', value: (e) => e.result },
          { header: '地址 Client', key: 'clientIp', width: 18, value: (e) => e.clientIp },
          { header: '详情 Details', key: 'details', width: 60, value: (e) => JSON.stringify(e.details) },
          { header: '哈希 Hash', key: 'hash', width: 66, value: (e) => e.hash },
        ],
        found,
      );
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', attachmentHeader('audit-trail.xlsx')).send(buffer);
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        operationId: 'verifyAuditChain',
        tags: ['audit'],
        summary: "Recompute my tenant's hash chain and check it against the signed checkpoints",
        response: { 200: VerifyView, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'audit.read');
      return verifyTenant(ctx.actor.tenantId);
    },
  );

  app.get(
    '/audit/checkpoints',
    {
      schema: {
        operationId: 'listAuditCheckpoints',
        tags: ['audit'],
        summary: "The latest signed checkpoints of my tenant's chain head, with the public key to check them",
        response: { 200: CheckpointsView, ...errors },
      },
    },
    async (request) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'audit.read');
      const keys = auditKeys();
      const { checkpoints, problems } = await readAuditCheckpoints(dir, { tenantId: ctx.actor.tenantId, limit: 20 });
      return {
        publicKey: keys.publicKeyBase64,
        fingerprint: keys.fingerprint,
        items: checkpoints.map(checkpointView),
        problems: problems.map(({ file, reason }) => ({ file, reason })),
      };
    },
  );

  app.post(
    '/audit/checkpoints',
    {
      schema: {
        operationId: 'writeAuditCheckpoint',
        tags: ['audit'],
        summary: "Verify my tenant's chain, then write a signed checkpoint of its head (409 when the chain is broken)",
        response: { 201: CheckpointView, ...errorResponses(401, 403, 409) },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'audit.read');
      const tenantId = ctx.actor.tenantId;
      const verified = await verifyTenant(tenantId);
      if (verified.breaks.length > 0 || verified.checkpointProblems.length > 0) {
        // A checkpoint of a broken chain would vouch for it.
        throw AppError.of(auditErrors.chain_broken, undefined, {
          breaks: verified.breaks.slice(0, 20),
          checkpointProblems: verified.checkpointProblems.slice(0, 20),
        });
      }
      // The record of this request comes first, so the checkpoint covers it.
      await recordAudit(db, auditEntry(ctx, 'audit.checkpoint', { type: 'audit_chain', id: tenantId }, { checked: verified.checked }));
      const [written] = await writeAuditCheckpoints(db, dir, { tenantId, force: true });
      return reply.status(201).send(checkpointView(written!));
    },
  );
}
