import { accountsModule } from '@linli/accounts';
import { auditModule } from '@linli/audit';
import { ballotsModule } from '@linli/ballots';
import { calendarModule } from '@linli/calendar';
import type { ModuleManifest } from '@linli/core';
import { deliberationModule } from '@linli/deliberation';
import { demandImportModule } from '@linli/demand-import';
import { demandSmartModule } from '@linli/demand-smart';
import { demandStatsModule } from '@linli/demand-stats';
import { demandsModule } from '@linli/demands';
import { departmentsModule } from '@linli/departments';
import { gridsModule } from '@linli/grids';
import { meetingsModule } from '@linli/meetings';
import { notificationsModule } from '@linli/notifications';
import { open311Module } from '@linli/open311';
import { opinionMapModule } from '@linli/opinion-map';
import { organisationsModule } from '@linli/organisations';
import { ownersCommitteesModule } from '@linli/owners-committees';
import { partyModule } from '@linli/party';
import { peopleModule } from '@linli/people';
import { propertyModule } from '@linli/property';
import { propertyEvaluationModule } from '@linli/property-evaluation';
import { resolutionsModule } from '@linli/resolutions';
import { serviceClustersModule } from '@linli/service-clusters';
import { territoryModule } from '@linli/territory';
import { urbanCasesModule } from '@linli/urban-cases';
import { workbenchModule } from '@linli/workbench';

/**
 * The modules the server loads, in order. Each folder under modules/ exports one manifest; the
 * accounts module comes first because its setup installs authentication for every request.
 */
export const modules: ModuleManifest[] = [
  accountsModule,
  territoryModule,
  peopleModule,
  partyModule,
  gridsModule,
  organisationsModule,
  departmentsModule,
  demandsModule,
  demandStatsModule,
  calendarModule,
  demandImportModule,
  demandSmartModule,
  open311Module,
  notificationsModule,
  workbenchModule,
  auditModule,
  ballotsModule,
  deliberationModule,
  meetingsModule,
  opinionMapModule,
  resolutionsModule,
  propertyModule,
  serviceClustersModule,
  urbanCasesModule,
  ownersCommitteesModule,
  propertyEvaluationModule,
];
