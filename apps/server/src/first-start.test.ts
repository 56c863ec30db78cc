import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isFreshDataDir, type LoadingState, loadDemoInChild, loadingPercent, startLoadingServer } from './first-start.ts';

const dirs: string[] = [];
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-first-start-'));
  dirs.push(d);
  return d;
};

describe('first start', () => {
  it('is the first start only in embedded mode on a directory without a database', () => {
    const dir = tmp();
    expect(isFreshDataDir({ dataDir: dir, databaseUrl: undefined })).toBe(true);
    expect(isFreshDataDir({ dataDir: path.join(dir, 'not-yet'), databaseUrl: undefined })).toBe(true);
    expect(isFreshDataDir({ dataDir: dir, databaseUrl: 'postgres://localhost/x' })).toBe(false);
    fs.mkdirSync(path.join(dir, 'pgdata'));
    fs.writeFileSync(path.join(dir, 'pgdata', 'PG_VERSION'), '18\n');
    expect(isFreshDataDir({ dataDir: dir, databaseUrl: undefined })).toBe(false);
  });

  it('reports the load in percent, weighted by step, from 0 to 100 and never backwards', () => {
    const steps = ['start', 'tenants', 'divisions', 'buildings', 'households', 'residents', 'party', 'demands', 'open311', 'done'];
    const seen: number[] = [];
    for (const step of steps) for (const done of [0, 1, 2]) seen.push(loadingPercent({ step, done, total: 2 }));
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(100);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(loadingPercent({ step: 'residents', done: 1, total: 2 })).toBeGreaterThan(
      loadingPercent({ step: 'residents', done: 0, total: 2 }),
    );
    expect(loadingPercent({ step: 'unknown', done: 1, total: 1 })).toBe(0);
  });

  it('answers on the port while loading: /healthz 200, /readyz 503 with the step, a reloading page for browsers', async () => {
    let state: LoadingState = { step: 'residents', done: 1, total: 2 };
    const server = await startLoadingServer(0, '127.0.0.1', () => state);
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('2');
      const body = (await ready.json()) as { status: string; step: string; percent: number };
      expect(body).toMatchObject({ status: 'loading demo', step: 'residents' });
      expect(body.percent).toBeGreaterThan(0);
      expect(body.percent).toBeLessThan(100);
      const api = await fetch(`${base}/api/v1/auth/me`, { headers: { accept: 'text/html' } });
      expect([api.status, api.headers.get('content-type')]).toEqual([503, 'application/json']);
      const page = await fetch(`${base}/login`, { headers: { accept: 'text/html,*/*' } });
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('正在载入演示数据');
      state = { step: 'done', done: 1, total: 1 };
      expect(((await (await fetch(`${base}/readyz`)).json()) as { percent: number }).percent).toBe(100);
    } finally {
      await server.close();
    }
    // Closed: the port is free for the server.
    await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();
  });

  it('waits for the loading process, forwarding its progress to the port, and fails when it fails', async () => {
    const dir = tmp();
    const ok = path.join(dir, 'ok.mts');
    fs.writeFileSync(
      ok,
      `process.send?.({ type: 'progress', step: 'residents', done: 1, total: 2 });
       await new Promise((r) => setTimeout(r, 50));
       process.exit(0);`,
    );
    const seen: LoadingState[] = [];
    const port = await freePort();
    const page = await loadDemoInChild({ port, host: '127.0.0.1' }, { script: ok, onProgress: (s) => seen.push(s) });
    expect(seen).toEqual([{ step: 'residents', done: 1, total: 2 }]);
    // Loaded: the page keeps the port (100 %, still 503) until the server is about to listen.
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect([ready.status, ((await ready.json()) as { percent: number }).percent]).toEqual([503, 100]);
    await page.close();
    await expect(fetch(`http://127.0.0.1:${port}/readyz`)).rejects.toThrow();
    const bad = path.join(dir, 'bad.mts');
    fs.writeFileSync(bad, 'process.exit(3);');
    await expect(loadDemoInChild({ port: 0, host: '127.0.0.1' }, { script: bad })).rejects.toThrow(
      'the first-start demo load failed (exit 3)',
    );
  });

  it('refuses to start when the port is taken, before loading anything', async () => {
    const taken = await startLoadingServer(0, '127.0.0.1', () => ({ step: 'start', done: 0, total: 1 }));
    try {
      await expect(loadDemoInChild({ port: taken.port, host: '127.0.0.1' }, { script: '/nonexistent.ts' })).rejects.toThrow(
        `cannot listen on 127.0.0.1:${taken.port}`,
      );
    } finally {
      await taken.close();
    }
  });
});
