import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Upload } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { demandsApi } from './api.ts';

// Photos and PDFs sent with a demand (at intake, and with the result when it is resolved): each file is
// uploaded as soon as it is chosen, and the form sends the ids the server gave them.

/** The files of one form: while one is still uploading the form waits; `ids` are those uploaded. */
export function useAttachments() {
  const [files, setFiles] = useState<UploadFile[]>([]);
  return {
    files,
    setFiles,
    uploading: files.some((f) => f.status === 'uploading'),
    ids: files.map((f) => (f.response as { id?: string } | undefined)?.id).filter((id): id is string => Boolean(id)),
  };
}

/** The form's photos field: the upload button and the list of chosen files (inside a div with `testId`, when given). */
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
  const upload = (
    <Upload
      listType="picture"
      accept="image/jpeg,image/png,image/webp,application/pdf"
      fileList={files}
      onChange={({ fileList }) => onChange(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        demandsApi
          .upload(file as File)
          .then((r) => onSuccess?.(r))
          .catch((e: Error) => onError?.(e));
      }}
    >
      <Button icon={<UploadOutlined />}>{t('demands.fields.photos')}</Button>
    </Upload>
  );
  return <Form.Item label={t('demands.fields.photos')}>{testId ? <div data-testid={testId}>{upload}</div> : upload}</Form.Item>;
}
