import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api, type Query } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { auditResultLabel } from '@linli/web-kit/labels';
import type { AuditEvent, AuditVerify } from '@linli/web-kit/types';
import { Alert, App, Button, Card, DatePicker, Input, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuditCheckpointsCard } from './audit-checkpoints.tsx';

const resultColor: Record<string, string> = { ok: 'green', denied: 'orange', failed: 'red' };

export default function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [result, setResult] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [verify, setVerify] = useState<AuditVerify | null>(null);
  const [verifying, setVerifying] = useState(false);

  const filters: Query = {
    actor,
    action,
    result,
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
  };
  const list = useCursorList<AuditEvent>('/audit/events', filters);

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api.get<AuditVerify>('/audit/verify'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setVerifying(false);
    }
  };

  const columns: ColumnsType<AuditEvent> = [
    { key: 'seq', title: t('audit.seq'), dataIndex: 'seq', sorter: true, width: 80 },
    { key: 'at', title: t('audit.at'), dataIndex: 'at', sorter: true, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
    { key: 'actorName', title: t('audit.actor'), dataIndex: 'actorName' },
    { key: 'action', title: t('audit.action'), dataIndex: 'action', render: (a: string) => <Typography.Text code>{a}</Typography.Text> },
    {
      key: 'target',
      title: t('audit.target'),
      render: (_: unknown, e) => (e.targetType ? `${e.targetType}${e.targetId ? ` · ${e.targetId}` : ''}` : ''),
    },
    {
      key: 'result',
      title: t('audit.result'),
      dataIndex: 'result',
      render: (r: string) => <Tag color={resultColor[r]}>{auditResultLabel(r)}</Tag>,
    },
    { key: 'clientIp', title: t('audit.clientIp'), dataIndex: 'clientIp' },
  ];

  const broken = verify !== null && (verify.breaks.length > 0 || verify.checkpointProblems.length > 0);
  return (
    <>
      <AuditCheckpointsCard />
      <Card
        className="audit-trail"
        title={t('audit.title')}
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={runVerify} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
        }
      >
        {verify && (
          <Alert
            data-testid="audit-verify-result"
            style={{ marginBottom: 16 }}
            showIcon
            closable
            onClose={() => setVerify(null)}
            type={broken ? 'error' : 'success'}
            title={`${
              broken
                ? t('audit.verifyBroken', { count: verify.breaks.length + verify.checkpointProblems.length, checked: verify.checked })
                : t('audit.verifyOk', { checked: verify.checked })
            }；${t('audit.verifyCheckpoints', { count: verify.checkpoints })}`}
            description={
              broken && (
                <ul style={{ margin: 0 }}>
                  {verify.breaks.slice(0, 20).map((b) => (
                    <li key={`${b.seq} ${b.reason}`}>
                      #{b.seq}: {b.reason}
                    </li>
                  ))}
                  {verify.checkpointProblems.slice(0, 20).map((p) => (
                    <li key={p.file}>
                      {p.file}: {p.reason}
                    </li>
                  ))}
                </ul>
              )
            }
          />
        )}
        <CursorTable<AuditEvent>
          testId="audit-table"
          list={list}
          columns={columns}
          rowKey="seq"
          exportPath="/audit/events"
          exportQuery={filters}
          exportName="audit.xlsx"
          size="small"
          expandable={{
            rowExpandable: (e) => e.details !== null && e.details !== undefined,
            expandedRowRender: (e) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(e.details, null, 2)}</pre>,
          }}
          toolbar={
            <Space wrap>
              <Input.Search
                allowClear
                placeholder={t('audit.actor')}
                onSearch={setActor}
                style={{ width: 150 }}
                data-testid="audit-actor"
              />
              <Input.Search
                allowClear
                placeholder={t('audit.action')}
                onSearch={setAction}
                style={{ width: 180 }}
                data-testid="audit-action"
              />
              <Select
                allowClear
                placeholder={t('audit.result')}
                value={result}
                onChange={setResult}
                style={{ width: 120 }}
                options={['ok', 'denied', 'failed'].map((r) => ({ value: r, label: auditResultLabel(r) }))}
              />
              <DatePicker.RangePicker value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} />
            </Space>
          }
        />
      </Card>
    </>
  );
}
