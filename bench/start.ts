// Start-up benchmark: `npm run bench -- start [--json] [--keep]`. What `npm start` does on a fresh
// clone, timed from outside: the web-build check (apps/server/src/cli/build-web.ts, which skips an
// unchanged build), then the server (apps/server/src/main.ts) on an empty temporary DATA_DIR — it
// creates the database, loads the demo county in a child process and listens. Measured:
// - cold_start_s: from the first spawn until /readyz answers 200 and the demo admin can log in;
// - rss_mb_after_start: resident memory of the server process then (Linux /proc);
// - rss_mb_after_session: after a short browser-like session of staff reads at county and community
//   scope (territory, residents, party, demands inbox and dashboard), each page twice;
// - warm_start_s / rss_mb_after_warm_start: the server stopped and started again on the same directory.
// The machine is shared: load averages before and after are part of the result.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAverage, logger, round } from './lib/harness.ts';

const ownRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface StartResult {
  suite: 'start';
  cold_start_s: number;
  /** CPU seconds of the first run: web check, server and demo-loading child, the session, the stop. */
  cpu_s_first_run: number;
  web_check_s: number;
  demo_load_s: number | null;
  rss_mb_after_start: number;
  rss_mb_after_session: number;
  rss_mb_peak_server: number;
  warm_start_s: number;
  rss_mb_after_warm_start: number;
  load_before: number;
  load_after: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** VmRSS and VmHWM of a process in MiB (Linux). */
export function processMemory(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/**
 * CPU seconds (user + system) of this process's waited-for children and their own waited-for
 * children (Linux /proc/self/stat cutime + cstime, 100 ticks a second): the server and the
 * demo-loading child it waited for, once the server has exited. Less sensitive to the machine's
 * load than wall-clock time.
 */
export function childrenCpuSeconds(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  child: ChildProcess;
  output: () => string;
}

function startServer(root: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Server {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output += text;
    for (const line of text.split('\n')) if (line.startsWith('demo') || line.startsWith('ready in')) log(`  | ${line.trim()}`);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { child, output: () => output };
}

async function login(base: string): Promise<Record<string, string> | undefined> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Linli@2026' }),
  }).catch(() => undefined);
  if (res?.status !== 200) return undefined;
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('linli_session='))
    ?.split(';')[0];
  const body = (await res.json()) as { csrfToken: string };
  return cookie ? { cookie, 'x-csrf-token': body.csrfToken } : undefined;
}

/** Polls until /readyz is 200 and the demo admin logs in; returns the admin's session headers. */
async function waitReady(base: string, server: Server, timeoutMs = 900_000): Promise<Record<string, string>> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null) throw new Error(`the server exited (${server.child.exitCode}):\n${server.output()}`);
    const ready = await fetch(`${base}/readyz`).catch(() => undefined);
    if (ready?.status === 200) {
      const session = await login(base);
      if (session) return session;
    }
    await sleep(100);
  }
  throw new Error(`not ready after ${timeoutMs / 1000} s:\n${server.output()}`);
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await Promise.race([exited, sleep(20_000)]);
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
}

/** What a staff member's browser asks for in the first minutes: county and community pages. */
async function browse(base: string, headers: Record<string, string>): Promise<void> {
  const get = async (url: string) => {
    const res = await fetch(`${base}/api/v1${url}`, { headers });
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  const roots = (await get('/territory/roots')) as { items?: { id: string }[] } | { id: string }[];
  const county = (Array.isArray(roots) ? roots : (roots.items ?? []))[0];
  if (!county) throw new Error('no territory root');
  const year = new Date().getFullYear() - 1;
  const pages = [
    '/auth/me',
    `/territory/nodes/${county.id}`,
    `/territory/nodes?parentId=${county.id}`,
    '/people/residents?limit=50',
    `/party/coverage?nodeId=${county.id}`,
    '/demands?limit=20',
    '/demands?tab=to_callback&limit=20',
    `/demands/kpis?nodeId=${county.id}&from=${year}-01-01&to=${year}-12-31`,
  ];
  for (let round = 0; round < 2; round++) for (const page of pages) await get(page);
}

/**
 * root: the checkout to start (default this one; `--root DIR` measures another commit's checkout with
 * its own node_modules — one without the build stamp is started as its `npm start` did: full web build).
 */
export async function runStartBenchmark(
  log: (line: string) => void,
  options: { keep?: boolean; root?: string } = {},
): Promise<StartResult> {
  const root = options.root ?? ownRoot;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-start-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LINLI_DEMO: 'true',
  };
  delete env.DATABASE_URL;
  delete env.LINLI_ENCRYPTION_KEY;
  delete env.LINLI_ENCRYPTION_KEY_FILE;
  const loadBefore = await loadAverage();
  log(`start benchmark: DATA_DIR ${dataDir}, port ${port}, load ${loadBefore}`);
  try {
    const stamped = fs.existsSync(path.join(root, 'apps/server/src/cli/build-web.ts'));
    // What `npm ci` did before (its prepare script builds the web app when the sources changed), untimed.
    if (stamped) spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/build-web.ts'], { cwd: root, stdio: 'inherit' });
    const cpu0 = childrenCpuSeconds();
    const t0 = performance.now();
    const check = stamped
      ? spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/build-web.ts'], { cwd: root, stdio: 'inherit' })
      : spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (check.status !== 0) throw new Error('the web build failed');
    const webCheck = (performance.now() - t0) / 1000;
    let server = startServer(root, env, log);
    const admin = await waitReady(base, server);
    const cold = (performance.now() - t0) / 1000;
    const pid = server.child.pid as number;
    const afterStart = processMemory(pid);
    log(`  ready and admin logged in after ${cold.toFixed(1)} s, server RSS ${afterStart.rss} MiB`);
    await browse(base, admin);
    const afterSession = processMemory(pid);
    log(`  after a browsing session: RSS ${afterSession.rss} MiB (peak ${afterSession.peak} MiB)`);
    const demo = /demo loaded in ([\d.]+) s/.exec(server.output());
    await stopServer(server);
    const cpuFirstRun = childrenCpuSeconds() - cpu0;

    const t1 = performance.now();
    server = startServer(root, env, log);
    await waitReady(base, server);
    const warm = (performance.now() - t1) / 1000;
    const afterWarm = processMemory(server.child.pid as number);
    log(`  warm start: ready after ${warm.toFixed(1)} s, RSS ${afterWarm.rss} MiB`);
    await stopServer(server);
    return {
      suite: 'start',
      cold_start_s: round(cold),
      cpu_s_first_run: round(cpuFirstRun),
      web_check_s: round(webCheck),
      demo_load_s: demo ? Number(demo[1]) : null,
      rss_mb_after_start: afterStart.rss,
      rss_mb_after_session: afterSession.rss,
      rss_mb_peak_server: afterSession.peak,
      warm_start_s: round(warm),
      rss_mb_after_warm_start: afterWarm.rss,
      load_before: loadBefore,
      load_after: await loadAverage(),
    };
  } finally {
    if (!options.keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function main(args: string[]): Promise<void> {
  const asJson = args.includes('--json');
  const log = logger(asJson);
  const root = args.includes('--root') ? path.resolve(args[args.indexOf('--root') + 1] as string) : undefined;
  const result = await runStartBenchmark(log, { keep: args.includes('--keep'), root });
  if (asJson) console.log(JSON.stringify(result, null, 2));
  else for (const [k, v] of Object.entries(result)) log(`  ${k.padEnd(26)} ${v}`);
}
