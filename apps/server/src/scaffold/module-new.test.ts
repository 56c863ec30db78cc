import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createAccount } from '@linli/accounts/testing';
import type { ModuleManifest } from '@linli/core';
import { type Database, migrate, workspaceMigrationFolders } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp, buildTwoCommunities } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../test/helpers.ts';
import { addToList, moduleNames, nextMigrationNumber, repoRoot, scaffoldModule, serverList, webList } from './module-new.ts';

// The generator writes into a copy of the two module lists under .tmp (inside the repository, so the
// generated files resolve the workspace packages as a module in modules/ does), never into modules/.
const name = 'scaffold-probe';
let root: string;

beforeAll(() => {
  fs.mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
  root = fs.mkdtempSync(path.join(repoRoot, '.tmp', 'scaffold-'));
  for (const file of [serverList, webList]) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, file), path.join(root, file));
  }
  fs.mkdirSync(path.join(root, 'modules'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('npm run module:new', () => {
  it('spells a name four ways and refuses names that are not lower-case words', () => {
    expect(moduleNames('repair-fund')).toEqual({ name: 'repair-fund', camel: 'repairFund', pascal: 'RepairFund', snake: 'repair_fund' });
    for (const bad of ['Repair', 'repair_fund', '-x', 'x--y', '1x', 'x'.repeat(31), 'a/b']) expect(() => moduleNames(bad)).toThrow();
  });

  it('takes the migration number after the highest of every folder', () => {
    const numbers = workspaceMigrationFolders()
      .flatMap((f) => (fs.existsSync(f) ? fs.readdirSync(f) : []))
      .map((f) => Number(/^(\d{4})_/.exec(f)?.[1] ?? 0));
    expect(Number(nextMigrationNumber(repoRoot))).toBe(Math.max(...numbers) + 1);
  });

  it('adds an import in source order and an entry at the end of the list', () => {
    const source = "import { a } from '@x/a';\nimport { c } from '@x/c';\n\nexport const list = [\n  a,\n  c,\n];\n";
    expect(addToList(source, "import { b } from '@x/b';", 'b')).toBe(
      "import { a } from '@x/a';\nimport { b } from '@x/b';\nimport { c } from '@x/c';\n\nexport const list = [\n  a,\n  c,\n  b,\n];\n",
    );
    expect(() => addToList(addToList(source, "import { b } from '@x/b';", 'b'), "import { b } from '@x/b';", 'b')).toThrow(/already/);
  });

  it('writes the module in its folder and changes only the two module lists outside it, by one import and one entry each', () => {
    const before = new Map([serverList, webList].map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
    const { written, changed } = scaffoldModule({ name, root, numbersFrom: repoRoot });
    // What `npm install` does for a real module: its dependencies that npm did not hoist, linked as the
    // grids module (same dependencies) has them.
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'modules', name, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const dep of Object.keys(pkg.dependencies)) {
      const installed = path.join(repoRoot, 'modules/grids/node_modules', dep);
      if (!fs.existsSync(installed)) continue;
      fs.mkdirSync(path.dirname(path.join(root, 'node_modules', dep)), { recursive: true });
      fs.symlinkSync(installed, path.join(root, 'node_modules', dep));
    }
    expect(changed).toEqual([serverList, webList]);
    expect(written.every((f) => f.startsWith(`modules/${name}/`))).toBe(true);
    for (const part of [
      'package.json',
      'src/module.ts',
      'src/abilities.ts',
      'src/errors.ts',
      'src/contract.ts',
      'src/item.repository.ts',
      'src/commands/create-item.ts',
      'src/commands/create-item.test.ts',
      'src/routes.ts',
      'src/routes.test.ts',
      'src/demo.ts',
      'web/index.ts',
      `web/${name}-page.tsx`,
      'web/strings.zh-CN.ts',
      'web/strings.en-US.ts',
    ]) {
      expect(written).toContain(`modules/${name}/${part}`);
    }
    expect(written.filter((f) => /\/migrations\/\d{4}_scaffold_probe\.sql$/.test(f))).toHaveLength(1);
    for (const [file, old] of before) {
      const now = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
      const added = now.filter((line) => !old.split('\n').includes(line));
      expect(added).toHaveLength(2);
      expect(now.length).toBe(old.split('\n').length + 2);
    }
    const all = written.map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
    expect(all).not.toMatch(/__(name|camel|Pascal|snake|NNNN)__/);
    // A second run does not overwrite the module.
    expect(() => scaffoldModule({ name, root, numbersFrom: repoRoot })).toThrow(/exists/);
  });

  it('type-checks, server and web part', () => {
    const moduleDir = `modules/${name}`;
    const paths = {
      [`@linli/${name}/contract`]: [`./${moduleDir}/src/contract.ts`],
      [`@linli/${name}`]: [`./${moduleDir}/src/index.ts`],
    };
    const base = path.relative(root, path.join(repoRoot, 'tsconfig.base.json'));
    fs.writeFileSync(
      path.join(root, 'tsconfig.json'),
      JSON.stringify({
        extends: base,
        compilerOptions: { noEmit: true, types: ['vite/client', 'node'], paths },
        include: [`${moduleDir}/src`, `${moduleDir}/web`],
      }),
    );
    const res = spawnSync(path.join(repoRoot, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' });
    // Errors of the generated files only (the rest of the tree is checked by the project's own type-check).
    const ours = `${res.stdout}${res.stderr}`.split('\n').filter((line) => line.startsWith(`${moduleDir}/`));
    expect(res.error).toBeUndefined();
    expect(ours).toEqual([]);
  });

  describe('on a database', () => {
    let database: Database;
    afterAll(() => database?.close());

    it('migrates, and its routes record, list, sort and export items in scope', async () => {
      database = await createTestDatabase();
      const applied = await migrate(database, {
        folders: [...workspaceMigrationFolders(), path.join(root, 'modules', name, 'migrations')],
      });
      expect(applied.map((m) => m.name)).toEqual([expect.stringMatching(/scaffold_probe$/)]);
      const { scaffoldProbeModule } = (await import(path.join(root, 'modules', name, 'src/module.ts'))) as {
        scaffoldProbeModule: ModuleManifest;
      };
      expect(scaffoldProbeModule.tables).toEqual(['scaffold_probe_item']);
      const app = await buildModuleApp(database, [scaffoldProbeModule]);
      try {
        const tree = await buildTwoCommunities(database.db);
        const staff = await createAccount(database.db, {
          tenantId: '370785',
          username: 'probe.staff',
          grants: [{ role: 'community_staff', nodeId: tree.a.community.id }],
        });
        const session = await login(app, staff.username, staff.password);
        const created = await app.inject({
          method: 'POST',
          url: `/api/v1/${name}/items`,
          headers: session.headers,
          payload: { communityId: tree.a.community.id, title: '楼道灯不亮' },
        });
        expect(created.statusCode, created.body).toBe(201);
        const list = await app.inject({ url: `/api/v1/${name}/items?sort=title`, headers: session.headers });
        expect(list.json().items.map((i: { title: string }) => i.title)).toEqual(['楼道灯不亮']);
        const file = await app.inject({ url: `/api/v1/${name}/items/export.xlsx`, headers: session.headers });
        expect(file.statusCode).toBe(200);
      } finally {
        await app.close();
      }
    });
  });
});
