import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import { CursorText, cursorPage, decodeCursor, encodeCursor, nulPath, rejectNulCharacters, Uuid } from './http.ts';

const Cursor = Type.Tuple([CursorText, Uuid]);
const id2 = '01900000-0000-7000-8000-000000000002';
const id4 = '01900000-0000-7000-8000-000000000004';
const b64 = (text: string) => Buffer.from(text).toString('base64url');

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('not refused');
}

describe('cursorPage', () => {
  it('gives the filter and the decoded cursor to the list, and encodes the next cursor', async () => {
    const seen: unknown[] = [];
    const result = await cursorPage({ cursor: encodeCursor(['b', id2]), limit: 2, kind: 'school' }, Cursor, async (filter, page) => {
      seen.push(filter, page);
      return { items: ['c', 'd'], next: ['d', id4] as [string, string] };
    });
    expect(seen).toEqual([{ kind: 'school' }, { limit: 2, after: ['b', id2] }]);
    expect(result.items).toEqual(['c', 'd']);
    expect(decodeCursor(result.nextCursor ?? undefined, Cursor)).toEqual(['d', id4]);
  });

  it('defaults to 50 rows from the start, and the last page has no next cursor', async () => {
    const result = await cursorPage({}, Cursor, async (_filter, page) => {
      expect(page).toEqual({ limit: 50, after: undefined });
      return { items: [], next: null };
    });
    expect(result).toEqual({ items: [], nextCursor: null });
  });

  it('refuses a cursor this API did not give with a 400 naming the field', async () => {
    const err = await cursorPage({ cursor: '%%%' }, Cursor, async () => ({ items: [], next: null })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(400);
    expect((err as AppError).details).toEqual([{ field: 'cursor', reason: 'not a cursor returned by this API' }]);
  });

  it('binds the cursor to the sort of the query', async () => {
    const page = await cursorPage({ sort: '-name' }, Cursor, async () => ({ items: [1], next: ['d', id4] as [string, string] }));
    expect(decodeCursor(page.nextCursor ?? undefined, Cursor, '-name')).toEqual(['d', id4]);
    const other = await cursorPage({ sort: 'name', cursor: page.nextCursor ?? undefined }, Cursor, async () => ({
      items: [],
      next: null,
    })).catch((e: unknown) => e);
    expect((other as AppError).status).toBe(400);
    expect((other as AppError).details).toEqual([
      { field: 'cursor', reason: 'belongs to another sort order; start again from the first page' },
    ]);
  });
});

describe('decodeCursor', () => {
  it('refuses crafted cursors: other shapes, garbage, NUL characters, bare values of the old format', () => {
    const crafted = [
      b64('{"a":1}'),
      b64('12'),
      b64('[["x"]]'),
      b64('{"s":"","k":[["x"]]}'),
      b64('{"s":"","k":["x","not-a-uuid"]}'),
      b64('{"s":"","k":["x\\u0000",' + `"${id2}"]}`),
      b64('{"s":"","k":["x"]}'),
      b64('{"s":1,"k":["x",' + `"${id2}"]}`),
      b64(JSON.stringify(['b', id2])),
      'garbage!!',
      b64('not json'),
    ];
    for (const cursor of crafted) {
      const err = refusal(() => decodeCursor(cursor, Cursor));
      expect(err.status, cursor).toBe(400);
      expect((err.details as { field: string }[])[0]?.field).toBe('cursor');
    }
  });

  it('gives back what encodeCursor wrote for the same sort', () => {
    expect(decodeCursor(encodeCursor(['名字', id2], '-name'), Cursor, '-name')).toEqual(['名字', id2]);
    expect(decodeCursor(encodeCursor(7), Type.Integer({ minimum: 1 }))).toBe(7);
    expect(decodeCursor(undefined, Cursor)).toBeUndefined();
  });
});

describe('NUL characters', () => {
  it('names the field that holds one, nested or not', () => {
    expect(nulPath({ q: 'ok', filter: { name: 'a\u0000b' } }, '')).toBe('filter.name');
    expect(nulPath({ items: ['x', { note: '\u0000' }] }, '')).toBe('items.1.note');
    expect(nulPath(new URLSearchParams('a=1&description=x%00'), '')).toBe('description');
    expect(nulPath({ q: 'nothing here', n: 3, b: null }, '')).toBeUndefined();
  });

  it('refuses a request whose query, path or body holds one with a 400 naming the field', () => {
    const err = refusal(() =>
      rejectNulCharacters({ query: { q: 'a' }, params: { id: 'x' }, body: { title: 'ok', description: 'x\u0000' } }),
    );
    expect(err.status).toBe(400);
    expect(err.details).toEqual([{ field: 'description', reason: 'contains a NUL character' }]);
    expect(refusal(() => rejectNulCharacters({ query: { q: '\u0000' } })).details).toEqual([
      { field: 'q', reason: 'contains a NUL character' },
    ]);
    expect(refusal(() => rejectNulCharacters({ body: 'text\u0000' })).details).toEqual([
      { field: 'body', reason: 'contains a NUL character' },
    ]);
    expect(() => rejectNulCharacters({ query: { q: 'a' }, body: Buffer.from([0, 1]) })).not.toThrow();
  });
});
