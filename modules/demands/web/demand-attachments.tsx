import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { demandsApi } from './api.ts';
import { uploadProblem } from './upload-problem.ts';

// Photos and PDFs sent with a demand (at intake, and with the result when it is resolved): each file is
// uploaded as soon as it is chosen, and the form sends the ids the server gave them. A file that fails
// (type, size, upload error) stays in the list with the reason under it, and the form is not sent
// until it is removed or replaced.

const ACCEPTED: Record<string, number> = {
  'image/jpeg': 10,
  'image/png': 10,
  'image/webp': 10,
  'image/heic': 10,
  'application/pdf': 20,
};

/** The files of one form: while one is still uploading the form waits; `ids` are those uploaded; `failed` must be removed first. */
export function useAttachments() {
  const [files, setFiles] = useState<UploadFile[]>([]);
  return {
    files,
    setFiles,
    uploading: files.some((f) => f.status === 'uploading'),
    failed: files.filter((f) => f.status === 'error').length,
    ids: files.map((f) => (f.response as { id?: string } | undefined)?.id).filter((id): id is string => Boolean(id)),
  };
}

/** The form's photos field: the upload button, the list of chosen files and why any failed (inside a div with `testId`, when given). */
export function AttachmentUpload({
  files,
  onChange,
  testId,
}: {
  files: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const tr = t as unknown as (key: string, options?: object) => string;
  const failed = files.filter((f) => f.status === 'error');
  const upload = (
    <Upload
      listType="picture"
      accept="image/jpeg,image/png,image/webp,application/pdf"
      fileList={files}
      onChange={({ fileList }) => onChange(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        const f = file as File;
        const maxMb = ACCEPTED[f.type];
        if (f.type && maxMb === undefined) return onError?.(new Error(tr('demands.photos.wrongTypeFile')));
        if (f.size > (maxMb ?? 20) * 1024 * 1024) return onError?.(new Error(tr('demands.photos.tooLarge', { max: maxMb ?? 20 })));
        demandsApi
          .upload(f)
          .then((r) => onSuccess?.(r))
          .catch((e: unknown) => onError?.(new Error(uploadProblem(e, tr, maxMb ?? 20, true))));
      }}
    >
      <Button icon={<UploadOutlined />}>{t('demands.fields.photos')}</Button>
    </Upload>
  );
  const errors = failed.length > 0 && (
    <div role="alert" data-testid={testId ? `${testId}-errors` : undefined} style={{ marginTop: 8 }}>
      {failed.map((f) => (
        <div key={f.uid}>
          <Typography.Text type="danger">
            {t('demands.photos.failed', {
              name: f.name,
              reason: f.error instanceof Error ? f.error.message : t('demands.photos.uploadFailed', { message: '—' }),
            })}
          </Typography.Text>
        </div>
      ))}
      <Typography.Text type="danger">{t('demands.photos.fixFirst')}</Typography.Text>
    </div>
  );
  return (
    <Form.Item label={t('demands.fields.photos')}>
      {testId ? <div data-testid={testId}>{upload}</div> : upload}
      {errors}
    </Form.Item>
  );
}
