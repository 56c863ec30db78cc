import { describe, expect, it } from 'vitest';
import { isValidIdNumber, isValidPhone, maskIdNumber, maskPhone, PersonalDataCipher } from './personal-data.ts';

const cipher = new PersonalDataCipher(Buffer.alloc(32, 1));

describe('personal data', () => {
  it('encrypts with a fresh IV each time and decrypts back', () => {
    const a = cipher.encrypt('13812345678');
    const b = cipher.encrypt('13812345678');
    expect(a).not.toEqual(b);
    expect(a).not.toContain('13812345678');
    expect(cipher.decrypt(a)).toBe('13812345678');
  });

  it('rejects a tampered ciphertext (GCM tag)', () => {
    const stored = cipher.encrypt('13812345678');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] = (raw.at(-1) ?? 0) ^ 1;
    expect(() => cipher.decrypt(`v1.${raw.toString('base64')}`)).toThrow();
  });

  it('cannot be read with another key, and hashes depend on the key', () => {
    const other = new PersonalDataCipher(Buffer.alloc(32, 2));
    expect(() => other.decrypt(cipher.encrypt('x'))).toThrow();
    expect(other.hash('13812345678')).not.toBe(cipher.hash('13812345678'));
    expect(cipher.hash('13812345678')).toBe(cipher.hash('13812345678'));
  });

  it('protect() normalises phones so +86 and spaces find the same person', () => {
    const a = cipher.protect('+86 138 1234 5678', 'phone');
    const b = cipher.protect('13812345678', 'phone');
    expect(a.hash).toBe(b.hash);
    expect(a.masked).toBe('138****5678');
    expect(cipher.decrypt(a.enc!)).toBe('13812345678');
    expect(cipher.protect('', 'phone')).toEqual({ enc: null, hash: null, masked: null });
  });

  it('masks phones and ID numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0536-2345678')).toBe('*******5678');
    expect(maskIdNumber('37078519900101123X')).toBe('370785********123X');
  });

  it('validates phones and the GB 11643 check digit', () => {
    expect(isValidPhone('13812345678')).toBe(true);
    expect(isValidPhone('12812345678')).toBe(false);
    expect(isValidPhone('0536-2345678')).toBe(true);
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
  });
});
