import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import { cursorPage, decodeCursor, encodeCursor } from './http.ts';

describe('cursorPage', () => {
  it('gives the filter and the decoded cursor to the list, and encodes the next cursor', async () => {
    const seen: unknown[] = [];
    const result = await cursorPage({ cursor: encodeCursor({ name: 'b', id: '2' }), limit: 2, kind: 'school' }, async (filter, page) => {
      seen.push(filter, page);
      return { items: ['c', 'd'], next: { name: 'd', id: '4' } };
    });
    expect(seen).toEqual([{ kind: 'school' }, { limit: 2, after: { name: 'b', id: '2' } }]);
    expect(result.items).toEqual(['c', 'd']);
    expect(decodeCursor(result.nextCursor ?? undefined)).toEqual({ name: 'd', id: '4' });
  });

  it('defaults to 50 rows from the start, and the last page has no next cursor', async () => {
    const result = await cursorPage({}, async (_filter, page) => {
      expect(page).toEqual({ limit: 50, after: undefined });
      return { items: [], next: null };
    });
    expect(result).toEqual({ items: [], nextCursor: null });
  });

  it('refuses a cursor this API did not give with a 400 naming the field', async () => {
    const err = await cursorPage({ cursor: '%%%' }, async () => ({ items: [], next: null })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(400);
    expect((err as AppError).details).toEqual([{ field: 'cursor', reason: 'not a cursor returned by this API' }]);
  });
});
