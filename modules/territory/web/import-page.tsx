import { DownloadOutlined } from '@ant-design/icons';
import { api, download } from '@linli/web-kit/client';
import { FileDrop, RowErrorsTable, rowErrorsOf } from '@linli/web-kit/components/file-import';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { importStatusLabel } from '@linli/web-kit/labels';
import type { HouseholdImportResult, ImportCounts, ImportJob, ImportJobStatus, RowError } from '@linli/web-kit/types';
import { Alert, App, Button, Card, Descriptions, Flex, Progress, Result, Space, Steps, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

// States of GET /territory/imports/:jobId (import_job.status): validating → importing → succeeded | failed.
const pendingStatuses: ImportJobStatus[] = ['validating', 'importing'];

const countKeys: (keyof ImportCounts)[] = ['compounds', 'buildings', 'entrances', 'households', 'residents'];

function HouseholdImport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState(false);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [result, setResult] = useState<HouseholdImportResult | null>(null);
  const [errors, setErrors] = useState<RowError[] | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(() => () => {
    if (timer.current) clearInterval(timer.current);
  });

  const poll = (jobId: string) =>
    new Promise<ImportJob>((resolve, reject) => {
      timer.current = setInterval(async () => {
        try {
          const current = await api.get<ImportJob>(`/territory/imports/${jobId}`);
          setJob(current);
          if (!pendingStatuses.includes(current.status)) {
            if (timer.current) clearInterval(timer.current);
            resolve(current);
          }
        } catch (e) {
          if (timer.current) clearInterval(timer.current);
          reject(e);
        }
      }, 1000);
    });

  const start = async () => {
    if (!file || !communityId) return;
    setRunning(true);
    setErrors(null);
    setResult(null);
    setJob(null);
    setStep(3);
    const form = new FormData();
    // Fields before the file: a streaming multipart parser sees communityId when the file arrives.
    form.append('communityId', communityId);
    form.append('file', file, file.name);
    try {
      // The server answers when the import is over (or 422 with every row error); the job record then
      // says how it ended. Should it still be validating or importing, it is followed until it ends.
      const res = await api.post<HouseholdImportResult>('/territory/imports/households', form);
      let current = await api.get<ImportJob>(`/territory/imports/${res.jobId}`).catch(() => null);
      if (current) setJob(current);
      if (current && pendingStatuses.includes(current.status)) current = await poll(res.jobId);
      if (current?.status === 'failed') {
        setErrors(Array.isArray(current.errors) ? current.errors : []);
        return;
      }
      setResult(res);
    } catch (e) {
      const rows = rowErrorsOf(e);
      if (rows) setErrors(rows);
      else {
        message.error(e instanceof Error ? e.message : String(e));
        setStep(2);
      }
    } finally {
      setRunning(false);
    }
  };

  const reset = () => {
    setFile(null);
    setErrors(null);
    setResult(null);
    setJob(null);
    setStep(2);
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Steps
        current={step}
        onChange={(s) => !running && s < 3 && setStep(s)}
        responsive
        items={[
          { title: t('import.stepTemplate') },
          { title: t('import.stepCommunity') },
          { title: t('import.stepUpload') },
          { title: t('import.stepResult') },
        ]}
      />
      {step === 0 && (
        <Space orientation="vertical">
          <Typography.Paragraph>{t('import.templateHint')}</Typography.Paragraph>
          <Button
            icon={<DownloadOutlined />}
            data-testid="import-template"
            onClick={() =>
              download('/territory/imports/template.xlsx', undefined, 'template.xlsx').catch((e: Error) => message.error(e.message))
            }
          >
            {t('import.downloadTemplate')}
          </Button>
          <Button type="primary" onClick={() => setStep(1)} data-testid="import-next">
            {t('import.next')}
          </Button>
        </Space>
      )}
      {step === 1 && (
        <Space orientation="vertical">
          <Typography.Text>{t('import.community')}</Typography.Text>
          <TerritorySelect
            value={communityId}
            onChange={(v) => setCommunityId(v)}
            selectableKinds={['community']}
            deepestKind="community"
            placeholder={t('import.chooseCommunity')}
            style={{ width: 360, maxWidth: '100%' }}
            testId="import-community"
          />
          <Space>
            <Button onClick={() => setStep(0)}>{t('import.prev')}</Button>
            <Button type="primary" disabled={!communityId} onClick={() => setStep(2)} data-testid="import-next">
              {t('import.next')}
            </Button>
          </Space>
        </Space>
      )}
      {step === 2 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <FileDrop
            file={file}
            onFile={setFile}
            accept=".xlsx,.csv"
            testId="import-upload"
            hint={t('import.uploadHint')}
            types={t('import.uploadTypes')}
          />
          <Space>
            <Button onClick={() => setStep(1)}>{t('import.prev')}</Button>
            <Button type="primary" disabled={!file || !communityId} onClick={start} data-testid="import-submit">
              {t('import.stepUpload')}
            </Button>
          </Space>
        </Space>
      )}
      {step === 3 && (
        <div data-testid="import-step-result">
          {running && (
            <Flex vertical align="center" gap={12} style={{ padding: 24 }} data-testid="import-progress">
              <Typography.Text data-testid="import-status">{job ? importStatusLabel(job.status) : t('import.uploading')}</Typography.Text>
              {job && job.totalRows > 0 ? (
                <>
                  <Progress percent={Math.floor((job.processedRows / job.totalRows) * 100)} style={{ maxWidth: 480 }} />
                  <Typography.Text type="secondary">
                    {t('import.progress', { processed: job.processedRows, total: job.totalRows })}
                  </Typography.Text>
                </>
              ) : (
                <Progress percent={100} status="active" showInfo={false} style={{ maxWidth: 480 }} />
              )}
            </Flex>
          )}
          {errors && <RowErrorsTable errors={errors} texts="import" testIds={{ alert: 'import-failed', table: 'import-error-table' }} />}
          {result && (
            <Result
              status="success"
              title={t('import.success', { rows: result.rows })}
              data-testid="import-result"
              extra={
                <Descriptions
                  bordered
                  size="small"
                  column={1}
                  items={countKeys.map((k) => ({
                    key: k,
                    label: t(`counts.${k}`),
                    children: (
                      <span data-testid={`import-count-${k}`}>
                        {t('import.created')} {result.created?.[k] ?? 0} · {t('import.updated')} {result.updated?.[k] ?? 0}
                      </span>
                    ),
                  }))}
                />
              }
            />
          )}
          {!running && (
            <Button onClick={reset} style={{ marginTop: 16 }} data-testid="import-again">
              {t('import.again')}
            </Button>
          )}
        </div>
      )}
    </Space>
  );
}

