// First-load bytes per route: `npm run bench -- web [--json]` after `npm run build:web`.
// Deterministic, from the build output alone (no browser, no server): for each route, the HTML entry
// it is served (index.html: staff app, m.html: resident pages), the chunk of the page it opens, and
// everything those statically import (what the browser fetches before the page can render: the entry
// script, its modulepreloads, its stylesheets), summed as the server sends them — the .br copy the
// build wrote (brotli; gzip beside it for comparison), the file itself where none was written (below
// the 1 KiB compression threshold). Lazy chunks a page opens later (a dialog, a chart) are not counted.
import fs from 'node:fs';
import path from 'node:path';

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface Route {
  /** What the bench JSON calls it. */
  name: string;
  /** The address a browser opens. */
  url: string;
  /** The HTML entry the server answers with (a key of the manifest: index.html or m.html). */
  entry: string;
  /** Source files of the lazily imported pages the route renders at once (manifest keys). */
  pages: string[];
  /** The route people come from by client-side navigation (its files are loaded): `br_after` counts only what is new. */
  after?: string;
}

export const routes: Route[] = [
  { name: 'staff_login', url: '/login', entry: 'index.html', pages: ['src/features/auth/login-page.tsx'] },
  {
    name: 'staff_inbox',
    url: '/demands',
    entry: 'index.html',
    pages: ['../../modules/demands/web/demand-inbox-page.tsx'],
    after: 'staff_login',
  },
  {
    name: 'staff_dashboard',
    url: '/demands/dashboard',
    entry: 'index.html',
    pages: ['../../modules/demand-stats/web/demand-dashboard-page.tsx'],
    after: 'staff_login',
  },
  { name: 'm_login', url: '/login?next=/m', entry: 'm.html', pages: [] },
  { name: 'm_home', url: '/m', entry: 'm.html', pages: ['src/mobile/mobile-app.tsx'], after: 'm_login' },
  {
    name: 'm_submit',
    url: '/m/demands/new',
    entry: 'm.html',
    pages: ['src/mobile/mobile-app.tsx', '../../modules/demands/web/mobile/submit-demand.tsx'],
    after: 'm_home',
  },
  {
    name: 'public_board',
    url: '/board/:tenant/:community',
    entry: 'm.html',
    pages: ['../../modules/demand-stats/web/board/board-page.tsx'],
  },
];

/** The files a route loads before it renders: its entry and pages with their static imports and CSS, HTML first. */
export function filesOf(manifest: Manifest, route: Route): string[] {
  const files = new Set<string>([route.entry]);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${route.name}: ${key} is not in the build manifest`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(route.entry);
  for (const page of route.pages) visit(page);
  return [...files];
}

export interface FirstLoad {
  url: string;
  entry: string;
  /** Bytes sent with brotli (the .br copy, or the file where the build wrote none). */
  br: number;
  /** Of those, what is not already cached from the route people come from (`after`); equal to br without one. */
  br_after: number;
  /** The same with gzip. */
  gzip: number;
  /** Uncompressed. */
  raw: number;
  files: number;
  /** The npm packages in the route's scripts that people ask about: antd, antd-mobile, echarts. */
  libraries: string[];
}

const watched = ['antd', 'antd-mobile', 'echarts'];

/** Reads dist/ (after `npm run build:web`) and measures each route. */
export function measureFirstLoad(dist: string, which: Route[] = routes): Record<string, FirstLoad> {
  const manifestPath = path.join(dist, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run npm run build:web first`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
  const packagesPath = path.join(dist, '.vite', 'chunk-packages.json');
  const packages: Record<string, string[]> = fs.existsSync(packagesPath) ? JSON.parse(fs.readFileSync(packagesPath, 'utf8')) : {};
  const size = (file: string) => fs.statSync(path.join(dist, file)).size;
  const compressed = (file: string, ext: string) => (fs.existsSync(path.join(dist, file + ext)) ? size(file + ext) : size(file));
  const result: Record<string, FirstLoad> = {};
  const byName = new Map(which.map((r) => [r.name, r]));
  for (const route of which) {
    const files = filesOf(manifest, route);
    const from = route.after ? byName.get(route.after) : undefined;
    const cached = new Set(from ? filesOf(manifest, from) : []);
    const libraries = new Set<string>();
    for (const file of files) for (const name of packages[file] ?? []) if (watched.includes(name)) libraries.add(name);
    result[route.name] = {
      url: route.url,
      entry: route.entry,
      br: files.reduce((sum, f) => sum + compressed(f, '.br'), 0),
      br_after: files.filter((f) => !cached.has(f)).reduce((sum, f) => sum + compressed(f, '.br'), 0),
      gzip: files.reduce((sum, f) => sum + compressed(f, '.gz'), 0),
      raw: files.reduce((sum, f) => sum + size(f), 0),
      files: files.length,
      libraries: [...libraries].sort(),
    };
  }
  return result;
}

export async function main(args: string[]): Promise<void> {
  const dist = path.resolve(import.meta.dirname, '../apps/web/dist');
  const measured = measureFirstLoad(dist);
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ benchmark: 'web', first_load_bytes: measured }, null, 2)}\n`);
    return;
  }
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log('first load per route (brotli, brotli after the previous page, gzip, uncompressed, files, antd·antd-mobile·echarts):');
  for (const [name, m] of Object.entries(measured)) {
    console.log(
      `  ${name.padEnd(16)} ${m.url.padEnd(26)} ${m.entry.padEnd(10)} ${kib(m.br).padStart(10)} ${kib(m.br_after).padStart(10)} ${kib(m.gzip).padStart(10)} ${kib(m.raw).padStart(11)} ${String(m.files).padStart(3)}  ${m.libraries.join(', ') || '—'}`,
    );
  }
}
