import { accountsModule } from '@linli/accounts';
import { auditModule } from '@linli/audit';
import type { ModuleManifest } from '@linli/core';
import { demandsModule } from '@linli/demands';
import { gridsModule } from '@linli/grids';
import { notificationsModule } from '@linli/notifications';
import { organisationsModule } from '@linli/organisations';
import { partyModule } from '@linli/party';
import { peopleModule } from '@linli/people';
import { territoryModule } from '@linli/territory';

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
  demandsModule,
  notificationsModule,
  auditModule,
];
