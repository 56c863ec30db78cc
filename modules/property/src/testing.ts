import type { RequestContext } from '@linli/core';
import type { Database } from '@linli/db';
import { createContract } from './commands/create-contract.ts';
import { recordCollection } from './commands/record-collection.ts';
import { createCompany } from './commands/save-company.ts';
import { saveProfile } from './commands/save-profile.ts';
import type { CompanyKind, ServiceMode } from './contract.ts';
import { creditCodeFrom } from './vocabulary.ts';

// Test factories of the property module, for its tests and other modules' (the cluster planner).
// They go through the module's commands, so every row is as a user would have made it.

let serial = 0;

/** A valid, unused credit code (统一社会信用代码). */
export function testCreditCode(): string {
  serial++;
  return creditCodeFrom(`91370785MA${String(serial).padStart(7, '0')}`);
}

/** Registers a company of `kind` in the community (as `ctx`). */
export async function makeCompany(database: Database, ctx: RequestContext, communityId: string, kind: CompanyKind, name?: string) {
  return database.db.transaction((tx) =>
    createCompany(tx, ctx, {
      communityId,
      kind,
      name: name ?? `测试物业${++serial}`,
      creditCode: testCreditCode(),
      servicePhone: '0536-2345678',
    }),
  );
}

/**
 * Gives a compound a profile: its floor area, and when `company` is given a current contract with
 * the fee and a collection rate for 2025, and the service mode. Answers the contract id (or null).
 */
export async function makeProfile(
  database: Database,
  ctx: RequestContext,
  input: {
    compoundId: string;
    floorAreaM2?: number;
    company?: { id: string; fee: number; rate?: number };
    satisfaction?: number | null;
    serviceMode?: ServiceMode | null;
  },
): Promise<string | null> {
  let contractId: string | null = null;
  if (input.company) {
    const company = input.company;
    const contract = await database.db.transaction((tx) =>
      createContract(tx, ctx, {
        companyId: company.id,
        compoundId: input.compoundId,
        startsOn: '2024-01-01',
        endsOn: '2026-12-31',
        services: ['保洁', '秩序维护'],
        feePerM2Month: company.fee,
      }),
    );
    contractId = contract.id;
    if (company.rate !== undefined) {
      await database.db.transaction((tx) => recordCollection(tx, ctx, contract.id, { period: '2025', rate: company.rate as number }));
    }
  }
  await database.db.transaction((tx) =>
    saveProfile(tx, ctx, input.compoundId, {
      floorAreaM2: input.floorAreaM2 ?? 10000,
      ...(input.satisfaction !== undefined ? { satisfaction: input.satisfaction } : {}),
      ...(input.serviceMode !== undefined ? { serviceMode: input.serviceMode } : {}),
    }),
  );
  return contractId;
}
