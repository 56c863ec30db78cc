import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAccount } from '@linli/accounts/testing';
import { createDatabase, type Database } from '@linli/db';
import { postgresTemplateName, testDriver, testServerUrl } from '@linli/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Several server processes on one PostgreSQL database, as a province or a busy county runs them
// behind a load balancer: two real `node apps/server/src/main.ts` processes, one database, one
// shared files directory. Embedded PGlite is one process by design, so this runs on PostgreSQL only.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let work = '';
let filesDir = '';
const dbName = `linli_test_multi_${process.pid}_${Date.now().toString(36)}`;
const LIMITS = { api: 10, loginPerAddress: 6, loginPerName: 4, lockoutFailures: 3 };
const PASSWORD = 'Desk@2026pass';

interface Server {
  name: string;
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: string[];
}

const servers: Server[] = [];
let database: Database | undefined;
let databaseCreated = false;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _u, DATA_DIR: _d, LINLI_ENCRYPTION_KEY_FILE: _f, LINLI_FILES_DIR: _l, RATE_LIMIT_STORE: _s, ...rest } = process.env;
  return {
    ...rest,
    DATABASE_URL: testServerUrl(dbName),
    LINLI_ENCRYPTION_KEY: 'cd'.repeat(32),
    LINLI_DEMO: 'false',
    LINLI_JOBS: 'false',
    LINLI_FILES_DIR: filesDir,
    // Each request below names its client address (X-Forwarded-For), so each part starts with fresh limits.
    TRUST_PROXY: 'true',
    RATE_LIMIT_PER_MINUTE: String(LIMITS.api),
    LOGIN_RATE_LIMIT_PER_MINUTE: String(LIMITS.loginPerAddress),
    LOGIN_RATE_LIMIT_PER_USER_PER_MINUTE: String(LIMITS.loginPerName),
    LOCKOUT_MAX_FAILURES: String(LIMITS.lockoutFailures),
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

async function startServer(name: string): Promise<Server> {
  const port = await freePort();
  const dataDir = path.join(work, `data-${name}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: serverEnv({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server: Server = { name, url: `http://127.0.0.1:${port}`, dataDir, child, output: [] };
  servers.push(server);
  child.stdout?.on('data', (d: Buffer) => server.output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => server.output.push(d.toString()));
  // Ready within 90 s (tsx compiles the server on a loaded 2-core machine), polled every 250 ms.
  for (let i = 0; i < 360; i++) {
    if (child.exitCode !== null) throw new Error(`server ${name} exited ${child.exitCode}:\n${server.output.join('')}`);
    const ready = await fetch(`${server.url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return server;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server ${name} not ready after 90 s:\n${server.output.join('')}`);
}

let a: Server;
let b: Server;
let countyId: string;

const request = (server: Server, url: string, client: string, init: RequestInit = {}) =>
  fetch(`${server.url}${url}`, { ...init, headers: { 'x-forwarded-for': client, ...(init.headers as Record<string, string>) } });

const loginOn = (server: Server, client: string, username: string, password: string) =>
  request(server, '/api/v1/auth/login', client, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

describe.runIf(testDriver() === 'postgres')(
  'two server processes on one PostgreSQL database (PostgreSQL only: embedded PGlite is one process)',
  () => {
    beforeAll(async () => {
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-two-processes-'));
      filesDir = path.join(work, 'shared-files');
      const admin = new pg.Client({ connectionString: testServerUrl() });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${postgresTemplateName}`).finally(() => admin.end());
      databaseCreated = true;

      // The operator's path: a county set up with tenant:init, without the demo.
      const init = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'apps/server/src/cli/tenant-init.ts', '--code', '341602', '--name', '谯城区', '--admin', 'qc.sys'],
        { cwd: root, env: serverEnv({ DATA_DIR: path.join(work, 'data-init') }), encoding: 'utf8' },
      );
      if (init.status !== 0) throw new Error(`tenant:init failed:\n${init.stdout}\n${init.stderr}`);
      expect(init.stdout).toContain('qc.sys');

      database = await createDatabase({ url: testServerUrl(dbName), poolSize: 2 });
      const [county] = await database.query<{ id: string }>(
        "SELECT id FROM territory_node WHERE tenant_id = '341602' AND parent_id IS NULL",
      );
      countyId = county!.id;
      for (const username of ['desk.one', 'desk.two']) {
        await createAccount(database.db, {
          tenantId: '341602',
          username,
          password: PASSWORD,
          grants: [{ role: 'county_staff', nodeId: countyId }],
        });
      }

      [a, b] = await Promise.all([startServer('a'), startServer('b')]);
    }, 240_000);

    afterAll(async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              if (s.child.exitCode !== null) return resolve();
              const killer = setTimeout(() => s.child.kill('SIGKILL'), 10_000);
              s.child.once('exit', () => {
                clearTimeout(killer);
                resolve();
              });
              s.child.kill('SIGTERM');
            }),
        ),
      );
      await database?.close();
      if (databaseCreated) {
        const admin = new pg.Client({ connectionString: testServerUrl() });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).finally(() => admin.end());
      }
      if (work) fs.rmSync(work, { recursive: true, force: true });
    }, 60_000);

    it(`the API limit per client address is one limit: requests split between the processes get 429 after ${LIMITS.api} in all`, async () => {
      const statuses: { server: string; status: number }[] = [];
      for (let i = 0; i < 2 * LIMITS.api; i++) {
        const server = i % 2 === 0 ? a : b;
        const res = await request(server, '/api/v1/auth/me', '198.51.100.10');
        statuses.push({ server: server.name, status: res.status });
      }
      const passed = statuses.filter((s) => s.status !== 429);
      expect(passed).toHaveLength(LIMITS.api);
      expect(statuses.slice(0, LIMITS.api).every((s) => s.status === 401)).toBe(true);
      // Both processes refuse once the shared count is reached, though each saw only half of it.
      expect(statuses.slice(LIMITS.api).map((s) => s.status)).toEqual(Array(LIMITS.api).fill(429));
      expect(new Set(statuses.slice(LIMITS.api).map((s) => s.server))).toEqual(new Set(['a', 'b']));
      // Another address is not affected.
      expect((await request(b, '/api/v1/auth/me', '198.51.100.11')).status).toBe(401);
    });

    it(`the login limit per address is shared: ${LIMITS.loginPerAddress} attempts in all, then 429 from either process`, async () => {
      const statuses: number[] = [];
      for (let i = 0; i < LIMITS.loginPerAddress + 2; i++) {
        statuses.push((await loginOn(i % 2 === 0 ? a : b, '198.51.100.20', `nobody.${i}`, 'wrong')).status);
      }
      expect(statuses).toEqual([...Array(LIMITS.loginPerAddress).fill(401), 429, 429]);
    });

    it(`the login limit per user name is shared: ${LIMITS.loginPerName} attempts on one name from many addresses, then 429`, async () => {
      const statuses: number[] = [];
      for (let i = 0; i < LIMITS.loginPerName + 2; i++) {
        statuses.push((await loginOn(i % 2 === 0 ? a : b, `198.51.100.${30 + i}`, 'nobody.here', 'wrong')).status);
      }
      expect(statuses).toEqual([...Array(LIMITS.loginPerName).fill(401), 429, 429]);
    });

    it('wrong passwords on process A lock the account on process B (the lockout is in the account row)', async () => {
      for (let i = 0; i < LIMITS.lockoutFailures; i++) {
        expect((await loginOn(a, `198.51.100.${40 + i}`, 'desk.one', 'Wrong@2026pass')).status).toBe(401);
      }
      // The right password on B is refused: the account is locked for every process.
      const onB = await loginOn(b, '198.51.100.49', 'desk.one', PASSWORD);
      expect(onB.status).toBe(401);
      const [row] = await database!.query<{ locked: boolean }>(
        "SELECT locked_until > now() AS locked FROM account WHERE username = 'desk.one'",
      );
      expect(row).toEqual({ locked: true });
      // B itself lets a colleague in: only the locked account is refused.
      expect((await loginOn(b, '198.51.100.50', 'desk.two', PASSWORD)).status).toBe(200);
    });

    it('a photo uploaded through process A is served by process B from the shared files directory', async () => {
      const signIn = await loginOn(a, '198.51.100.60', 'desk.two', PASSWORD);
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers
        .getSetCookie()
        .find((c) => c.startsWith('linli_session='))!
        .split(';')[0]!;
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
      const form = new FormData();
      form.append('file', new Blob([png], { type: 'image/png' }), '路灯.png');
      const uploaded = await request(a, '/api/v1/demand-attachments', '198.51.100.60', {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: form,
      });
      expect(uploaded.status).toBe(201);
      const { id } = (await uploaded.json()) as { id: string };

      const served = await request(b, `/api/v1/demand-attachments/${id}`, '198.51.100.61', { headers: { cookie } });
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
      // The bytes are in the shared directory, not beside either process's data.
      const [stored] = await database!.query<{ storage_key: string }>('SELECT storage_key FROM demand_attachment WHERE id = $1', [id]);
      expect(fs.readFileSync(path.join(filesDir, ...stored!.storage_key.split('/')))).toEqual(png);
      for (const s of [a, b]) expect(fs.existsSync(path.join(s.dataDir, 'files'))).toBe(false);
    });
  },
);
