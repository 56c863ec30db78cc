import { FileProtectOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { ApiError, api } from '@linli/web-kit/client';
import type { AuditCheckpoint, AuditCheckpoints } from '@linli/web-kit/types';
import { Alert, App, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './audit-print.css';

/**
 * The latest signed checkpoints of the audit chain head, with the public key and its fingerprint,
 * for printing and public notice (公示): whoever keeps a printed copy can later check that the
 * chain still passes through the hash signed at that sequence number.
 */
export function AuditCheckpointsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [data, setData] = useState<AuditCheckpoints | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [writing, setWriting] = useState(false);

  const load = useCallback(async () => {
    try {
      setData(await api.get<AuditCheckpoints>('/audit/checkpoints'));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const write = async () => {
    setWriting(true);
    try {
      const c = await api.post<AuditCheckpoint>('/audit/checkpoints');
      message.success(t('audit.checkpointWritten', { seq: c.seq }));
      await load();
    } catch (e) {
      message.error(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setWriting(false);
    }
  };

  const print = () => {
    document.body.classList.add('print-audit-checkpoints');
    const done = () => {
      document.body.classList.remove('print-audit-checkpoints');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };

  const mono = { fontFamily: 'monospace', wordBreak: 'break-all' as const, fontSize: 12 };
  return (
    <Card
      className="audit-checkpoints"
      data-testid="audit-checkpoints"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          <FileProtectOutlined />
          {t('audit.checkpoints')}
        </Space>
      }
      extra={
        <Space className="no-print">
          <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label={t('audit.reload')} title={t('audit.reload')} />
          <Button loading={writing} onClick={write} data-testid="audit-checkpoint-write">
            {t('audit.checkpointWrite')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={print} data-testid="audit-checkpoint-print">
            {t('audit.print')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t('audit.checkpointsHelp')}</Typography.Paragraph>
      {data && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('audit.fingerprint')}>
              <span style={mono} data-testid="audit-fingerprint">
                {data.fingerprint}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.publicKey')}>
              <span style={mono}>{data.publicKey}</span>
            </Descriptions.Item>
          </Descriptions>
          {data.problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('audit.checkpointProblems', { count: data.problems.length })}
              description={
                <ul style={{ margin: 0 }}>
                  {data.problems.slice(0, 10).map((p) => (
                    <li key={p.file}>
                      {p.file}: {p.reason}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Table<AuditCheckpoint>
            size="small"
            rowKey="file"
            pagination={false}
            dataSource={data.items}
            locale={{ emptyText: t('audit.noCheckpoints') }}
            columns={[
              { key: 'seq', title: t('audit.seq'), dataIndex: 'seq', width: 90 },
              {
                key: 'at',
                title: t('audit.at'),
                dataIndex: 'at',
                width: 170,
                render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
              },
              { key: 'hash', title: t('audit.headHash'), dataIndex: 'hash', render: (v: string) => <span style={mono}>{v}</span> },
              {
                key: 'signature',
                title: t('audit.signature'),
                dataIndex: 'signature',
                render: (v: string) => <span style={mono}>{v}</span>,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
