import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, toXmlDocument } from './xml.ts';

describe('toXmlDocument', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0008c\uFFFEd 😀')).toBe('abcd 😀');
  });

  it('writes a well-formed document whose text reads back unchanged', () => {
    const nasty = `</description><script>alert("x")</script> & 路灯 \u0001`;
    const doc = toXmlDocument('service_requests', [
      { service_request_id: '2026-000001', description: nasty, lat: 36.5, empty: null, ok: true },
    ]);
    expect(XMLValidator.validate(doc)).toBe(true);
    const parsed = new XMLParser({ parseTagValue: false, trimValues: false }).parse(doc);
    const { '#text': _indentation, ...request } = parsed.service_requests.request;
    expect(request).toEqual({
      service_request_id: '2026-000001',
      description: nasty.replace('\u0001', ''),
      lat: '36.5',
      empty: '',
      ok: 'true',
    });
  });

  it('names list items as the spec does', () => {
    const doc = toXmlDocument('service_definition', {
      service_code: 'x',
      attributes: [{ code: 'A', values: [{ key: '1', name: 'One' }] }],
    });
    expect(doc).toContain('<attributes>\n    <attribute>');
    expect(doc).toContain('<values>\n        <value>');
  });
});
