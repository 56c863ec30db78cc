import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { configureAbilities, type ModuleAbilities } from '@linli/core/permissions';
import { workspacePackageDirs } from '@linli/db/migrate';

// Every test process holds the ability table the server assembles from its manifests: here from the
// pure abilities files of the workspace's modules (modules/<m>/src/abilities.ts), so a module's
// tests need not load every module. module-registry.test.ts checks that both give the same table.
const isDeclaration = (v: unknown): v is ModuleAbilities =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as ModuleAbilities).abilities) &&
  typeof (v as ModuleAbilities).grants === 'object';

const declarations: ModuleAbilities[] = [];
for (const dir of workspacePackageDirs()) {
  const file = path.join(dir, 'src', 'abilities.ts');
  if (!fs.existsSync(file)) continue;
  const exported = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  declarations.push(...Object.values(exported).filter(isDeclaration));
}
configureAbilities(declarations);
