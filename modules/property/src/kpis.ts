import type { Db } from '@linli/db';
import { StationRepository } from '@linli/deliberation';
import { GridRepository } from '@linli/grids';
import { countMeetings } from '@linli/meetings';
import { OrganisationRepository } from '@linli/organisations';
import { committeeFigures } from '@linli/owners-committees';
import { CoverageRepository } from '@linli/party';
import { territory } from '@linli/territory';
import { urbanCaseFigures } from '@linli/urban-cases';
import { CompanyRepository } from './company.repository.ts';
import type { PropertyKpis } from './contract.ts';
import { propertyFigures } from './figures.ts';
import { InstructorRepository } from './instructor.repository.ts';

/**
 * The property reform KPIs under the node (in the caller's property.read scope): the module's own
 * figures (profiles by status and mode, adopted clusters, companies by kind), with the owners'
 * committees' figures (@linli/owners-committees) and the urban-management cases' and renovation
 * figures of the range (@linli/urban-cases), the joint meetings (联席会议) held in the range
 * (@linli/meetings), and the micro-grids and 红管家 teams of the organisation network (@linli/grids,
 * @linli/organisations), the compound branches of the party records (@linli/party), the deliberation
 * stations by kind (@linli/deliberation) and the companies' party organisations and instructors, each
 * read through that module's interface.
 */
export async function propertyKpis(
  db: Db,
  scope: { tenantId: string; paths: string[] },
  range: { nodeId?: string; from: string; to: string },
): Promise<PropertyKpis> {
  const own = await propertyFigures(db, scope, range.nodeId);
  const committees = await committeeFigures(db, scope, range);
  const cases = await urbanCaseFigures(db, scope, range);
  const joint = await countMeetings(db, scope, { ...range, kind: 'joint_meeting' });
  const grids = await new GridRepository(db).figures(scope.tenantId, scope.paths, range.nodeId);
  const organisations = await new OrganisationRepository(db).countByKind(scope.tenantId, scope.paths, range.nodeId);
  const stations = await new StationRepository(db).countByKind(scope.tenantId, scope.paths, range.nodeId);
  const rootPath = range.nodeId ? (await territory.node(db, scope.tenantId, range.nodeId))?.path : undefined;
  const coverage =
    range.nodeId && rootPath === undefined ? undefined : await new CoverageRepository(db).counts(scope.tenantId, scope.paths, rootPath);
  const party = await new CompanyRepository(db).partyFigures(scope.tenantId, scope.paths, range.nodeId);
  return {
    ...own,
    ownersCommittees: committees.ownersCommittees,
    propertyManagementCommittees: committees.propertyManagementCommittees,
    committeesPartyShareMet: committees.committeesPartyShareMet,
    renovatedCompounds: cases.renovatedCompounds,
    illegalStructuresRemoved: cases.illegalStructuresRemoved,
    illegalStructureAreaM2: cases.illegalStructureAreaM2,
    rubbishTonnes: cases.rubbishTonnes,
    parkingSpaces: cases.parkingSpaces,
    chargers: cases.chargers,
    jointMeetings: { county: joint.county, subdistrict: joint.subdistrict, community: joint.community },
    microGrids: grids.microGrids,
    microGridMembers: grids.microGridMembers,
    redStewardTeams: organisations.red_steward_team ?? 0,
    compoundBranches: coverage?.compoundsWithBranch ?? 0,
    companiesWithPartyOrg: party.companiesWithPartyOrg,
    instructors: await new InstructorRepository(db).countServing(scope.tenantId, scope.paths, range.nodeId),
    stations,
  };
}
