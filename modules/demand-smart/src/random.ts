/** A seeded generator (core's mulberry32), so splits and synthetic corpora are the same on every run. */
export type Random = () => number;
export { seededRandom } from '@linli/core';

export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('cannot pick from an empty list');
  return items[Math.floor(random() * items.length)]!;
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
