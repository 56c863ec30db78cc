import { AppError, auditEntry, type RequestContext, recordAudit, requireAbility } from '@linli/core';
import type { Tx } from '@linli/db';
import { territory } from '@linli/territory';
import type { Settings } from '../contract.ts';
import { SettingsRepository } from '../settings.repository.ts';
import { isRealDate } from './compound-residents.ts';

/** Sets the county's rule date (committees formed on or after it need ≥ 50 % party members); county-wide write only. */
export async function setPartyRule(tx: Tx, ctx: RequestContext, input: { partyRuleFrom: string }): Promise<Settings> {
  const tenantId = ctx.actor.tenantId;
  const county = await territory.countyRoot(tx, tenantId);
  requireAbility(ctx.actor, 'ownersCommittees.write', county?.path ?? '-');
  if (!isRealDate(input.partyRuleFrom)) throw AppError.invalid([{ field: 'partyRuleFrom', reason: 'is not a date' }]);
  await new SettingsRepository(tx).setPartyRuleFrom(tenantId, input.partyRuleFrom, ctx.actor.accountId);
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'ownersCommittees.settings.update',
      { type: 'owners_committee_setting', id: tenantId },
      { partyRuleFrom: input.partyRuleFrom },
    ),
  );
  return { partyRuleFrom: input.partyRuleFrom };
}
