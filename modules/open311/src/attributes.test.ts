import { describe, expect, it } from 'vitest';
import { definitionProblems, validateAttributes } from './attributes.ts';
import { streetLightAttributes } from './testing.ts';

describe('validateAttributes', () => {
  it('keeps valid values: one string per attribute, a de-duplicated list for a multivaluelist', () => {
    const out = validateAttributes(streetLightAttributes, {
      POLE: [' GM-1 '],
      KIND: ['flicker'],
      SINCE: ['2026-11-01'],
      COUNT: ['-2.5'],
      NEAR: ['school', 'school', 'crossing'],
    });
    expect(out).toEqual({
      values: { POLE: 'GM-1', KIND: 'flicker', SINCE: '2026-11-01', COUNT: '-2.5', NEAR: ['school', 'crossing'] },
      errors: [],
    });
  });

  it('leaves out empty optional attributes and names every problem', () => {
    expect(validateAttributes(streetLightAttributes, { POLE: ['x'], KIND: [''] }).values).toEqual({ POLE: 'x' });
    const out = validateAttributes(streetLightAttributes, {
      KIND: ['a', 'b'],
      SINCE: ['2026-13-45T99:00'],
      COUNT: ['1e9'],
      NEAR: ['moon'],
      EXTRA: ['1'],
    });
    expect(out.values).toEqual({});
    expect(out.errors.map((e) => `${e.field} ${e.reason}`)).toEqual([
      'attribute[EXTRA] is not an attribute of this service',
      'attribute[POLE] is required',
      'attribute[KIND] takes one value',
      'attribute[SINCE] is not a W3C date and time, e.g. 2026-05-01T08:30:00+08:00',
      'attribute[COUNT] is not a number',
      'attribute[NEAR] moon is not one of the allowed values',
    ]);
  });

  it('limits the length of strings', () => {
    expect(validateAttributes(streetLightAttributes, { POLE: ['长'.repeat(501)] }).errors).toEqual([
      { field: 'attribute[POLE]', reason: 'is longer than 500 characters' },
    ]);
  });
});

describe('definitionProblems', () => {
  it('accepts the test definitions and finds duplicates and misplaced values', () => {
    expect(definitionProblems(streetLightAttributes)).toEqual([]);
    const problems = definitionProblems([
      {
        code: 'A',
        datatype: 'multivaluelist',
        required: false,
        description: 'a',
        order: 1,
        values: [
          { key: 'k', name: 'K' },
          { key: 'k', name: 'L' },
        ],
      },
      { code: 'A', datatype: 'number', required: false, description: 'b', order: 1, values: [{ key: 'k', name: 'K' }] },
    ]);
    expect(problems.map((p) => `${p.field} ${p.reason}`)).toEqual([
      'attributes.0.values keys must be unique',
      'attributes.1.code is used twice',
      'attributes.1.order is used twice',
      'attributes.1.values only list attributes have values',
    ]);
  });
});
