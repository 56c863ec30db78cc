import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Whether the web app in apps/web/dist was built from the sources now in the tree. The build writes
 * a stamp (a SHA-256 over the path and content of every input file) beside its manifest; `npm start`
 * rebuilds only when the stamp is missing or differs, so an unchanged app is not rebuilt at every
 * start. `npm ci` builds it once (the root package's `prepare` script), `npm test` always rebuilds.
 */
export const STAMP_FILE = 'dist/.vite/linli-build-stamp.json';

/**
 * What the web build reads: the shell, the shared web kit, every module's web folder, package.json
 * (its exports) and sources (the contracts, vocabularies and abilities the pages import), the server
 * file vite.config imports, the locked dependencies. A `*` segment stands for every folder there.
 */
export const WEB_INPUTS: readonly string[] = [
  'apps/web',
  'apps/server/src/web-entry.ts',
  'packages/web-kit',
  'packages/core/src',
  'modules/*/web',
  'modules/*/src',
  'modules/*/package.json',
  'package-lock.json',
];
const SKIPPED_DIRS = new Set(['dist', 'node_modules', '.vite', 'coverage']);

/** Hash of the web app's inputs under root (tests excluded: they are not in the bundle). */
export function webSourcesHash(root: string, inputs: readonly string[] = WEB_INPUTS): string {
  const files: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(abs).sort()) {
        if (SKIPPED_DIRS.has(entry)) continue;
        walk(path.posix.join(rel, entry));
      }
    } else if (stat.isFile() && !/\.test\.tsx?$/.test(rel)) {
      files.push(rel);
    }
  };
  const expand = (rel: string): string[] => {
    const star = rel.split('/').indexOf('*');
    if (star < 0) return [rel];
    const parts = rel.split('/');
    const dir = parts.slice(0, star).join('/');
    let names: string[];
    try {
      names = fs.readdirSync(path.join(root, dir)).sort();
    } catch {
      return [];
    }
    return names.flatMap((name) => expand([...parts.slice(0, star), name, ...parts.slice(star + 1)].join('/')));
  };
  for (const input of inputs) for (const rel of expand(input)) walk(rel);
  const hash = createHash('sha256');
  for (const rel of files.sort()) {
    hash.update(`${rel}\0`);
    hash.update(fs.readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function stampPath(root: string): string {
  return path.join(root, 'apps/web', STAMP_FILE);
}

/** The hash the last build recorded, or undefined when there is no build or no stamp. */
export function readStamp(root: string): string | undefined {
  try {
    if (!fs.existsSync(path.join(root, 'apps/web/dist/index.html'))) return undefined;
    const stamp = JSON.parse(fs.readFileSync(stampPath(root), 'utf8')) as { sources?: unknown };
    return typeof stamp.sources === 'string' ? stamp.sources : undefined;
  } catch {
    return undefined;
  }
}

export function writeStamp(root: string, sources: string): void {
  fs.mkdirSync(path.dirname(stampPath(root)), { recursive: true });
  fs.writeFileSync(stampPath(root), `${JSON.stringify({ sources, builtAt: new Date().toISOString() })}\n`);
}

export function isWebBuildCurrent(root: string): boolean {
  const recorded = readStamp(root);
  return recorded !== undefined && recorded === webSourcesHash(root);
}

/**
 * Builds the web app unless its stamp matches its sources (force: always). `build` runs the real
 * build (vite through npm); tests pass their own. Returns whether it built.
 */
export function ensureWebBuilt(root: string, options: { force?: boolean; build?: () => void; log?: (line: string) => void } = {}): boolean {
  const log = options.log ?? console.log;
  const sources = webSourcesHash(root);
  if (!options.force && readStamp(root) === sources) {
    log('web app: up to date (sources unchanged since the last build)');
    return false;
  }
  const build =
    options.build ??
    (() => {
      const res = spawnSync('npm', ['run', 'build', '-w', '@linli/web', '--silent', '--', '--logLevel', 'warn'], {
        cwd: root,
        stdio: 'inherit',
      });
      if (res.status !== 0) throw new Error(`the web build failed (exit ${res.status ?? res.signal})`);
    });
  log('web app: building');
  build();
  writeStamp(root, sources);
  return true;
}
