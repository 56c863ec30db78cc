import { describe, expect, it } from 'vitest';
import { progressPrinter } from './runtime.ts';

const capture = (isTTY: boolean) => {
  const written: string[] = [];
  return { out: { isTTY, write: (text: string) => written.push(text) }, written };
};

describe('progressPrinter', () => {
  it('prints each step’s start and end once in a log, however many parts of the step report their end', () => {
    const { out, written } = capture(false);
    const print = progressPrinter('demo', out);
    print('party', 0, 1);
    for (const rows of [3, 5]) for (let done = 0; done <= rows; done++) print('party', done, rows); // two tables
    print('party', 1, 1);
    print('demands', 0, 1);
    print('demands', 1, 1);
    expect(written.join('')).toBe('demo: party 0%\ndemo: party 100%\ndemo: demands 0%\ndemo: demands 100%\n');
  });

  it('draws one bar per step on a terminal and ends its line when the step is done', () => {
    const { out, written } = capture(true);
    const print = progressPrinter('demo', out);
    print('households', 0, 4);
    print('households', 2, 4);
    print('households', 4, 4);
    print('households', 1, 1);
    expect(written.filter((t) => t === '\n')).toHaveLength(1);
    expect(written[1]).toContain('[############............] 50% households');
  });
});
