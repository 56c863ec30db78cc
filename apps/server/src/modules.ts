import { accountsModule } from '@linli/accounts';
import { auditModule } from '@linli/audit';
import { calendarModule } from '@linli/calendar';
import type { ModuleManifest } from '@linli/core';
import { demandImportModule } from '@linli/demand-import';
import { demandSmartModule } from '@linli/demand-smart';
import { demandStatsModule } from '@linli/demand-stats';
import { demandsModule } from '@linli/demands';
import { departmentsModule } from '@linli/departments';
import { gridsModule } from '@linli/grids';
import { notificationsModule } from '@linli/notifications';
import { open311Module } from '@linli/open311';
import { organisationsModule } from '@linli/organisations';
import { partyModule } from '@linli/party';
import { peopleModule } from '@linli/people';
import { territoryModule } from '@linli/territory';
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
];
