import { accountsModule } from '@linli/accounts';
import { auditModule } from '@linli/audit';
import type { ModuleManifest } from '@linli/core';

/** The modules the server loads, in order. Each folder under modules/ exports one manifest. */
export const modules: ModuleManifest[] = [accountsModule, auditModule];
