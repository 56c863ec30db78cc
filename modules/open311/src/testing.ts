import fs from 'node:fs';
import type { Db } from '@linli/db';
import { XMLParser } from 'fast-xml-parser';
import { createOpen311Client } from './commands/create-client.ts';
import { setServiceAttributes } from './commands/set-service-attributes.ts';
import type { AttributeDefinition } from './contract.ts';

/** Test helpers of the Open311 endpoints: a client, a service definition, the spec's examples. */

export const streetLightAttributes: AttributeDefinition[] = [
  { code: 'POLE', datatype: 'string', required: true, description: '路灯杆编号 Pole number', order: 1 },
  {
    code: 'KIND',
    datatype: 'singlevaluelist',
    required: false,
    description: '故障类型 What is wrong?',
    order: 2,
    values: [
      { key: 'dark', name: '不亮' },
      { key: 'flicker', name: '闪烁' },
    ],
  },
  { code: 'SINCE', datatype: 'datetime', required: false, description: '从什么时候开始 Since when?', order: 3 },
  { code: 'COUNT', datatype: 'number', required: false, description: '几盏灯 How many lamps?', order: 4 },
  {
    code: 'NEAR',
    datatype: 'multivaluelist',
    required: false,
    description: '附近有什么 What is near?',
    order: 5,
    values: [
      { key: 'school', name: '学校' },
      { key: 'crossing', name: '路口' },
    ],
  },
];

/** A client of the tenant with a known key, and attributes on street_light. */
export async function setUpOpen311(db: Db, tenantId: string, apiKey = 'test-open311-key-1') {
  const client = await db.transaction((tx) => createOpen311Client(tx, { system: true, tenantId }, { name: `Test app ${apiKey}`, apiKey }));
  await db.transaction((tx) => setServiceAttributes(tx, { system: true, tenantId }, 'street_light', streetLightAttributes));
  return client;
}

const examples = new URL('./spec-examples/', import.meta.url);

export function exampleText(file: string): string {
  return fs.readFileSync(new URL(file, examples), 'utf8');
}

/**
 * An example JSON of the spec. Three of them are not valid JSON as published (service_code:001);
 * their numbers with leading zeros are read as strings, which is what a server must send.
 */
export function exampleJson(file: string): unknown {
  return JSON.parse(exampleText(file).replace(/:\s*(0\d+)\s*([,}\n])/g, ':"$1"$2'));
}

/** The body of an example given with its HTTP status line. */
export function exampleHttp(file: string): { status: number; body: string } {
  const text = exampleText(file);
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
  return { status, body: text.slice(text.indexOf('\n\n') + 2) };
}

type Ordered = Record<string, unknown>[];

/**
 * The element outline of an XML document: for every element path (root/item/...), the names of
 * its child elements, gathered over all elements at that path.
 */
export function xmlOutline(xml: string): Record<string, string[]> {
  const parsed = new XMLParser({ preserveOrder: true, ignoreDeclaration: true }).parse(xml) as Ordered;
  const outline: Record<string, Set<string>> = {};
  const walk = (nodes: Ordered, path: string) => {
    for (const node of nodes) {
      const tag = Object.keys(node).find((k) => k !== ':@');
      if (!tag || tag === '#text') continue;
      const here = path ? `${path}/${tag}` : tag;
      const children = (node[tag] as Ordered) ?? [];
      outline[here] ??= new Set();
      for (const child of children) {
        const childTag = Object.keys(child).find((k) => k !== ':@');
        if (childTag && childTag !== '#text') outline[here].add(childTag);
      }
      walk(children, here);
    }
  };
  walk(parsed, '');
  return Object.fromEntries(Object.entries(outline).map(([k, v]) => [k, [...v].sort()]));
}

/** Keys of every object in a JSON value, by path (arrays are looked through), like xmlOutline. */
export function jsonOutline(value: unknown, path = '$', out: Record<string, Set<string>> = {}): Record<string, string[]> {
  const visit = (v: unknown, p: string) => {
    if (Array.isArray(v)) {
      for (const item of v) visit(item, `${p}[]`);
    } else if (v && typeof v === 'object') {
      out[p] ??= new Set();
      for (const [k, child] of Object.entries(v)) {
        out[p].add(k);
        visit(child, `${p}.${k}`);
      }
    }
  };
  visit(value, path);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}
