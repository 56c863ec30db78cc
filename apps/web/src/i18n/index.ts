// The strings of both apps: the shell's (this folder), the shared components' (web-kit) and every
// module's in apps/web/src/modules.ts, Chinese in the first load and English on demand. The type of
// t() keys is their union, so a key that no module defines is a compile error.
import type { LocaleStrings } from '@linli/web-kit';
import { type KitStrings, setupI18n } from '@linli/web-kit/i18n';
import { webModules } from '../modules.ts';
import { shellZh } from './zh-CN.ts';

const i18n = setupI18n([
  { 'zh-CN': shellZh, 'en-US': () => import('./en-US.ts').then((m) => m.shellEn) },
  ...webModules.map((m) => m.strings),
]);

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type ModulesZh = UnionToIntersection<(typeof webModules)[number]['strings']['zh-CN']>;
export type Resources = LocaleStrings<KitStrings & typeof shellZh & ModulesZh>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Resources };
  }
}

export default i18n;
