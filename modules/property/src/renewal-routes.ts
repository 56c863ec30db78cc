import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, errorResponses, requireAbility, requireContext, runWrite, sendXlsx, toXlsx } from '@linli/core';
import type { Db } from '@linli/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { recordRenewalDecision } from './commands/record-renewal-decision.ts';
import { ContractRepository } from './contract.repository.ts';
import { RenewalDecision, RenewalDecisionBody, RenewalDecisions } from './contract.ts';
import { propertyNouns } from './errors.ts';
import { ProfileRepository } from './profile.repository.ts';

const tags = ['property'];
const errors = errorResponses(400, 403, 404, 409);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const decisionLabels = { renew: '续聘', rectify: '整改', terminate: '解聘' } as const;
const china = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Contract renewal decisions (续聘 / 整改 / 解聘) with the evaluation scores they were based on: list, Excel, record. */
export function renewalRoutes(fastify: FastifyInstance, db: Db): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  const read = async (actor: Parameters<typeof requireAbility>[0], contractId: string) => {
    const scope = requireAbility(actor, 'property.read');
    const contracts = new ContractRepository(db);
    const contract = await contracts.findById(actor.tenantId, contractId, scope);
    if (!contract) throw AppError.notFound(propertyNouns.contract, contractId);
    return {
      contract,
      scores: await new ProfileRepository(db).scores(actor.tenantId, contract.compoundId),
      decisions: await contracts.decisions(actor.tenantId, contractId),
    };
  };

  app.get(
    '/property/contracts/:id/renewal-decisions',
    {
      schema: {
        operationId: 'listPropertyRenewalDecisions',
        summary: 'A contract’s renewal decisions (newest first) and the compound’s evaluation scores a new decision would be based on',
        tags,
        params: IdParams,
        response: { 200: RenewalDecisions, ...errors },
      },
    },
    async (request) => read(requireContext(request).actor, request.params.id),
  );

  app.get(
    '/property/contracts/:id/renewal-decisions/export.xlsx',
    {
      schema: {
        operationId: 'exportPropertyRenewalDecisions',
        summary: 'A contract’s renewal decisions as Excel',
        tags,
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { contract, decisions } = await read(requireContext(request).actor, request.params.id);
      const file = await toXlsx([
        {
          name: '续聘解聘决定',
          columns: [
            { header: '物业企业', key: 'companyName', width: 28 },
            { header: '小区', key: 'compoundName', width: 22 },
            { header: '决定', key: 'decision', width: 8 },
            { header: '理由', key: 'reason', width: 40 },
            { header: '依据的测评得分', key: 'basis', width: 36 },
            { header: '决定人', key: 'decidedByName', width: 12 },
            { header: '时间', key: 'decidedAt', width: 18 },
          ],
          rows: decisions.map((d) => ({
            companyName: contract.companyName,
            compoundName: contract.compoundName,
            decision: decisionLabels[d.decision],
            reason: d.reason,
            basis: d.basis.map((b) => `${b.period}：${b.score}`).join('；') || '（无测评得分）',
            decidedByName: d.decidedByName ?? '',
            decidedAt: china(d.decidedAt),
          })),
        },
      ]);
      return sendXlsx(reply, file, `续聘解聘决定-${contract.compoundName}.xlsx`, 'property-renewal-decisions.xlsx');
    },
  );

  app.post(
    '/property/contracts/:id/renewal-decisions',
    {
      schema: {
        operationId: 'recordPropertyRenewalDecision',
        summary:
          'Record a renewal decision (renew 续聘, rectify 整改, terminate 解聘) with a reason; the compound’s evaluation scores are kept with it (audited)',
        tags,
        params: IdParams,
        body: RenewalDecisionBody,
        response: { 201: RenewalDecision, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = requireContext(request);
      requireAbility(ctx.actor, 'property.write');
      const saved = await runWrite(db, (tx) => recordRenewalDecision(tx, ctx, request.params.id, request.body));
      return reply.status(201).send(saved);
    },
  );
}
