// Types only: the parts with code are imported by their own path (@linli/web-kit/client, …/current-user,
// …/components/cursor-list) so that a page pulls in what it uses and nothing else.
export type { LocaleStrings, ModuleStrings, StringTree } from './i18n/index.ts';
export type { AbilityRule, LazyPage, MenuEntry, MobileRoute, MobileWebModule, StaffRoute, WebModule } from './web-module.ts';
