import { InboxOutlined } from '@ant-design/icons';
import { Alert, Space, Table, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../client.ts';
import type { RowError } from '../types.ts';

// The parts that the import pages share (households and divisions of the territory, 12345 work
// orders): the file drop, the table of row errors and reading those errors out of a 422 answer.

/** One file to import, chosen by click or drop; kept in the page's state, never uploaded by antd. */
export function FileDrop({
  file,
  onFile,
  accept,
  testId,
  hint,
  types,
}: {
  file: File | null;
  onFile: (f: File | null) => void;
  accept: string;
  testId: string;
  hint: string;
  /** A second line under the hint (the file types), when the page has one. */
  types?: string;
}) {
  return (
    <div data-testid={testId}>
      <Upload.Dragger
        accept={accept}
        multiple={false}
        maxCount={1}
        fileList={file ? [{ uid: '1', name: file.name, status: 'done', size: file.size }] : []}
        beforeUpload={(f) => {
          onFile(f);
          return false;
        }}
        onRemove={() => onFile(null)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{hint}</p>
        {types !== undefined && <p className="ant-upload-hint">{types}</p>}
      </Upload.Dragger>
    </div>
  );
}

/**
 * Every row error of a refused import (nothing was written), in a table sortable by row. `texts` is the
 * page's group of strings (failedTitle, failedHint, row, column, reason, value).
 */
export function RowErrorsTable({
  errors,
  texts,
  testIds,
}: {
  errors: RowError[];
  texts: string;
  testIds: { alert: string; table: string };
}) {
  const { t } = useTranslation();
  // The group is the page's own (import, demandImport): its keys are looked up as written.
  const tx = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="error"
        showIcon
        title={tx(`${texts}.failedTitle`, { count: errors.length })}
        description={tx(`${texts}.failedHint`)}
        data-testid={testIds.alert}
      />
      <Table<RowError & { key: number }>
        data-testid={testIds.table}
        size="small"
        dataSource={errors.map((e, i) => ({ ...e, key: i }))}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'row', title: tx(`${texts}.row`), dataIndex: 'row', sorter: (a, b) => a.row - b.row, width: 80 },
          { key: 'column', title: tx(`${texts}.column`), dataIndex: 'column' },
          { key: 'reason', title: tx(`${texts}.reason`), dataIndex: 'reason' },
          { key: 'value', title: tx(`${texts}.value`), dataIndex: 'value', render: (v: unknown) => (v == null ? '' : String(v)) },
        ]}
      />
    </Space>
  );
}

/** The row errors of an import the server refused as a whole (422); null for any other failure. */
export function rowErrorsOf(e: unknown): RowError[] | null {
  if (e instanceof ApiError && e.status === 422) {
    return e.detailList.map((d) => ({
      row: Number(d.row),
      column: String(d.column ?? ''),
      reason: String(d.reason ?? ''),
      value: d.value,
    }));
  }
  return null;
}
