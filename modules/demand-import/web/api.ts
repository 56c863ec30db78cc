import type { ImportJob } from '@linli/core/contract-types';
import type {
  FileInspection,
  DemandImportConfig as ImportConfig,
  ImportMapping,
  ImportPreset,
  ImportPreview,
  ImportResult,
} from '@linli/demand-import/contract';
import { ApiError, api, apiUrl, request } from '@linli/web-kit/client';

// Client of /demand-imports: its shapes are the types of modules/demand-import/src/contract.ts.

/** The row errors of an import are those of the territory's imports (core's ImportRowError). */
export type { ImportJob, ImportRowError as RowError } from '@linli/core/contract-types';
export type {
  DemandImportConfig as ImportConfig,
  FileInspection,
  ImportColumns,
  ImportField,
  ImportMapping,
  ImportPreset,
  ImportPreview,
  ImportResult,
  ImportStatus,
} from '@linli/demand-import/contract';
export { dateFormats, importFields, importStatuses } from '@linli/demand-import/vocabulary';

/**
 * A random UUID (v4) for a new import job. crypto.randomUUID exists only in secure contexts (HTTPS or
 * localhost); a county intranet served over plain HTTP still has crypto.getRandomValues.
 */
export function newJobId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const importApi = {
  job: (jobId: string) => api.get<ImportJob>(`/demand-imports/${jobId}`),
  presets: () => api.get<ImportPreset[]>('/demand-imports/presets'),
  mappings: () => api.get<ImportMapping[]>('/demand-imports/mappings'),
  create: (body: { name: string; config: ImportConfig }) => api.post<ImportMapping>('/demand-imports/mappings', body),
  update: (id: string, body: { name: string; config: ImportConfig; version: number }) =>
    request<ImportMapping>('PUT', `/demand-imports/mappings/${id}`, { body }),
  remove: (id: string) => api.delete<void>(`/demand-imports/mappings/${id}`),
  inspect: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.post<FileInspection>('/demand-imports/inspect', form);
  },
  /** What the import would do (new and known rows, category and channel changes), nothing written. */
  preview: (mappingId: string, file: File) => {
    const form = new FormData();
    form.append('mappingId', mappingId);
    form.append('file', file, file.name);
    return upload<ImportPreview>('POST', '/demand-imports/preview', form);
  },
  /** The upload reports its progress (bytes sent); the server answers when the import is over, and `job` shows the rows meanwhile. */
  run: (mappingId: string, jobId: string, file: File, onProgress: (percent: number) => void, updateClassification = false) => {
    const form = new FormData();
    // Fields before the file: a streaming multipart parser sees mappingId when the file arrives.
    form.append('mappingId', mappingId);
    form.append('jobId', jobId);
    if (updateClassification) form.append('updateClassification', 'true');
    form.append('file', file, file.name);
    return upload<ImportResult>('POST', '/demand-imports', form, undefined, onProgress);
  },
};

/** The session's CSRF token, read afresh (the shared client keeps its copy private; a new sign-in changes it). */
async function csrfToken(): Promise<string | null> {
  const me = await api.get<{ csrfToken?: string }>('/auth/me').catch(() => null);
  return me?.csrfToken ?? null;
}

/** XMLHttpRequest instead of fetch: only it reports upload progress. Errors become ApiError like the shared client's. */
async function upload<T>(
  method: string,
  path: string,
  body: XMLHttpRequestBodyInit,
  contentType?: string,
  onProgress?: (p: number) => void,
) {
  const token = await csrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, apiUrl(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (contentType) xhr.setRequestHeader('content-type', contentType);
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    if (onProgress) xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new Error('network error'));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else {
        const error = (json as { error?: { code: string; message: string; details?: unknown } } | null)?.error;
        reject(new ApiError(xhr.status, error ?? { code: `http_${xhr.status}`, message: xhr.statusText || `HTTP ${xhr.status}` }));
      }
    };
    xhr.send(body);
  });
}
