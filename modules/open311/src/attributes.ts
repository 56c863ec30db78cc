import type { ErrorDetail } from '@linli/core';
import type { AttributeDefinition, AttributeValues } from './contract.ts';

const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMBER = /^-?\d{1,15}(\.\d{1,10})?$/;
const MAX_LENGTH: Record<string, number> = { string: 500, text: 5000 };

/**
 * Checks attribute[code] values against the category's definitions: known code, required ones
 * present, the datatype (number, W3C datetime, length), list values among the allowed keys, one
 * value unless the attribute is a multivaluelist. Returns the values to keep, or the problems
 * (field `attribute[code]`), never both.
 */
export function validateAttributes(
  definitions: readonly AttributeDefinition[],
  submitted: Record<string, string[]>,
): { values: AttributeValues; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const values: AttributeValues = {};
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  for (const code of Object.keys(submitted)) {
    if (!byCode.has(code)) errors.push({ field: `attribute[${code}]`, reason: 'is not an attribute of this service' });
  }
  for (const def of definitions) {
    const field = `attribute[${def.code}]`;
    const given = (submitted[def.code] ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (given.length === 0) {
      if (def.required) errors.push({ field, reason: 'is required' });
      continue;
    }
    if (def.datatype === 'multivaluelist') {
      const keys = new Set((def.values ?? []).map((v) => v.key));
      const unique = [...new Set(given)];
      const unknown = unique.filter((v) => !keys.has(v));
      if (unknown.length > 0) errors.push({ field, reason: `${unknown.join(', ')} is not one of the allowed values`, value: unknown });
      else values[def.code] = unique;
      continue;
    }
    if (given.length > 1) {
      errors.push({ field, reason: 'takes one value' });
      continue;
    }
    const value = given[0] as string;
    switch (def.datatype) {
      case 'singlevaluelist':
        if (!(def.values ?? []).some((v) => v.key === value)) errors.push({ field, reason: 'is not one of the allowed values', value });
        else values[def.code] = value;
        break;
      case 'number':
        if (!NUMBER.test(value)) errors.push({ field, reason: 'is not a number', value });
        else values[def.code] = value;
        break;
      case 'datetime':
        if (!W3C_DATETIME.test(value) || Number.isNaN(Date.parse(value))) {
          errors.push({ field, reason: 'is not a W3C date and time, e.g. 2026-05-01T08:30:00+08:00', value });
        } else values[def.code] = value;
        break;
      default: {
        const max = MAX_LENGTH[def.datatype] ?? 500;
        if ([...value].length > max) errors.push({ field, reason: `is longer than ${max} characters` });
        else values[def.code] = value;
      }
    }
  }
  return errors.length > 0 ? { values: {}, errors } : { values, errors };
}

/**
 * Rules of a definition list itself: unique codes, unique orders, list datatypes with at least
 * one value and unique keys, other datatypes without values.
 */
export function definitionProblems(definitions: readonly AttributeDefinition[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  const orders = new Set<number>();
  definitions.forEach((d, i) => {
    const field = `attributes.${i}`;
    if (seen.has(d.code)) problems.push({ field: `${field}.code`, reason: 'is used twice', value: d.code });
    seen.add(d.code);
    if (orders.has(d.order)) problems.push({ field: `${field}.order`, reason: 'is used twice', value: d.order });
    orders.add(d.order);
    const isList = d.datatype === 'singlevaluelist' || d.datatype === 'multivaluelist';
    const values = d.values ?? [];
    if (isList && values.length === 0) problems.push({ field: `${field}.values`, reason: 'a list attribute needs at least one value' });
    if (!isList && values.length > 0) problems.push({ field: `${field}.values`, reason: 'only list attributes have values' });
    if (new Set(values.map((v) => v.key)).size !== values.length)
      problems.push({ field: `${field}.values`, reason: 'keys must be unique' });
  });
  return problems;
}
