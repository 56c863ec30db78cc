import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/helpers.ts';

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

let t: TestApp;
let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
const operations: { method: string; path: string; op: Operation }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.app.inject('/api/openapi.json')).json();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) operations.push({ method: method.toUpperCase(), path, op });
  }
});
afterAll(async () => {
  await t?.close();
});

describe('the OpenAPI document', () => {
  it('lists the API', () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  it('gives every operation a unique operationId and a summary', () => {
    const missing = operations.filter(({ op }) => !op.operationId || !/^[a-z][A-Za-z0-9]+$/.test(op.operationId));
    expect(missing.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const unsummarised = operations.filter(({ op }) => !op.summary?.trim());
    expect(unsummarised.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  it('names the one error body ErrorBody, and every error response refers to it by that name', () => {
    expect(doc.components.schemas.ErrorBody).toMatchObject({ type: 'object', required: ['error'] });
    expect(Object.keys(doc.components.schemas).filter((name) => /^def-\d+$/.test(name))).toEqual([]);
    const errors = operations.flatMap(({ method, path, op }) =>
      Object.entries(op.responses ?? {})
        .filter(([status]) => Number(status) >= 400)
        .map(([status, response]) => ({
          at: `${method} ${path} ${status}`,
          refs: Object.values(response.content ?? {}).map((c) => c.schema?.$ref),
        })),
    );
    expect(errors.length).toBeGreaterThan(100);
    const elsewhere = errors.filter((e) => e.refs.length === 0 || e.refs.some((ref) => ref !== '#/components/schemas/ErrorBody'));
    expect(elsewhere.map((e) => e.at)).toEqual([]);
  });
});
