import { type AppError, type FileStore, runWrite } from '@linli/core';
import type { Database, Tx } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetingRepository } from '../meeting.repository.ts';
import { buildMeetingWorld, councilWithMembers, draftMeeting, insertResidents } from '../testing.ts';
import { imageType, photoKey, uploadPhoto } from './upload-photo.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildMeetingWorld>>;
const stored = new Map<string, Buffer>();
const files: FileStore = {
  put: async (key, bytes) => void stored.set(key, Buffer.from(bytes)),
  get: async (key) => stored.get(key),
  delete: async (key) => void stored.delete(key),
};
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const write = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => runWrite(database.db, fn);

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildMeetingWorld(database);
});
afterAll(() => database.close());

describe('uploadPhoto', () => {
  it('tells images by their first bytes', () => {
    expect(imageType(PNG)).toBe('image/png');
    expect(imageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(imageType(Buffer.from('RIFF0000WEBPVP8 '))).toBe('image/webp');
    expect(imageType(Buffer.from('%PDF-1.4 hello'))).toBeUndefined();
  });

  it('keeps the sign-in sheet of a meeting in scope, refuses other files and the signatures before the meeting opens', async () => {
    const ids = await insertResidents(database.db, world.tree.a.h101, ['甲', '乙', '丙']);
    const council = await councilWithMembers(database, world.staff, { nodeId: world.tree.a.compound.id, level: 'compound' }, ids);
    const meeting = await draftMeeting(database, world.staff, council.id);
    const photo = await write((tx) => uploadPhoto(tx, files, world.staff, meeting.id, 'sign_in_sheet', { name: '签到表.png', data: PNG }));
    expect(photo).toMatchObject({ kind: 'sign_in_sheet', fileName: '签到表.png' });
    expect(stored.get(photoKey('370785', photo.id))?.equals(PNG)).toBe(true);
    expect(await new MeetingRepository(database.db).photo('370785', meeting.id, photo.id)).toMatchObject({ contentType: 'image/png' });

    const pdf = await write((tx) =>
      uploadPhoto(tx, files, world.staff, meeting.id, 'sign_in_sheet', { name: 'x.pdf', data: Buffer.from('%PDF-1.4 hello') }),
    ).catch((e: AppError) => e.declared?.code);
    expect(pdf).toBe('meetings.photo_type');
    const early = await write((tx) => uploadPhoto(tx, files, world.staff, meeting.id, 'signatures', { name: 's.png', data: PNG })).catch(
      (e: AppError) => e.declared?.code,
    );
    expect(early).toBe('meetings.wrong_status');
    const other = await write((tx) =>
      uploadPhoto(tx, files, world.otherStaff, meeting.id, 'sign_in_sheet', { name: 'o.png', data: PNG }),
    ).catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
    expect(stored.size).toBe(1);
  });
});
