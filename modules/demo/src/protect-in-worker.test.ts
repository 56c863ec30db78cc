import { PersonalDataCipher } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { protectMany } from './protect-in-worker.ts';

const masterKey = Buffer.alloc(32, 3);
const cipher = new PersonalDataCipher(masterKey);
// More than two worker batches of each kind, so order across batches and groups is checked.
const phones = Array.from({ length: 11_003 }, (_, i) => `13${String(i).padStart(9, '0')}`);
const ids = Array.from({ length: 5_001 }, (_, i) => `37078519900101${String(i % 10_000).padStart(4, '0')}`);

describe('protectMany', () => {
  it('encrypts, hashes and masks on a worker thread exactly as the cipher does, in order', async () => {
    const [p, d] = await protectMany(
      [
        { kind: 'phone', values: phones },
        { kind: 'id_number', values: ids },
      ],
      { masterKey, cipher },
    );
    expect(p!.enc).toHaveLength(phones.length);
    expect(d!.enc).toHaveLength(ids.length);
    for (const i of [0, 4_999, 5_000, 10_000, 11_002]) {
      const expected = cipher.protect(phones[i], 'phone');
      expect(cipher.decrypt(p!.enc[i]!)).toBe(phones[i]);
      expect([p!.hash[i], p!.masked[i]]).toEqual([expected.hash, expected.masked]);
    }
    for (const i of [0, 5_000]) {
      expect(cipher.decrypt(d!.enc[i]!)).toBe(ids[i]);
      expect(d!.hash[i]).toBe(cipher.hash(ids[i]!));
      expect(d!.masked[i]).toBe(cipher.protect(ids[i], 'id_number').masked);
    }
    // A fresh IV per value: equal plain values never give equal ciphertexts.
    expect(new Set(p!.enc).size).toBe(phones.length);
  });

  it('without the master key protects the values on this thread, with the same result', async () => {
    const [inline] = await protectMany([{ kind: 'phone', values: phones.slice(0, 10) }], { cipher });
    const [worker] = await protectMany([{ kind: 'phone', values: phones.slice(0, 10) }], { masterKey, cipher });
    expect(inline!.hash).toEqual(worker!.hash);
    expect(inline!.masked).toEqual(worker!.masked);
    expect(inline!.enc.map((e) => cipher.decrypt(e!))).toEqual(phones.slice(0, 10));
  });

  it('answers empty groups without starting a worker', async () => {
    expect(await protectMany([{ kind: 'phone', values: [] }], { masterKey, cipher })).toEqual([{ enc: [], hash: [], masked: [] }]);
  });
});
