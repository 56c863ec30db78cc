import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureWebBuilt, isWebBuildCurrent, readStamp, webSourcesHash } from './web-build.ts';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
});

/** A tree shaped like the repository: web sources, the web kit, a module's web folder and vocabulary, a lock file. */
function tree(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-web-build-'));
  roots.push(root);
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('apps/web/index.html', '<div id="root"></div>');
  write('apps/web/src/main.tsx', 'export const a = 1;');
  write('apps/web/src/main.test.tsx', 'test');
  write('modules/demands/src/vocabulary.ts', 'export const v = 1;');
  write('modules/grids/web/index.ts', 'export const gridsWeb = {};');
  write('modules/grids/package.json', '{}');
  write('packages/web-kit/src/client.ts', 'export const api = {};');
  write('package-lock.json', '{}');
  return root;
}

/** What the real build does: writes dist/index.html. */
const fakeBuild = (root: string, counter: { n: number }) => () => {
  counter.n++;
  fs.mkdirSync(path.join(root, 'apps/web/dist'), { recursive: true });
  fs.writeFileSync(path.join(root, 'apps/web/dist/index.html'), `build ${counter.n}`);
};

describe('web build stamp', () => {
  it('builds on a fresh tree, then not again while the sources are unchanged', () => {
    const root = tree();
    const counter = { n: 0 };
    expect(isWebBuildCurrent(root)).toBe(false);
    expect(ensureWebBuilt(root, { build: fakeBuild(root, counter), log: () => undefined })).toBe(true);
    expect(isWebBuildCurrent(root)).toBe(true);
    expect(ensureWebBuilt(root, { build: fakeBuild(root, counter), log: () => undefined })).toBe(false);
    expect(counter.n).toBe(1);
  });

  it("rebuilds when a web source, the web kit, a module's web folder, exports or vocabulary, or the lock file changes", () => {
    const root = tree();
    const counter = { n: 0 };
    const opts = { build: fakeBuild(root, counter), log: () => undefined };
    ensureWebBuilt(root, opts);
    const changed = [
      'apps/web/src/main.tsx',
      'packages/web-kit/src/client.ts',
      'modules/grids/web/index.ts',
      'modules/grids/package.json',
      'modules/demands/src/vocabulary.ts',
      'package-lock.json',
    ];
    for (const [i, rel] of changed.entries()) {
      fs.appendFileSync(path.join(root, rel), '\n// changed');
      expect(isWebBuildCurrent(root), rel).toBe(false);
      expect(ensureWebBuilt(root, opts), rel).toBe(true);
      expect(counter.n).toBe(i + 2);
    }
    // A new file counts too (in a new module's web folder as well), a test file does not.
    fs.writeFileSync(path.join(root, 'apps/web/src/new-page.tsx'), 'export {}');
    expect(isWebBuildCurrent(root)).toBe(false);
    ensureWebBuilt(root, opts);
    fs.mkdirSync(path.join(root, 'modules/sample/web'), { recursive: true });
    fs.writeFileSync(path.join(root, 'modules/sample/web/index.ts'), 'export {}');
    expect(isWebBuildCurrent(root)).toBe(false);
    ensureWebBuilt(root, opts);
    fs.appendFileSync(path.join(root, 'apps/web/src/main.test.tsx'), 'more');
    expect(isWebBuildCurrent(root)).toBe(true);
  });

  it('does not count the build output itself as a source', () => {
    const root = tree();
    const before = webSourcesHash(root);
    ensureWebBuilt(root, { build: fakeBuild(root, { n: 0 }), log: () => undefined });
    expect(webSourcesHash(root)).toBe(before);
  });

  it('rebuilds when the output is gone though the stamp is there, and always with force', () => {
    const root = tree();
    const counter = { n: 0 };
    const opts = { build: fakeBuild(root, counter), log: () => undefined };
    ensureWebBuilt(root, opts);
    fs.rmSync(path.join(root, 'apps/web/dist/index.html'));
    expect(readStamp(root)).toBeUndefined();
    expect(ensureWebBuilt(root, opts)).toBe(true);
    expect(ensureWebBuilt(root, { ...opts, force: true })).toBe(true);
    expect(counter.n).toBe(3);
  });

  it('writes no stamp when the build fails, so the next start tries again', () => {
    const root = tree();
    expect(() =>
      ensureWebBuilt(root, {
        build: () => {
          throw new Error('vite failed');
        },
        log: () => undefined,
      }),
    ).toThrow('vite failed');
    expect(readStamp(root)).toBeUndefined();
  });
});
