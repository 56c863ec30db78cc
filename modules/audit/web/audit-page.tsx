import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api, type Query } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { auditResultLabel } from '@linli/web-kit/labels';
import type { AuditEvent, AuditVerify } from '@linli/web-kit/types';
import { Alert, App, Button, Card, DatePicker, Descriptions, Input, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActionLabels, auditFieldLabel, auditTargetLabels } from '../src/labels.ts';
import { AuditCheckpointsCard } from './audit-checkpoints.tsx';

type Lang = 'zh' | 'en';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The action's name; an unknown action by its record kind, never by its code. */
function actionName(e: AuditEvent, lang: Lang): string {
  const known = auditActionLabels[e.action]?.name[lang];
  if (known) return known;
  const kind = e.targetType ? auditTargetLabels[e.targetType]?.[lang] : undefined;
  return lang === 'zh' ? `${kind ?? '记录'}操作` : `${kind ?? 'record'} action`;
}

/** A value as text, or null when it is an id, empty or a nested object (those are not for reading). */
function plain(value: unknown, lang: Lang): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return UUID.test(value) ? null : value;
  if (Array.isArray(value)) {
    const parts = value.map((v) => plain(v, lang)).filter((v): v is string => v !== null);
    return parts.length > 0 ? parts.join(lang === 'zh' ? '、' : ', ') : null;
  }
  return null;
}

/** The fields an entry changed, by name ("fields": ['phone'] → 电话). */
function changedFields(e: AuditEvent, lang: Lang): string[] {
  const fields = (e.details as { fields?: unknown }).fields;
  const list = Array.isArray(fields) ? fields : fields && typeof fields === 'object' ? Object.keys(fields) : [];
  return list.filter((f): f is string => typeof f === 'string').map((f) => auditFieldLabel(f, lang));
}

/** The details worth reading, each by its field name; ids, empty values and the field list (in the sentence) left out. */
function readableDetails(e: AuditEvent, lang: Lang): [string, string][] {
  return Object.entries(e.details ?? {})
    .filter(([key]) => key !== 'fields' && !/Id$/.test(key))
    .map(([key, value]) => [auditFieldLabel(key, lang), plain(value, lang)] as [string, string | null])
    .filter((entry): entry is [string, string] => entry[1] !== null);
}

/** "张三 修改了 居民 李** 的 电话、姓名". */
export function auditSentence(e: AuditEvent, lang: Lang): string {
  const actor = e.actorName ?? (lang === 'zh' ? '系统' : 'system');
  const verb = auditActionLabels[e.action]?.verb[lang] ?? (lang === 'zh' ? '操作了' : 'acted on');
  const kind = e.targetType ? (auditTargetLabels[e.targetType]?.[lang] ?? '') : '';
  const name = e.targetName ?? '';
  const fields = changedFields(e, lang);
  if (lang === 'zh') {
    const record = `${kind}${name ? ` ${name}` : ''}`;
    return `${actor} ${verb}${record ? ` ${record}` : ''}${fields.length > 0 ? ` 的 ${fields.join('、')}` : ''}`;
  }
  const record = `${kind ? `the ${kind}` : ''}${name ? ` ${name}` : ''}`;
  return `${actor} ${verb}${record ? ` ${record}` : ''}${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`;
}

const resultColor: Record<string, string> = { ok: 'green', denied: 'orange', failed: 'red' };

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language?.startsWith('en') ? 'en' : 'zh';
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
    { key: 'seq', title: t('audit.seq'), dataIndex: 'seq', sorter: true, width: 72, responsive: ['xl'] },
    {
      key: 'at',
      title: t('audit.at'),
      dataIndex: 'at',
      sorter: true,
      width: 168,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    { key: 'actorName', title: t('audit.actor'), dataIndex: 'actorName', width: 120, ellipsis: true },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      width: 140,
      ellipsis: true,
      render: (_: string, e) => actionName(e, lang),
    },
    {
      key: 'summary',
      title: t('audit.summary'),
      ellipsis: { showTitle: true },
      render: (_: unknown, e) => <span data-testid="audit-summary">{auditSentence(e, lang)}</span>,
    },
    {
      key: 'result',
      title: t('audit.result'),
      dataIndex: 'result',
      width: 80,
      render: (r: string) => <Tag color={resultColor[r]}>{auditResultLabel(r)}</Tag>,
    },
    { key: 'clientIp', title: t('audit.clientIp'), dataIndex: 'clientIp', width: 140, fixed: 'right' },
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
          scroll={{ x: 960 }}
          expandable={{
            rowExpandable: (e) => readableDetails(e, lang).length > 0,
            expandedRowRender: (e) => (
              <Descriptions size="small" column={2} data-testid="audit-details">
                {readableDetails(e, lang).map(([label, value]) => (
                  <Descriptions.Item key={label} label={label}>
                    {value}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ),
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
