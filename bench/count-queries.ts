import pg from 'pg';

const orig = pg.Client.prototype.query;
let n = 0;
const seen: string[] = [];
// biome-ignore lint/suspicious/noExplicitAny: instrumentation
(pg.Client.prototype as any).query = function (this: unknown, ...a: any[]) {
  n++;
  const text = typeof a[0] === 'string' ? a[0] : a[0]?.text;
  seen.push(String(text).replace(/\s+/g, ' ').slice(0, 110));
  // biome-ignore lint/suspicious/noExplicitAny: instrumentation
  return (orig as any).apply(this, a);
};
(globalThis as { __countQueries?: () => { n: number; seen: string[] } }).__countQueries = () => {
  const r = { n, seen: [...seen] };
  n = 0;
  seen.length = 0;
  return r;
};
