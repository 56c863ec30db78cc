import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { demandChannels, demandStatuses } from '@linli/demands/web/api';
import { channelLabel, statusLabel } from '@linli/demands/web/labels';
import { download } from '@linli/web-kit/client';
import { FileDrop, RowErrorsTable, rowErrorsOf } from '@linli/web-kit/components/file-import';
import { useCurrentUser } from '@linli/web-kit/current-user';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Popconfirm,
  Progress,
  Result,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportJob, type ImportMapping, type ImportPreview, type ImportResult, importApi, newJobId, type RowError } from './api.ts';
import { MappingEditor } from './mapping-editor.tsx';

function MappingSelect({ mappings, value, onChange }: { mappings: ImportMapping[]; value?: string; onChange: (v?: string) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      style={{ minWidth: 280 }}
      placeholder={t('demandImport.chooseMapping')}
      value={value}
      onChange={onChange}
      options={mappings.map((m) => ({ value: m.id, label: m.name }))}
      data-testid="demand-import-mapping"
    />
  );
}

function ImportTab({ mappings }: { mappings: ImportMapping[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mappingId, setMappingId] = useState<string>();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [errors, setErrors] = useState<RowError[] | null>(null);

  const [job, setJob] = useState<ImportJob | null>(null);
  const [updateClassification, setUpdateClassification] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [checking, setChecking] = useState(false);

  // With "update category and channel too", the file is checked first and the count of demands whose
  // category or channel would change is shown; the import runs only when the person confirms.
  const check = async () => {
    if (!mappingId || !file) return;
    setResult(null);
    setErrors(null);
    setPreview(null);
    setChecking(true);
    try {
      const p = await importApi.preview(mappingId, file);
      if (p.errors.length > 0) setErrors(p.errors);
      else setPreview(p);
    } catch (e) {
      const rows = rowErrorsOf(e);
      if (rows) setErrors(rows);
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setChecking(false);
    }
  };

  const start = async () => {
    if (!mappingId || !file) return;
    const reclassify = updateClassification && preview !== null;
    setPreview(null);
    setResult(null);
    setErrors(null);
    setJob(null);
    setProgress(0);
    // The job id is ours, so the rows can be followed while the server imports them (on PostgreSQL
    // the job shows each chunk of 1,000 rows; on the embedded database it answers at the end).
    const jobId = newJobId();
    let running = true;
    const follow = async () => {
      while (running) {
        await new Promise((r) => setTimeout(r, 1000));
        if (!running) break;
        const current = await importApi.job(jobId).catch(() => null);
        if (running && current) setJob(current);
      }
    };
    void follow();
    try {
      setResult(await importApi.run(mappingId, jobId, file, setProgress, reclassify));
    } catch (e) {
      const rows = rowErrorsOf(e);
      if (rows) setErrors(rows);
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      running = false;
      setProgress(null);
      setJob(null);
    }
  };

  if (mappings.length === 0) return <Alert type="info" showIcon title={t('demandImport.noMappings')} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex gap={12} align="center" wrap>
        <Typography.Text>{t('demandImport.mapping')}</Typography.Text>
        <MappingSelect mappings={mappings} value={mappingId} onChange={setMappingId} />
        {mappingId && (
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download('/demand-imports/template.xlsx', { mappingId }, 'template.xlsx').catch((e: Error) => message.error(e.message))
            }
          >
            {t('demandImport.template')}
          </Button>
        )}
      </Flex>
      <FileDrop file={file} onFile={setFile} accept=".xlsx,.csv" testId="demand-import-file" hint={t('demandImport.uploadHint')} />
      <Checkbox
        checked={updateClassification}
        onChange={(e) => {
          setUpdateClassification(e.target.checked);
          setPreview(null);
        }}
        data-testid="demand-import-update-classification"
      >
        {t('demandImport.updateClassification')}
      </Checkbox>
      <Button
        type="primary"
        disabled={!mappingId || !file || progress !== null || checking || preview !== null}
        loading={checking}
        onClick={updateClassification ? check : start}
        data-testid="demand-import-start"
      >
        {updateClassification ? t('demandImport.check') : t('demandImport.start')}
      </Button>
      {preview && (
        <Alert
          type={preview.classificationChanges > 0 ? 'warning' : 'info'}
          showIcon
          data-testid="demand-import-preview"
          title={t('demandImport.previewTitle', { ...preview })}
          description={t('demandImport.previewText', { ...preview })}
          action={
            <Space orientation="vertical">
              <Button type="primary" size="small" onClick={start} data-testid="demand-import-confirm">
                {t('demandImport.confirm')}
              </Button>
              <Button size="small" onClick={() => setPreview(null)}>
                {t('demandImport.cancel')}
              </Button>
            </Space>
          }
        />
      )}
      {progress !== null && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {job && job.totalRows > 0 ? (
            <>
              <Typography.Text data-testid="demand-import-rows">
                {t('demandImport.importingRows', { processed: job.processedRows, total: job.totalRows })}
              </Typography.Text>
              <Progress percent={Math.floor((job.processedRows / job.totalRows) * 100)} status="active" />
            </>
          ) : (
            <>
              <Typography.Text>{progress < 100 ? t('demandImport.uploading') : t('demandImport.processing')}</Typography.Text>
              <Progress percent={progress} status="active" />
            </>
          )}
        </Space>
      )}
      {result && (
        <Result
          status="success"
          title={t('demandImport.succeeded')}
          subTitle={t('demandImport.resultText', { ...result })}
          data-testid="demand-import-result"
          extra={
            <Button
              onClick={() => {
                setResult(null);
                setFile(null);
              }}
            >
              {t('demandImport.again')}
            </Button>
          }
        />
      )}
      {errors && (
        <RowErrorsTable errors={errors} texts="demandImport" testIds={{ alert: 'demand-import-failed', table: 'demand-import-errors' }} />
      )}
    </Space>
  );
}