function DivisionImport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ created: number; updated: number } | null>(null);
  const [errors, setErrors] = useState<RowError[] | null>(null);

  const start = async () => {
    if (!file) return;
    setRunning(true);
    setErrors(null);
    setResult(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      setResult(await api.post<{ created: number; updated: number }>('/territory/imports/divisions', form));
    } catch (e) {
      const rows = rowErrorsOf(e);
      if (rows) setErrors(rows);
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('import.divisionsHint')}</Typography.Paragraph>
      <FileDrop
        file={file}
        onFile={setFile}
        accept=".csv"
        testId="division-upload"
        hint={t('import.uploadHint')}
        types={t('import.uploadTypes')}
      />
      <Button type="primary" disabled={!file} loading={running} onClick={start} data-testid="division-submit">
        {t('import.stepUpload')}
      </Button>
      {result && <Alert type="success" showIcon title={t('import.divisionsResult', result)} data-testid="division-result" />}
      {errors && <RowErrorsTable errors={errors} texts="import" testIds={{ alert: 'import-failed', table: 'import-error-table' }} />}
    </Space>
  );
}

export default function ImportPage() {
  const { t } = useTranslation();
  return (
    <Card title={t('import.title')}>
      <Tabs
        items={[
          { key: 'households', label: t('import.households'), children: <HouseholdImport /> },
          { key: 'divisions', label: t('import.divisions'), children: <DivisionImport /> },
        ]}
      />
    </Card>
  );
}
