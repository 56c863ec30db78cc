import { createHash } from 'node:crypto';
import { AppError, type FileStore, fileTypeOf, newId } from '@linli/core';
import { urbanCasesErrors } from './errors.ts';
import { MAX_PHOTO_BYTES } from './vocabulary.ts';

/** A client's file name reduced to its last segment without control characters (at most 200 characters). */
function cleanName(raw: string, ext: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim();
  return [...cleaned].slice(-200).join('') || `photo.${ext}`;
}

export interface StoredPhoto {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

/**
 * Checks an uploaded photo (type by its bytes, size) — 400 with the field `file` and nothing stored
 * when it is not an image or too large — and puts its bytes into the file store under `prefix`.
 * Bytes first, row second: a failed insert leaves an unreferenced file, never a row pointing at nothing.
 */
export async function storePhoto(files: FileStore, prefix: string, input: { fileName: string; bytes: Buffer }): Promise<StoredPhoto> {
  const type = input.bytes.length > 0 ? fileTypeOf(input.bytes) : undefined;
  if (!type || input.bytes.length > MAX_PHOTO_BYTES)
    throw AppError.of(urbanCasesErrors.photo_type, { mb: MAX_PHOTO_BYTES / 1024 / 1024 }, [
      { field: 'file', reason: type ? 'is too large' : 'is not a JPEG, PNG or WebP image', value: input.fileName },
    ]);
  const id = newId();
  const storageKey = `${prefix}/${id}`;
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  await files.put(storageKey, input.bytes);
  return { id, fileName: cleanName(input.fileName, type.ext), contentType: type.mime, size: input.bytes.length, sha256, storageKey };
}