function MappingsTab({ mappings, reload, canWrite }: { mappings: ImportMapping[]; reload: () => void; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<ImportMapping | null>(null);
  const [open, setOpen] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canWrite && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing(null);
            setOpen(true);
          }}
          data-testid="mapping-new"
        >
          {t('demandImport.newMapping')}
        </Button>
      )}
      <Table<ImportMapping>
        rowKey="id"
        size="small"
        dataSource={mappings}
        pagination={false}
        columns={[
          { key: 'name', title: t('demandImport.name'), dataIndex: 'name' },
          {
            key: 'updatedAt',
            title: t('demandImport.updatedAt'),
            dataIndex: 'updatedAt',
            render: (v: string) => new Date(v).toLocaleString(),
          },
          {
            key: 'actions',
            title: '',
            render: (_, m) => (
              <Space>
                {canWrite && (
                  <Button
                    size="small"
                    onClick={() => {
                      setEditing(m);
                      setOpen(true);
                    }}
                  >
                    {t('demandImport.edit')}
                  </Button>
                )}
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    download('/demand-imports/template.xlsx', { mappingId: m.id }).catch((e: Error) => message.error(e.message))
                  }
                >
                  {t('demandImport.template')}
                </Button>
                {canWrite && (
                  <Popconfirm
                    title={t('demandImport.deleteConfirm', { name: m.name })}
                    onConfirm={() =>
                      importApi.remove(m.id).then(
                        () => {
                          message.success(t('demandImport.deleted'));
                          reload();
                        },
                        (e: Error) => message.error(e.message),
                      )
                    }
                  >
                    <Button size="small" danger>
                      {t('demandImport.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <MappingEditor
        open={open}
        mapping={editing}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          reload();
        }}
      />
    </Space>
  );
}

function ExportTab({ mappings }: { mappings: ImportMapping[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mappingId, setMappingId] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [channel, setChannel] = useState<string>();
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [importedOnly, setImportedOnly] = useState(true);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('demandImport.exportHint')}</Typography.Paragraph>
      <Flex gap={12} wrap align="center">
        <MappingSelect mappings={mappings} value={mappingId} onChange={setMappingId} />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('demandImport.status')}
          value={status}
          onChange={setStatus}
          options={demandStatuses.map((s) => ({ value: s, label: statusLabel(s) }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('demandImport.channel')}
          value={channel}
          onChange={setChannel}
          options={demandChannels.map((c) => ({ value: c, label: channelLabel(c) }))}
        />
        <DatePicker.RangePicker
          value={period}
          onChange={(v) => setPeriod(v)}
          placeholder={[t('demandImport.period'), t('demandImport.period')]}
        />
        <Checkbox checked={importedOnly} onChange={(e) => setImportedOnly(e.target.checked)}>
          {t('demandImport.importedOnly')}
        </Checkbox>
      </Flex>
      <Button
        type="primary"
        icon={<DownloadOutlined />}
        disabled={!mappingId}
        data-testid="demand-export"
        onClick={() =>
          download('/demand-imports/export.xlsx', {
            mappingId,
            status,
            channel,
            from: period?.[0]?.format('YYYY-MM-DD'),
            to: period?.[1]?.format('YYYY-MM-DD'),
            importedOnly: importedOnly || undefined,
          }).catch((e: Error) => message.error(e.message))
        }
      >
        {t('demandImport.download')}
      </Button>
    </Space>
  );
}

/** 12345 work orders in and out: saved column mappings, all-or-nothing import with row errors, export in the source layout. */
export default function DemandImportPage() {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const [mappings, setMappings] = useState<ImportMapping[]>([]);
  const reload = useCallback(() => {
    importApi.mappings().then(setMappings, () => setMappings([]));
  }, []);
  useEffect(reload, [reload]);
  const canIntake = can('demand.intake');
  const items = [
    ...(canIntake ? [{ key: 'import', label: t('demandImport.tabs.import'), children: <ImportTab mappings={mappings} /> }] : []),
    {
      key: 'mappings',
      label: t('demandImport.tabs.mappings'),
      children: <MappingsTab mappings={mappings} reload={reload} canWrite={canIntake} />,
    },
    ...(can('demand.read') ? [{ key: 'export', label: t('demandImport.tabs.export'), children: <ExportTab mappings={mappings} /> }] : []),
  ];
  return (
    <Card title={t('demandImport.title')}>
      <Tabs items={items} />
    </Card>
  );
}
