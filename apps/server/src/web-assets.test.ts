import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/helpers.ts';

// A web build in miniature: index.html and one hashed asset with the .br and .gz copies the build
// writes beside it.
let t: TestApp;
let webDist: string;
const script = `console.log(${JSON.stringify('邻里'.repeat(400))});`;

beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-web-'));
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>邻里</title><script src="/assets/main-AbC123.js"></script>');
  fs.writeFileSync(path.join(webDist, 'm.html'), '<!doctype html><title>邻里 居民端</title><script src="/assets/m-XyZ789.js"></script>');
  fs.writeFileSync(path.join(webDist, 'assets', 'main-AbC123.js'), script);
  fs.writeFileSync(path.join(webDist, 'assets', 'main-AbC123.js.br'), brotliCompressSync(script));
  fs.writeFileSync(path.join(webDist, 'assets', 'main-AbC123.js.gz'), gzipSync(script));
  t = await createTestApp({ config: { webDist } });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('sends the brotli copy to a browser that accepts it, gzip to one that accepts only gzip, plain to others', async () => {
    const br = await t.app.inject({ url: '/assets/main-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(br.headers['content-type']).toMatch(/javascript/);

    const gz = await t.app.inject({ url: '/assets/main-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');

    const plain = await t.app.inject({ url: '/assets/main-AbC123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('lets browsers keep hashed assets for a year and checks index.html and client routes on every load', async () => {
    const asset = await t.app.inject({ url: '/assets/main-AbC123.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/demands/inbox']) {
      const page = await t.app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toMatch(/text\/html/);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('sends the resident entry (m.html) for /m, the notice board and the login page that leads back to /m, the staff app for the rest', async () => {
    const resident = [
      '/m',
      '/m/',
      '/m/demands/new',
      '/m/demands/0190?x=1',
      '/board/370785/abc',
      '/login?next=/m',
      '/login?next=%2Fm%2Fdemands%2Fnew',
    ];
    for (const url of resident) {
      const page = await t.app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toMatch(/text\/html/);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.body, url).toContain('/assets/m-XyZ789.js');
    }
    const staff = ['/', '/login', '/login?next=/demands', '/login?next=/mobile', '/demands', '/demands/dashboard', '/mail', '/members/m'];
    for (const url of staff) {
      const page = await t.app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain('/assets/main-AbC123.js');
    }
  });
});

describe('a build without the resident entry', () => {
  it('serves index.html for /m too', async () => {
    const oldDist = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-web-'));
    fs.writeFileSync(path.join(oldDist, 'index.html'), '<!doctype html><title>邻里</title>');
    const old = await createTestApp({ config: { webDist: oldDist } });
    try {
      const page = await old.app.inject({ url: '/m/demands/new' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>邻里</title>');
    } finally {
      await old.close();
      fs.rmSync(oldDist, { recursive: true, force: true });
    }
  });
});
