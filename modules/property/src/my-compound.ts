import type { Actor } from '@linli/core';
import type { Db } from '@linli/db';
import { CommitteeRepository } from '@linli/owners-committees';
import { territory } from '@linli/territory';
import { CompanyRepository } from './company.repository.ts';
import { ContractRepository } from './contract.repository.ts';
import type { MyCompound } from './contract.ts';
import { ProfileRepository } from './profile.repository.ts';
import { ReceptionRepository } from './reception.repository.ts';

/**
 * What a resident's phone shows of the compounds their households are in (their resident grants):
 * the management status and service mode, the company serving it with its service number, the
 * current contract's period, services, fee standard and latest collection rate, and the active
 * owners' committee with its term and members (names masked: 王**), and the next property manager
 * reception days (物业经理接待日). The reads are scoped to the
 * resident's own compound; compounds without a property profile are left out.
 */
export async function readMyCompounds(db: Db, actor: Actor, now = new Date()): Promise<MyCompound[]> {
  const tenantId = actor.tenantId;
  // Today in China (UTC+8, no daylight saving): the reception days from today on.
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const compounds = new Map<string, { id: string; path: string }>();
  for (const grant of actor.grants.filter((g) => g.role === 'resident')) {
    const compound = await territory.ancestorOfKind(db, tenantId, grant.path, 'compound');
    if (compound) compounds.set(compound.id, { id: compound.id, path: compound.path });
  }
  const out: MyCompound[] = [];
  for (const compound of compounds.values()) {
    const scope = [compound.path];
    const profile = await new ProfileRepository(db).findById(tenantId, compound.id, scope);
    if (!profile) continue;
    const company = profile.companyId ? ((await new CompanyRepository(db).card(tenantId, profile.companyId)) ?? null) : null;
    const contract = profile.contractId ? await new ContractRepository(db).findById(tenantId, profile.contractId, scope) : undefined;
    const latest = contract?.collections.at(-1);
    const committees = new CommitteeRepository(db);
    const active = await committees.activeOf(tenantId, compound.id);
    const detail = active ? await committees.findById(tenantId, active.id, scope) : undefined;
    const members = detail ? await committees.members(tenantId, detail.id, { roster: [], sensitive: [] }) : [];
    out.push({
      compoundId: profile.compoundId,
      compoundName: profile.compoundName,
      communityName: profile.communityName,
      status: profile.status,
      serviceMode: profile.serviceMode,
      company,
      contract: contract
        ? {
            startsOn: contract.startsOn,
            endsOn: contract.endsOn,
            services: contract.services,
            feePerM2Month: contract.feePerM2Month,
            collectionRate: latest?.rate ?? null,
            collectionPeriod: latest?.period ?? null,
          }
        : null,
      committee: detail
        ? {
            name: detail.name,
            kind: detail.kind,
            termStart: detail.termStart,
            termEnd: detail.termEnd,
            members: members.filter((m) => m.until === null).map((m) => ({ id: m.id, name: m.name, position: m.position })),
          }
        : null,
      receptionDays: await new ReceptionRepository(db).upcoming(tenantId, compound.id, today),
    });
  }
  return out;
}
