// Which modules this build of the web app holds (apps/web/src/modules.ts sets it at start): a page
// offers what a sibling module provides (smart intake's suggestions, the statistics' rankings) only
// when that module is in the list — known when the app is built, not asked of the server at run time.
let installed = new Set<string>();

export function setInstalledModules(names: readonly string[]): void {
  installed = new Set(names);
}

export function hasModule(name: string): boolean {
  return installed.has(name);
}
