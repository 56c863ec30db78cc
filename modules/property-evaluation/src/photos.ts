import { createHash } from 'node:crypto';
import { AppError, type FileStore, fileTypeOf, newId } from '@linli/core';
import { propertyEvaluationErrors } from './errors.ts';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS = 12;

// The same mechanism as urban-cases' photos (its photos.ts is not part of its interface): multipart
// upload (readMultipart), the type decided by the bytes, the bytes in the file store, a row naming them.

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
  const type = input.bytes.length > 0 ? fileTypeOf(input.bytes) : undefined;
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
