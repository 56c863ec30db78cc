import { ApiError } from '@linli/web-kit/client';
import { Alert, Button, Input, List, Modal, Progress, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Demand, demandsApi, handlingLevels } from './api.ts';
import { levelLabel, statusLabel } from './demand-labels.ts';

type RowResult = { state: 'waiting' } | { state: 'ok' } | { state: 'failed'; reason: string };

/** Dispatches the selected demands one by one (each with the version the list showed), with progress and a result per row. */
export function BulkDispatchModal(props: { demands: Demand[]; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const { onClose } = props;
  // The rows are fixed when the dialog opens: a list refresh behind it must not change what is being dispatched.
  const [demands] = useState(props.demands);
  const [level, setLevel] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [results, setResults] = useState<Record<string, RowResult>>({});
  const [running, setRunning] = useState(false);
  const [finished, setFinished] = useState(false);
  const done = Object.values(results).filter((r) => r.state !== 'waiting').length;
  const ok = Object.values(results).filter((r) => r.state === 'ok').length;

  const run = async () => {
    setRunning(true);
    setResults(Object.fromEntries(demands.map((d) => [d.id, { state: 'waiting' } as RowResult])));
    for (const d of demands) {
      let result: RowResult;
      try {
        await demandsApi.act(d.id, 'dispatch', { version: d.version, level, note: note.trim() || undefined });
        result = { state: 'ok' };
      } catch (e) {
        const reason =
          e instanceof ApiError && e.status === 409
            ? t('demands.inbox.changedMeanwhile', { status: statusLabel(String((e.details as { status?: unknown } | null)?.status ?? '')) })
            : e instanceof ApiError && e.detailList.length
              ? e.detailList.map((x) => `${String(x.field ?? '')} ${String(x.reason ?? '')}`).join('; ')
              : e instanceof Error
                ? e.message
                : String(e);
        result = { state: 'failed', reason };
      }
      setResults((prev) => ({ ...prev, [d.id]: result }));
    }
    setRunning(false);
    setFinished(true);
  };

  return (
    <Modal
      open
      title={t('demands.inbox.bulkTitle', { count: demands.length })}
      onCancel={() => !running && onClose(finished)}
      maskClosable={false}
      footer={
        finished ? (
          <Button type="primary" onClick={() => onClose(true)} data-testid="bulk-close">
            {t('common.confirm')}
          </Button>
        ) : (
          <Space>
            <Button disabled={running} onClick={() => onClose(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" loading={running} onClick={run} data-testid="bulk-start">
              {t('demands.inbox.bulkStart')}
            </Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Select
          allowClear
          disabled={running || finished}
          placeholder={t('demands.fields.level')}
          value={level}
          onChange={setLevel}
          options={handlingLevels.map((l) => ({ value: l, label: levelLabel(l) }))}
          style={{ width: '100%' }}
          data-testid="bulk-level"
        />
        <Typography.Text type="secondary">{t('demands.inbox.bulkLevelHint')}</Typography.Text>
        <Input.TextArea
          disabled={running || finished}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('demands.fields.note')}
          maxLength={1000}
          rows={2}
        />
        {(running || finished) && <Progress percent={Math.round((done / demands.length) * 100)} data-testid="bulk-progress" />}
        {finished && (
          <Alert
            type={ok === demands.length ? 'success' : 'warning'}
            showIcon
            title={t('demands.inbox.bulkDone', { ok, failed: demands.length - ok })}
            data-testid="bulk-summary"
          />
        )}
        <List
          size="small"
          dataSource={demands}
          data-testid="bulk-results"
          renderItem={(d) => {
            const r = results[d.id];
            return (
              <List.Item data-testid={`bulk-row-${d.number}`}>
                <Typography.Text ellipsis style={{ maxWidth: 300 }}>
                  {d.number} {d.title}
                </Typography.Text>
                {r?.state === 'ok' && <Tag color="green">{t('demands.inbox.bulkOk')}</Tag>}
                {r?.state === 'failed' && (
                  <Typography.Text type="danger" style={{ maxWidth: 220 }}>
                    {r.reason}
                  </Typography.Text>
                )}
                {r?.state === 'waiting' && <Tag>{t('demands.inbox.waiting')}</Tag>}
              </List.Item>
            );
          }}
        />
      </Space>
    </Modal>
  );
}
