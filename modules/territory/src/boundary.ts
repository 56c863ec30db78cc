import type { ErrorDetail } from '@linli/core';

/**
 * Checks a GeoJSON Polygon or MultiPolygon (RFC 7946): every ring has at least four positions,
 * is closed, and every position is [longitude, latitude] within range. Returns the problems found.
 */
export function validateBoundary(value: unknown, field = 'boundary'): ErrorDetail[] {
  if (!value || typeof value !== 'object') return [{ field, reason: 'must be a GeoJSON Polygon or MultiPolygon' }];
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') return polygon(coordinates, `${field}.coordinates`);
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) {
      return [{ field: `${field}.coordinates`, reason: 'a MultiPolygon needs at least one polygon' }];
    }
    return coordinates.flatMap((p, i) => polygon(p, `${field}.coordinates.${i}`));
  }
  return [{ field: `${field}.type`, reason: 'must be Polygon or MultiPolygon' }];
}

function polygon(rings: unknown, field: string): ErrorDetail[] {
  if (!Array.isArray(rings) || rings.length === 0) return [{ field, reason: 'a polygon needs at least one linear ring' }];
  return rings.flatMap((ring, i) => linearRing(ring, `${field}.${i}`));
}

function linearRing(ring: unknown, field: string): ErrorDetail[] {
  if (!Array.isArray(ring) || ring.length < 4) return [{ field, reason: 'a linear ring needs at least four positions' }];
  const problems: ErrorDetail[] = [];
  ring.forEach((p, i) => {
    if (!Array.isArray(p) || p.length < 2 || !p.every((c) => typeof c === 'number' && Number.isFinite(c))) {
      problems.push({ field: `${field}.${i}`, reason: 'a position is [longitude, latitude]' });
    } else if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
      problems.push({ field: `${field}.${i}`, reason: 'longitude must be within ±180 and latitude within ±90' });
    }
  });
  if (problems.length) return problems;
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) problems.push({ field, reason: 'a linear ring must end where it starts' });
  return problems;
}
