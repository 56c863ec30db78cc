import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '@linli/core';

/**
 * First start in embedded mode: no database under DATA_DIR yet, so the demo will be loaded. Only then
 * does the server load it in a child process (cli/first-start-demo.ts); on PostgreSQL, or when the
 * directory already holds a database, the server does what it always did.
 */
export function isFreshDataDir(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): boolean {
  return !config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION'));
}

export interface LoadingState {
  step: string;
  done: number;
  total: number;
}

/** Percentage of the demo load, weighted by how long each step takes (measured). */
const STEP_WEIGHTS: Record<string, number> = {
  start: 6,
  tenants: 0,
  divisions: 4,
  buildings: 3,
  households: 18,
  residents: 30,
  party: 6,
  grids: 1,
  organisations: 1,
  accounts: 1,
  demands: 29,
  audit: 0,
  open311: 1,
  done: 0,
};
const STEP_ORDER = Object.keys(STEP_WEIGHTS);

export function loadingPercent(state: LoadingState): number {
  const at = STEP_ORDER.indexOf(state.step);
  if (at < 0) return 0;
  const before = STEP_ORDER.slice(0, at).reduce((sum, s) => sum + (STEP_WEIGHTS[s] ?? 0), 0);
  const part = state.total > 0 ? (STEP_WEIGHTS[state.step] ?? 0) * Math.min(1, state.done / state.total) : 0;
  const total = Object.values(STEP_WEIGHTS).reduce((a, b) => a + b, 0);
  return Math.min(100, Math.floor(((before + part) / total) * 100));
}

/**
 * While the demo loads, the port already answers: /healthz 200, /readyz and every other path 503
 * with the step and percentage (JSON for API clients, a short page that reloads itself for browsers).
 */
export async function startLoadingServer(
  port: number,
  host: string,
  state: () => LoadingState,
): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const s = state();
    const percent = loadingPercent(s);
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      return;
    }
    const body = { status: 'loading demo', step: s.step, percent };
    const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html') && !req.url?.startsWith('/api/');
    res.setHeader('retry-after', '2');
    res.setHeader('cache-control', 'no-store');
    if (wantsHtml) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>邻里 Linli</title>` +
          `<p>正在载入演示数据（${percent}%）… Loading the demo county (${percent} %)…</p></html>`,
      );
      return;
    }
    res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli', 'first-start-demo.ts');

/**
 * Runs cli/first-start-demo.ts (migrate, key, demo) in a child process and waits for it; the port
 * answers 503 with the progress meanwhile. Rejects when the child fails (it has printed why). The
 * loading page keeps the port until the returned close() (the server calls it right before it
 * listens, so the port never goes silent while the server opens the database).
 */
export async function loadDemoInChild(
  config: Pick<AppConfig, 'port' | 'host'>,
  options: { script?: string; onProgress?: (state: LoadingState) => void } = {},
): Promise<{ close: () => Promise<void> }> {
  const script = options.script ?? childScript;
  let state: LoadingState = { step: 'start', done: 0, total: 1 };
  const placeholder = await startLoadingServer(config.port, config.host, () => state).catch((err: Error) => {
    throw new Error(`cannot listen on ${config.host}:${config.port}: ${err.message}`);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), script], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        env: process.env,
      });
      child.on('message', (m: { type?: string } & Partial<LoadingState>) => {
        if (m.type !== 'progress' || typeof m.step !== 'string') return;
        state = { step: m.step, done: m.done ?? 0, total: m.total ?? 1 };
        options.onProgress?.(state);
      });
      child.on('error', reject);
      child.on('exit', (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`the first-start demo load failed (exit ${code ?? signal})`)),
      );
      // Stopping the server during the load stops the load too.
      const forward = (sig: NodeJS.Signals) => child.kill(sig);
      process.once('SIGINT', forward);
      process.once('SIGTERM', forward);
      child.on('exit', () => {
        process.off('SIGINT', forward);
        process.off('SIGTERM', forward);
      });
    });
  } catch (err) {
    await placeholder.close();
    throw err;
  }
  // Loaded: the server opens the database now; the page says so until it listens itself.
  state = { step: 'done', done: 1, total: 1 };
  return { close: placeholder.close };
}
