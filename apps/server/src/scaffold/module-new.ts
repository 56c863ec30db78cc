import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run module:new -- <name>`: a new module in the shape of grids — manifest, migration, contract,
 * repository, one command with its test, routes with a test, demo seeder, and a web page with its menu
 * entry and strings — written from the files in ./template (tokens __name__, __camel__, __Pascal__,
 * __snake__, __NNNN__). Outside modules/<name>/ it changes only the server's and the web's module lists
 * (and the lockfile, through `npm install`, which links the new workspace package).
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const templateDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'template');
export const serverList = 'apps/server/src/modules.ts';
export const webList = 'apps/web/src/modules.ts';

export interface ModuleNames {
  name: string;
  camel: string;
  pascal: string;
  snake: string;
}

/** The spellings of a module name (lower-case words joined by hyphens, e.g. `repair-fund`). */
export function moduleNames(name: string): ModuleNames {
  if (!/^[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$/.test(name) || name.length > 30) {
    throw new Error(`module name "${name}": use lower-case words joined by hyphens, at most 30 characters (e.g. repair-fund)`);
  }
  const words = name.split('-');
  const camel = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  return { name, camel, pascal: camel[0]!.toUpperCase() + camel.slice(1), snake: words.join('_') };
}

/**
 * The next migration number: one more than the highest in packages/db/migrations and every
 * modules/<m>/migrations (numbers are unique across all folders; the migrator refuses a repeat).
 */
export function nextMigrationNumber(root: string): string {
  const folders = [path.join(root, 'packages/db/migrations')];
  const modulesDir = path.join(root, 'modules');
  for (const m of fs.readdirSync(modulesDir)) folders.push(path.join(modulesDir, m, 'migrations'));
  let highest = 0;
  for (const folder of folders) {
    if (!fs.existsSync(folder)) continue;
    for (const file of fs.readdirSync(folder)) {
      const n = /^(\d{4})_.*\.sql$/.exec(file)?.[1];
      if (n) highest = Math.max(highest, Number(n));
    }
  }
  return String(highest + 1).padStart(4, '0');
}

function fill(text: string, names: ModuleNames, number: string): string {
  return text
    .replaceAll('__NNNN__', number)
    .replaceAll('__Pascal__', names.pascal)
    .replaceAll('__camel__', names.camel)
    .replaceAll('__snake__', names.snake)
    .replaceAll('__name__', names.name);
}

/** The module's files, path (relative to modules/<name>) → content. */
export function renderModule(names: ModuleNames, number: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.tpl')) {
        const relative = path.relative(templateDir, full).slice(0, -'.tpl'.length);
        files.set(fill(relative, names, number), fill(fs.readFileSync(full, 'utf8'), names, number));
      }
    }
  };
  walk(templateDir);
  return files;
}

/** Adds an import and a list entry to a module list file (the last array in it). */
export function addToList(source: string, importLine: string, entry: string): string {
  if (source.includes(importLine)) throw new Error(`already listed: ${importLine}`);
  const lines = source.split('\n');
  let lastImport = -1;
  lines.forEach((line, i) => {
    if (line.startsWith('import ')) lastImport = i;
  });
  // Keep the imports in order of their source, as the linter wants them.
  const from = (line: string) => /from '([^']+)'/.exec(line)?.[1] ?? '';
  let at = lastImport + 1;
  for (let i = 0; i <= lastImport; i++) {
    if (lines[i]!.startsWith('import ') && from(lines[i]!) > from(importLine)) {
      at = i;
      break;
    }
  }
  lines.splice(at, 0, importLine);
  const close = lines.findLastIndex((line) => /^\](\s+as const)?;/.test(line));
  if (close < 0) throw new Error('no module list found');
  lines.splice(close, 0, `  ${entry},`);
  return lines.join('\n');
}

export interface ScaffoldOptions {
  name: string;
  /** Where to write (the repository by default; a test writes into a copy). */
  root?: string;
  /** Where the migration numbers are read (the repository by default). */
  numbersFrom?: string;
  /** Run `npm install` (links the workspace package) and format the written files. */
  install?: boolean;
}

/** Writes the module and adds it to both lists; returns the files written or changed, relative to root. */
export function scaffoldModule(options: ScaffoldOptions): { written: string[]; changed: string[] } {
  const root = options.root ?? repoRoot;
  const names = moduleNames(options.name);
  const moduleDir = path.join(root, 'modules', names.name);
  if (fs.existsSync(moduleDir)) throw new Error(`modules/${names.name} exists already`);
  const number = nextMigrationNumber(options.numbersFrom ?? root);
  const files = renderModule(names, number);
  const written: string[] = [];
  for (const [relative, content] of files) {
    const target = path.join(moduleDir, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    written.push(path.join('modules', names.name, relative));
  }
  const edit = (file: string, importLine: string, entry: string) => {
    const full = path.join(root, file);
    fs.writeFileSync(full, addToList(fs.readFileSync(full, 'utf8'), importLine, entry));
  };
  edit(serverList, `import { ${names.camel}Module } from '@linli/${names.name}';`, `${names.camel}Module`);
  edit(webList, `import { ${names.camel}Web } from '@linli/${names.name}/web';`, `${names.camel}Web`);
  if (options.install) {
    run('npx', ['biome', 'check', '--write', `modules/${names.name}`, serverList, webList], root);
    run('npm', ['install', '--no-audit', '--no-fund'], root);
  }
  return { written: written.sort(), changed: [serverList, webList] };
}

/** Takes a module made by scaffoldModule out again (its folder and its two list lines). */
export function removeModule(options: { name: string; root?: string; install?: boolean }): void {
  const root = options.root ?? repoRoot;
  const names = moduleNames(options.name);
  fs.rmSync(path.join(root, 'modules', names.name), { recursive: true, force: true });
  for (const [file, symbol] of [
    [serverList, `${names.camel}Module`],
    [webList, `${names.camel}Web`],
  ] as const) {
    const full = path.join(root, file);
    const kept = fs
      .readFileSync(full, 'utf8')
      .split('\n')
      .filter((line) => line !== `  ${symbol},` && !(line.startsWith('import ') && line.includes(`{ ${symbol} }`)));
    fs.writeFileSync(full, kept.join('\n'));
  }
  if (options.install) run('npm', ['install', '--no-audit', '--no-fund'], root);
}

function run(cmd: string, args: string[], cwd: string): void {
  const res = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status})`);
}
