import { describe, expect, it } from 'vitest';
import { validateBoundary } from './boundary.ts';

const ring = [
  [119.7, 36.3],
  [119.8, 36.3],
  [119.8, 36.4],
  [119.7, 36.3],
];

describe('validateBoundary', () => {
  it('accepts a closed Polygon and a MultiPolygon', () => {
    expect(validateBoundary({ type: 'Polygon', coordinates: [ring] })).toEqual([]);
    expect(validateBoundary({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })).toEqual([]);
  });

  it('names the problem and where it is', () => {
    expect(validateBoundary({ type: 'Point', coordinates: [1, 2] })).toEqual([
      { field: 'boundary.type', reason: 'must be Polygon or MultiPolygon' },
    ]);
    expect(validateBoundary({ type: 'Polygon', coordinates: [ring.slice(0, 3)] })[0]?.field).toBe('boundary.coordinates.0');
    expect(validateBoundary({ type: 'Polygon', coordinates: [[...ring.slice(0, 3), [119.7, 36.31]]] })[0]?.reason).toContain(
      'end where it starts',
    );
    expect(
      validateBoundary({
        type: 'Polygon',
        coordinates: [
          [
            [200, 36],
            [119, 36],
            [119, 37],
            [200, 36],
          ],
        ],
      })[0]?.field,
    ).toBe('boundary.coordinates.0.0');
    expect(validateBoundary({ type: 'MultiPolygon', coordinates: [] })).toHaveLength(1);
  });
});
