import { AppError } from '@linli/core';
import type { Db } from '@linli/db';
import { CaseRepository } from './case.repository.ts';
import type { UrbanCaseDetail } from './contract.ts';
import { urbanCasesNouns } from './errors.ts';

/** One case in scope with its timeline and photos; 404 when unknown or outside the scope. */
export async function readCaseDetail(db: Db, tenantId: string, id: string, scope: string[]): Promise<UrbanCaseDetail> {
  const cases = new CaseRepository(db);
  const found = await cases.findById(tenantId, id, scope);
  if (!found) throw AppError.notFound(urbanCasesNouns.case, id);
  const [events, photos] = await Promise.all([cases.events(tenantId, id), cases.photos(tenantId, id)]);
  return { ...found, events, photos };
}
