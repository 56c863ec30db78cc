import { ImageUploader, type ImageUploadItem } from 'antd-mobile';

/**
 * The photos of a resident's demand: up to six JPEG, PNG or WebP images, each checked before upload;
 * a failed one leaves the grid and is reported by the form (with the reason) until removed.
 */
export default function SubmitPhotos(props: {
  value: ImageUploadItem[];
  onChange: (items: ImageUploadItem[]) => void;
  /** Photos still uploading (the form waits for them). */
  onPending: (count: number) => void;
  /** Why a file cannot be sent, or null. */
  check: (file: File) => string | null;
  onFailed: (name: string, reason: string) => void;
  upload: (file: File) => Promise<ImageUploadItem>;
}) {
  return (
    <ImageUploader
      value={props.value}
      onChange={props.onChange}
      onUploadQueueChange={(tasks) => props.onPending(tasks.filter((task) => task.status === 'pending').length)}
      maxCount={6}
      accept="image/jpeg,image/png,image/webp"
      showFailed={false}
      beforeUpload={(file) => {
        const problem = props.check(file);
        if (!problem) return file;
        props.onFailed(file.name, problem);
        return null;
      }}
      upload={props.upload}
    />
  );
}
