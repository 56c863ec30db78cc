import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A module that splits its Chinese strings (web/first-strings.ts: what shows before its pages open,
// and the whole file its pages bring along) must repeat in the first part exactly the whole file's
// texts: a renamed menu entry in one place only would show two names for one page.

const modulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../modules');
const splitting = fs.readdirSync(modulesDir).filter((m) => fs.existsSync(path.join(modulesDir, m, 'web/first-strings.ts')));

/** The keys of `part` whose value differs from (or is missing in) `whole`. */
function disagreements(part: object, whole: object, prefix = ''): string[] {
  return Object.entries(part).flatMap(([key, value]) => {
    const there = (whole as Record<string, unknown>)[key];
    if (value && typeof value === 'object') {
      return there && typeof there === 'object' ? disagreements(value, there, `${prefix}${key}.`) : [`${prefix}${key}`];
    }
    return value === there ? [] : [`${prefix}${key}`];
  });
}

describe('first-load strings of the modules that split their Chinese strings', () => {
  it('are found', () => {
    expect(splitting).toEqual(
      expect.arrayContaining([
        'ballots',
        'calendar',
        'deliberation',
        'demand-import',
        'demand-smart',
        'meetings',
        'open311',
        'opinion-map',
        'resolutions',
      ]),
    );
  });

  it.each(splitting)('%s: every first-load text is the same in the whole file', async (m) => {
    const first = (await import(path.join(modulesDir, m, 'web/first-strings.ts'))) as Record<string, unknown>;
    const partName = Object.keys(first).find((k) => k.endsWith('FirstPart')) as string;
    const loaderName = Object.keys(first).find((k) => k.endsWith('PageStrings')) as string;
    const whole = await (first[loaderName] as () => Promise<object>)();
    const part = first[partName] as object;
    expect(Object.keys(part).length).toBeGreaterThan(0);
    expect(disagreements(part, whole)).toEqual([]);
    // The check can fail: a changed text is found.
    expect(disagreements({ menu: { x: '改' } }, { menu: { x: '原' } })).toEqual(['menu.x']);
  });
});
