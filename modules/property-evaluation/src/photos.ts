import { createHash } from 'node:crypto';
import { AppError, type FileStore, newId } from '@linli/core';
import { propertyEvaluationErrors } from './errors.ts';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS = 12;

// The same mechanism as urban-cases' photos (its photos.ts is not part of its interface): multipart
// upload (readMultipart), the type decided by the bytes, the bytes in the file store, a row naming them.

/** The image type by its first bytes (never by the client's name or header): JPEG, PNG or WebP, else undefined. */
export function photoTypeOf(bytes: Uint8Array): { mime: string; ext: string } | undefined {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png' };
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return { mime: 'image/webp', ext: 'webp' };
  return undefined;
}

function cleanName(raw: string, ext: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim();
  return [...cleaned].slice(-200).join('') || `photo.${ext}`;
}

/**
 * Checks an uploaded photo by its bytes and size — 400 naming the field `file`, nothing stored, when it
 * is not an image or too large — and puts the bytes into the file store under `prefix`. Bytes first,
 * row second: a failed insert leaves an unreferenced file, never a row pointing at nothing.
 */
export async function storePhoto(files: FileStore, prefix: string, input: { fileName: string; bytes: Buffer }) {
  const type = input.bytes.length > 0 ? photoTypeOf(input.bytes) : undefined;
  if (!type || input.bytes.length > MAX_PHOTO_BYTES)
    throw AppError.of(propertyEvaluationErrors.photo_type, { mb: MAX_PHOTO_BYTES / 1024 / 1024 }, [
      { field: 'file', reason: type ? 'is too large' : 'is not a JPEG, PNG or WebP image', value: input.fileName },
    ]);
  const id = newId();
  const storageKey = `${prefix}/${id}`;
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  await files.put(storageKey, input.bytes);
  return { id, fileName: cleanName(input.fileName, type.ext), contentType: type.mime, size: input.bytes.length, sha256, storageKey };
}
