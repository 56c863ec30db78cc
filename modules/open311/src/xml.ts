/**
 * A small XML serialiser for the Open311 documents: the shapes are fixed and shallow (a root, a
 * list of items, a few nested lists), so escaping text is all a library would add here. Element
 * order follows the order of the object's keys; null and '' become an empty element.
 */

/** Singular element name of the items of a list element, as the spec names them. */
const itemNames: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  services: 'service',
  service_requests: 'request',
  service_request_updates: 'request_update',
  errors: 'error',
};

// Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF).
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, value: unknown, indent: string): string {
  if (value === null || value === undefined || value === '') return `${indent}<${name}></${name}>`;
  if (Array.isArray(value)) {
    const item = itemNames[name] ?? 'item';
    if (value.length === 0) return `${indent}<${name}></${name}>`;
    return `${indent}<${name}>\n${value.map((v) => element(item, v, `${indent}  `)).join('\n')}\n${indent}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value as Record<string, unknown>).map(([k, v]) => element(k, v, `${indent}  `));
    return `${indent}<${name}>\n${children.join('\n')}\n${indent}</${name}>`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole document: `<root>` with one `<item>` per entry of a list, or the fields of one object. */
export function toXmlDocument(root: string, content: unknown[] | Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, content, '')}\n`;
}
