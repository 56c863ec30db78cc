import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { accountsModule } from '@linli/accounts';
import { loadConfig, type ModuleDeps } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildApp, type LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandsModule } from './module.ts';
import { buildDemandWorld, type DemandWorld, demandAt, testCipher } from './testing.ts';

let database: Database;
let app: LinliApp;
let world: DemandWorld;
let dataDir: string;
type Who = keyof DemandWorld['ctx'];
const sessions = {} as Record<Who, Session>;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'linli-attachments-'));
  database = await createTestDatabase();
  const deps: ModuleDeps = {
    database,
    db: database.db,
    cipher: testCipher,
    config: { ...loadConfig({}), dataDir, rateLimit: { apiPerMinute: 100_000, loginPerMinute: 100_000 } },
  };
  app = await buildApp({ deps, modules: [accountsModule, demandsModule] });
  await app.ready();
  world = await buildDemandWorld(database.db);
  for (const [who, account] of Object.entries(world.accounts)) sessions[who as Who] = await login(app, account.username, account.password);
});
afterAll(async () => {
  await app.close();
  await database.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(64, 0),
  Buffer.from([0xff, 0xd9]),
]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function multipart(file: { name: string; content: Buffer; type?: string }, field = 'file') {
  const boundary = `----linli${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (who: Who, name: string, content: Buffer, type?: string) => {
  const form = multipart({ name, content, type });
  return app.inject({
    method: 'POST',
    url: '/api/v1/demand-attachments',
    headers: { ...sessions[who].headers, ...form.headers },
    payload: form.payload,
  });
};
const get = (who: Who, url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: sessions[who].headers });
const post = (who: Who, url: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, headers: sessions[who].headers, payload });
const attachmentRows = async () => (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM demand_attachment'))[0]!.n;
const submission = (attachmentIds: string[]) => ({
  type: 'help',
  categoryId: world.categories.street_light,
  description: '楼道灯坏了，附照片',
  nodeId: world.tree.households[0]!.id,
  attachmentIds,
});

describe('demand attachments', () => {
  it('accepts a photo recognised by its content, stores it outside the web root, and links it at submission', async () => {
    const res = await upload('resident', '楼道.png', PNG, 'image/png');
    expect(res.statusCode).toBe(201);
    const uploaded = res.json();
    expect(uploaded).toMatchObject({ fileName: '楼道.png', contentType: 'image/png', size: PNG.length, stage: null });
    const stored = await database.query<{ storage_key: string; sha256: string }>(
      'SELECT storage_key, sha256 FROM demand_attachment WHERE id = $1',
      [uploaded.id],
    );
    const onDisk = await fs.readFile(path.join(dataDir, 'files', ...stored[0]!.storage_key.split('/')));
    expect(onDisk.equals(PNG)).toBe(true);

    const created = await post('resident', '/demands', submission([uploaded.id]));
    expect(created.statusCode).toBe(201);
    const detail = (await get('resident', `/demands/${created.json().id}`)).json();
    expect(detail.attachments).toEqual([expect.objectContaining({ id: uploaded.id, stage: 'intake', contentType: 'image/png' })]);

    const download = await get('community', `/demand-attachments/${uploaded.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="attachment-[0-9a-f-]+"; filename\*=UTF-8''%E6%A5%BC%E9%81%93\.png$/,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect(download.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses content that is not an accepted type, whatever its name or declared type says, and stores nothing', async () => {
    const before = await attachmentRows();
    const html = await upload('resident', 'photo.jpg', Buffer.from('<html><script>alert(1)</script></html>'), 'image/jpeg');
    expect(html.statusCode).toBe(400);
    expect(html.json().error.details[0]).toMatchObject({ field: 'file', value: 'photo.jpg' });
    const svg = await upload(
      'resident',
      'x.svg',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      'image/svg+xml',
    );
    expect(svg.statusCode).toBe(400);
    const renamed = await upload('resident', 'scan.pdf', JPEG, 'application/pdf');
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.details[0].reason).toBe('the content is jpg but the name ends in .pdf');
    const noName = await upload('resident', 'README', PDF);
    expect(noName.statusCode).toBe(400);
    const empty = await upload('resident', 'a.png', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const notMultipart = await post('resident', '/demand-attachments', { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    expect(await attachmentRows()).toBe(before);
  });

  it('keeps the client file name harmless: last path segment, no control characters', async () => {
    const res = await upload('grid', '../../etc/回执\u0007.pdf', PDF);
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe('回执.pdf');
  });

  it('lets only the uploader link an upload, once, and refuses the whole submission otherwise', async () => {
    const mine = (await upload('resident', 'a.jpg', JPEG)).json();
    const before = (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM demand'))[0]!.n;
    const stolen = await post('neighbour', '/demands', submission([mine.id]));
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.details).toEqual([
      { field: 'attachmentIds', reason: 'is not an upload of yours waiting to be attached', value: mine.id },
    ]);
    expect((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM demand'))[0]!.n).toBe(before);
    // Someone else's unlinked upload is not theirs to download either.
    expect((await get('neighbour', `/demand-attachments/${mine.id}`)).statusCode).toBe(404);
    expect((await get('resident', `/demand-attachments/${mine.id}`)).statusCode).toBe(200);

    expect((await post('resident', '/demands', submission([mine.id]))).statusCode).toBe(201);
    const again = await post('resident', '/demands', submission([mine.id]));
    expect(again.statusCode).toBe(400);
  });

  it('shows a demand’s photos to whoever sees the demand and to nobody else', async () => {
    const photo = (await upload('resident', 'b.jpg', JPEG)).json();
    const created = (await post('resident', '/demands', submission([photo.id]))).json();
    expect((await get('community', `/demand-attachments/${photo.id}`)).statusCode).toBe(200);
    expect((await get('county', `/demand-attachments/${photo.id}`)).statusCode).toBe(200);
    expect((await get('otherCommunity', `/demand-attachments/${photo.id}`)).statusCode).toBe(404);
    expect((await get('neighbour', `/demand-attachments/${photo.id}`)).statusCode).toBe(404);
    expect((await get('community', `/demands/${created.id}`)).json().attachments).toHaveLength(1);
  });

  it('links the handler’s photos at resolution as the resolution stage', async () => {
    const demand = await demandAt(database.db, world, 'in_progress');
    const photo = (
      await upload(
        'property',
        '修好了.webp',
        Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(24)]),
      )
    ).json();
    expect(photo.contentType).toBe('image/webp');
    const resolved = await post('property', `/demands/${demand.id}/resolve`, { result: '已更换灯泡', attachmentIds: [photo.id] });
    expect(resolved.statusCode).toBe(200);
    const detail = (await get('community', `/demands/${demand.id}`)).json();
    expect(detail.attachments).toEqual([expect.objectContaining({ id: photo.id, stage: 'resolution' })]);
  });

  it('refuses an upload without sign-in and from an account that may not submit or handle demands', async () => {
    const form = multipart({ name: 'a.png', content: PNG });
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/demand-attachments', headers: form.headers, payload: form.payload });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('the reporter’s view of a demand', () => {
  it('shows the steps and the result, but no staff names, internal notes or recorded facts', async () => {
    const demand = await demandAt(database.db, world, 'in_progress');
    expect((await post('county', `/demands/${demand.id}/supervise`, { note: '内部督办：物业经理张三负责' })).statusCode).toBe(200);
    expect((await post('property', `/demands/${demand.id}/resolve`, { result: '已协调，噪音停止' })).statusCode).toBe(200);

    const staff = (await get('community', `/demands/${demand.id}`)).json();
    expect(staff.timeline.some((e: { actorName: string | null }) => e.actorName !== null)).toBe(true);
    expect(staff.timeline.map((e: { note: string | null }) => e.note)).toContain('内部督办：物业经理张三负责');

    const resident = (await get('resident', `/demands/${demand.id}`)).json();
    expect(resident.timeline.map((e: { action: string }) => e.action)).toEqual(staff.timeline.map((e: { action: string }) => e.action));
    expect(resident.timeline.every((e: { actorName: string | null }) => e.actorName === null)).toBe(true);
    expect(JSON.stringify(resident)).not.toContain('张三');
    expect(resident.timeline.find((e: { action: string }) => e.action === 'resolve').note).toBe('已协调，噪音停止');
    expect(resident.timeline.every((e: { data: object }) => Object.keys(e.data).length === 0)).toBe(true);
  });
});
