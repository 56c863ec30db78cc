import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What the web app's code imports at run time, read from the sources: from the two entries (staff
// index.html and resident m.html) through every static and lazy import, with `import type` left out
// (erased by the build). The web takes the server's shapes as types from the modules' contracts and
// its few run-time values (statuses, kinds) from pure files: no server code may come into the bundle.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Packages that are server code: none may be reached from the web entries. */
const serverPackages = [
  'fastify',
  '@fastify',
  'drizzle-orm',
  'pg',
  '@electric-sql/pglite',
  'exceljs',
  'csv-parse',
  'file-type',
  'argon2',
  '@node-rs/argon2',
  '@linli/db',
  '@linli/server',
];

const packageDirs = new Map<string, string>();
for (const group of ['packages', 'modules', 'apps']) {
  for (const name of fs.readdirSync(path.join(root, group))) {
    const file = path.join(root, group, name, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string };
    packageDirs.set(pkg.name, path.join(root, group, name));
  }
}

/** The file a workspace import ('@linli/grids/web') names, by its package's exports. */
function resolveWorkspace(specifier: string): string | undefined {
  const [scope, name, ...rest] = specifier.split('/');
  const dir = packageDirs.get(`${scope}/${name}`);
  if (!dir) return undefined;
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { exports?: Record<string, string> };
  const sub = rest.length ? `./${rest.join('/')}` : '.';
  const exports = pkg.exports ?? {};
  if (exports[sub]) return path.join(dir, exports[sub]);
  // The longest pattern ("./components/*") that matches.
  const pattern = Object.keys(exports)
    .filter((key) => key.endsWith('*') && sub.startsWith(key.slice(0, -1)))
    .sort((a, b) => b.length - a.length)[0];
  if (!pattern) throw new Error(`${specifier}: not exported by ${dir}/package.json`);
  return path.join(dir, (exports[pattern] ?? '').replace('*', sub.slice(pattern.length - 1)));
}

/** Run-time imports of a source file (type-only imports and exports left out). */
function importsOf(file: string): string[] {
  // Block comments (not a glob's '/*/' inside a string).
  const text = fs.readFileSync(file, 'utf8').replace(/(^|\s)\/\*[\s\S]*?\*\//g, '$1');
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(statement)) if (!m[2] && m[4]) found.push(m[4]);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) if (m[1]) found.push(m[1]);
  // import.meta.glob('../x/*/web/mobile.ts'): every file the pattern matches (one `*` segment).
  for (const m of text.matchAll(/import\.meta\.glob(?:<[^>]*>)?\(\s*['"]([^'"]+)['"]/g)) {
    const pattern = m[1] ?? '';
    const [before, after = ''] = pattern.split('/*/');
    const dir = path.resolve(path.dirname(file), before ?? '');
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      if (fs.existsSync(path.join(dir, name, after)))
        found.push(path.relative(path.dirname(file), path.join(dir, name, after)).replace(/^(?!\.)/, './'));
    }
  }
  return found;
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
}

/** Every file reached from the entries, and each bare import with the file that makes it. */
function walk(entries: string[]): { files: Set<string>; bare: { specifier: string; from: string }[] } {
  const files = new Set<string>();
  const bare: { specifier: string; from: string }[] = [];
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.(ts|tsx)$/.test(file)) continue;
    for (const specifier of importsOf(file)) {
      let target: string | undefined;
      if (specifier.startsWith('.')) target = path.resolve(path.dirname(file), specifier);
      else if (specifier.startsWith('@linli/')) target = resolveWorkspace(specifier);
      if (target) queue.push(target);
      else bare.push({ specifier, from: path.relative(root, file) });
    }
  }
  return { files, bare };
}

describe('the web bundle holds no server code', () => {
  const { files, bare } = walk([path.join(root, 'apps/web/src/main.tsx'), path.join(root, 'apps/web/src/mobile/mobile-main.tsx')]);

  it('reaches the pages of the modules through the module list', () => {
    const rel = [...files].map((f) => path.relative(root, f));
    expect(rel).toContain('apps/web/src/modules.ts');
    expect(rel.some((f) => f.startsWith('modules/grids/web/'))).toBe(true);
    expect(rel.some((f) => f.startsWith('packages/web-kit/src/'))).toBe(true);
    // The resident parts, found by the resident entry through import.meta.glob.
    expect(rel).toContain('modules/demands/web/mobile/submit-demand.tsx');
  });

  it('imports no node built-in and no server package', () => {
    const offending = bare.filter(
      ({ specifier }) =>
        specifier.startsWith('node:') || serverPackages.includes(packageOf(specifier)) || ['fs', 'path', 'crypto'].includes(specifier),
    );
    expect(offending).toEqual([]);
  });

  it("takes from a module's server folder only pure files (its vocabulary, labels and abilities), never its routes or repositories", () => {
    const serverFiles = [...files].map((f) => path.relative(root, f)).filter((f) => /^(modules\/[^/]+\/src|packages\/core\/src)\//.test(f));
    const impure = serverFiles.filter((f) => importsOf(path.join(root, f)).some((s) => !s.startsWith('.') && !s.startsWith('@linli/')));
    expect(impure).toEqual([]);
  });
});

describe("the modules' contracts", () => {
  const contracts = fs.readdirSync(path.join(root, 'modules')).flatMap((m) => {
    const src = path.join(root, 'modules', m, 'src');
    return fs.existsSync(src)
      ? fs
          .readdirSync(src)
          .filter((f) => /contract\.ts$/.test(f) && !f.endsWith('.test.ts'))
          .map((f) => path.join(src, f))
      : [];
  });

  it('import only typebox (directly or through files that import only typebox), so the web can read them', () => {
    expect(contracts.length).toBeGreaterThan(5);
    const offending: string[] = [];
    for (const contract of contracts) {
      const { bare } = walk([contract]);
      for (const { specifier, from } of bare) if (specifier !== 'typebox') offending.push(`${from} imports ${specifier}`);
    }
    expect(offending).toEqual([]);
  });
});
