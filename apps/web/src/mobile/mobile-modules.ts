// The resident parts of the modules in apps/web/src/modules.ts: modules/<name>/web/mobile.ts, found
// by name. Only the resident entry (m.html) imports this file, so the staff app never reaches a
// resident page, and what the resident pages share stays in the resident app's first chunk.
import type { MobileWebModule } from '@linli/web-kit';
import { webModules } from '../modules.ts';

const found = import.meta.glob<MobileWebModule>('../../../../modules/*/web/mobile.ts', { eager: true, import: 'mobileWeb' });

/** In the order of the module list. */
export const mobileModules: MobileWebModule[] = webModules.flatMap((m) => {
  const part = found[`../../../../modules/${m.name}/web/mobile.ts`];
  return part ? [part] : [];
});
