import { ApiError } from '@linli/web-kit/client';

/**
 * Why an upload failed, in the reader's language: too large (the server's 413), a content that is
 * not an accepted photo or document or does not match its name (400 on the file), an empty file,
 * too many uploads today (429), or else the server's own words.
 */
export function uploadProblem(
  e: unknown,
  t: (key: string, options?: object) => string,
  maxMb: number,
  /** Staff forms take PDF files too. */
  documents = false,
): string {
  if (e instanceof ApiError) {
    if (e.status === 413) return t('demands.photos.tooLarge', { max: maxMb });
    if (e.status === 429) return t('demands.photos.tooMany');
    const onFile = e.detailList.filter((d) => d.field === 'file');
    if (e.status === 400 && onFile.length > 0) {
      const reason = onFile.map((d) => String(d.reason ?? '')).join(' ');
      return /empty|为空/.test(reason)
        ? t('demands.photos.empty')
        : t(documents ? 'demands.photos.wrongContentFile' : 'demands.photos.wrongContent');
    }
    const reason = e.detailList.map((d) => String(d.reason ?? '')).find(Boolean);
    return t('demands.photos.uploadFailed', { message: reason ?? e.message });
  }
  return t('demands.photos.uploadFailed', { message: e instanceof Error ? e.message : String(e) });
}
