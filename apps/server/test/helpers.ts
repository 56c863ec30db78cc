import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AppConfig, loadConfig, type ModuleDeps, PersonalDataCipher } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildApp, type LinliApp } from '../src/app.ts';

export const testCipher = new PersonalDataCipher(Buffer.alloc(32, 7));

export interface TestApp {
  app: LinliApp;
  deps: ModuleDeps;
  database: Database;
  close(): Promise<void>;
}

/** The whole HTTP app on a fresh test database (or the one given), for app.inject tests. */
export async function createTestApp(options: { database?: Database; config?: Partial<AppConfig> } = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config: AppConfig = {
    ...loadConfig({}),
    rateLimit: { apiPerMinute: 100_000, loginPerMinute: 100_000 },
    // Audit checkpoints of this app only, never those of a local ./data.
    auditCheckpoints: { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'linli-checkpoints-')), minutes: 60 },
    ...options.config,
  };
  const deps: ModuleDeps = { database, db: database.db, cipher: testCipher, config };
  const app = await buildApp({ deps });
  await app.ready();
  return {
    app,
    deps,
    database,
    async close() {
      await app.close();
      if (!options.database) await database.close();
      if (!options.config?.auditCheckpoints) fs.rmSync(config.auditCheckpoints.dir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  headers: { cookie: string; 'x-csrf-token': string };
  csrfToken: string;
}

/** Signs in through the API and returns the headers later requests need (cookie + CSRF token). */
export async function login(app: LinliApp, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'linli_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = res.json().csrfToken as string;
  return { headers: { cookie: `linli_session=${cookie.value}`, 'x-csrf-token': csrfToken }, csrfToken };
}
