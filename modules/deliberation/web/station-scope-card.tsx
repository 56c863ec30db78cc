import type { ScopeChange, ScopeKind } from '@linli/deliberation/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { useCan } from '@linli/web-kit/current-user';
import type { Page } from '@linli/web-kit/types';
import { useData } from '@linli/web-kit/use-data';
import { App, Card, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Station } from '../src/station-contract.ts';
import { searchPause } from './search-pause.ts';
import { levelColor, levelKey } from './stations-api.ts';
import { topicLabel } from './topic-labels.ts';

/** What a station does with a kind: as the county lists it, or its own list. */
type Choice = 'county' | 'allowed' | 'excluded';
const choiceOf = (k: ScopeKind): Choice => (k.overridden ? k.list : 'county');

const time = (v: string) => new Date(v).toLocaleString('zh-CN', { hour12: false });

const listTag = (list: string) => <Tag color={list === 'allowed' ? 'green' : 'red'}>{topicLabel('lists', list)}</Tag>;

/** Picks a station in scope by name. */
function StationPicker({ value, onChange }: { value?: Station; onChange: (s: Station | undefined) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const stations = useData(
    async (signal) => {
      if (q.trim()) await searchPause(300, signal);
      return api.get<Page<Station>>('/deliberation/stations', { q: q.trim() || undefined, active: true, limit: 50 }, { signal });
    },
    [q],
  );
  const items = stations.data?.items ?? [];
  const options = [...(value && !items.some((s) => s.id === value.id) ? [value] : []), ...items].map((s) => ({
    value: s.id,
    label: `${s.name} · ${s.place.slice(-2).join(' / ')}`,
    station: s,
  }));
  return (
    <Select
      data-testid="station-scope-station"
      value={value?.id}
      onChange={(id: string | undefined) => onChange(options.find((o) => o.value === id)?.station)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onOpenChange={(isOpen) => !isOpen && setQ('')}
      allowClear
      loading={stations.loading}
      placeholder={t('topics.stationScope.search')}
      options={options}
      optionRender={(o) => {
        const s = (o.data as { station: Station }).station;
        return (
          <Space size={6}>
            <Tag color={levelColor[s.level]} style={{ marginInlineEnd: 0 }}>
              {t(levelKey[s.level])}
            </Tag>
            <span>{s.name}</span>
            <Typography.Text type="secondary">{s.place.slice(-2).join(' / ')}</Typography.Text>
          </Space>
        );
      }}
      style={{ width: 420 }}
    />
  );
}

/** Asks for the reason of a station's change and sends it; the server keeps it in the station's history. */
function OverrideModal({
  station,
  change,
  onClose,
  onSaved,
}: {
  station: Station;
  change: { kind: ScopeKind; to: Choice } | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['reason']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    if (!change) return;
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const saved = await run(() =>
      api.post('/deliberation/station-scope', {
        stationId: station.id,
        code: change.kind.code,
        list: change.to === 'county' ? null : change.to,
        reason: v.reason.trim(),
      }),
    );
    if (saved) {
      message.success(t('common.saved'));
      onSaved();
      close();
    }
  };
  const words = useChoiceWords();
  const from = change ? words.choice(change.kind, choiceOf(change.kind)) : '';
  const to = change ? words.choice(change.kind, change.to) : '';
  return (
    <Modal
      open={change !== null}
      title={change ? t('topics.stationScope.confirm', { kind: change.kind.name, station: station.name }) : ''}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormError error={error} />
      <Typography.Paragraph>{t('topics.stationScope.fromTo', { from, to })}</Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="station-scope-form">
        <Form.Item
          name="reason"
          label={t('topics.stationScope.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea maxLength={500} rows={3} placeholder={t('topics.stationScope.reasonHint')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The words of a station's choices: 'As the county (allowed list)', 'Allowed here', 'Excluded here' … */
function useChoiceWords() {
  const { t } = useTranslation();
  const own = (list: string | undefined): string =>
    list === 'allowed' ? t('topics.stationScope.allowedHere') : t('topics.stationScope.excludedHere');
  const asCounty = (list: string | undefined): string => t('topics.stationScope.asCountyList', { list: topicLabel('lists', list ?? '') });
  return {
    choice: (k: ScopeKind, c: Choice): string => (c === 'county' ? asCounty(k.countyList) : own(c)),
    /** What a change of the history did, from its before/after documents. */
    change: (c: ScopeChange): string => {
      const before = (c.before ?? {}) as { list?: string; overridden?: boolean };
      const after = (c.after ?? {}) as { list?: string; overridden?: boolean };
      const from = before.overridden ? own(before.list) : asCounty(before.list);
      const to =
        c.action === 'clear_override'
          ? t('topics.stationScope.backToCounty', { list: topicLabel('lists', after.list ?? '') })
          : own(after.list);
      return t('topics.stationScope.fromTo', { from, to });
    },
  };
}

/**
 * A station's own decisions over the county scope lists (e.g. a compound station that takes up no
 * elevator topics): each kind as the county lists it and what applies at the station, changed by
 * staff who keep the topic pool (deliberation.write) with a reason, and the station's history.
 */
export function StationScopeCard() {
  const { t } = useTranslation();
  const can = useCan();
  const editable = can('deliberation.write');
  const words = useChoiceWords();
  const [station, setStation] = useState<Station | undefined>();
  const [change, setChange] = useState<{ kind: ScopeKind; to: Choice } | null>(null);
  const kinds = useData(
    (signal) =>
      station
        ? api.get<{ items: ScopeKind[] }>('/deliberation/scope-kinds', { stationId: station.id }, { signal })
        : Promise.resolve({ items: [] }),
    [station?.id],
  );
  const history = useData(
    (signal) =>
      station
        ? api.get<{ items: ScopeChange[] }>('/deliberation/scope-changes', { stationId: station.id }, { signal })
        : Promise.resolve({ items: [] }),
    [station?.id],
  );
  const nameOf = new Map((kinds.data?.items ?? []).map((k) => [k.code, k.name]));
  const overrides = (kinds.data?.items ?? []).filter((k) => k.overridden).length;
  return (
    <>
      <Card
        title={t('topics.stationScope.title')}
        extra={
          station && (
            <Typography.Text type="secondary" data-testid="station-scope-count">
              {t('topics.stationScope.overrides', { count: overrides })}
            </Typography.Text>
          )
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          <Space wrap>
            <StationPicker value={station} onChange={setStation} />
            <Typography.Text type="secondary">{t('topics.stationScope.intro')}</Typography.Text>
          </Space>
          {!station ? (
            <Empty description={t('topics.stationScope.pick')} />
          ) : (
            <Table<ScopeKind>
              rowKey="code"
              size="small"
              loading={kinds.loading}
              dataSource={kinds.data?.items ?? []}
              pagination={false}
              data-testid="station-scope-table"
              columns={[
                {
                  title: t('topics.scopeName'),
                  dataIndex: 'name',
                  render: (v: string, k) => (k.active ? v : `${v}（${t('topics.stationScope.inactive')}）`),
                },
                { title: t('topics.stationScope.countyList'), dataIndex: 'countyList', width: 110, render: listTag },
                {
                  title: t('topics.stationScope.here'),
                  key: 'here',
                  width: editable ? 340 : 160,
                  render: (_: unknown, k: ScopeKind) =>
                    editable ? (
                      <Radio.Group
                        size="small"
                        optionType="button"
                        value={choiceOf(k)}
                        data-testid={`station-scope-${k.code}`}
                        onChange={(e) => setChange({ kind: k, to: e.target.value as Choice })}
                        options={(['county', 'allowed', 'excluded'] as const).map((c) => ({
                          value: c,
                          label: c === 'county' ? t('topics.stationScope.asCounty') : words.choice(k, c),
                          // Overriding with the county's own list changes nothing.
                          disabled: c === k.countyList && !k.overridden,
                        }))}
                      />
                    ) : k.overridden ? (
                      <Tag color="orange">{words.choice(k, choiceOf(k))}</Tag>
                    ) : (
                      <Typography.Text type="secondary">{t('topics.stationScope.asCounty')}</Typography.Text>
                    ),
                },
                {
                  title: t('topics.stationScope.applies'),
                  dataIndex: 'list',
                  width: 170,
                  render: (list: string, k: ScopeKind) => (
                    <>
                      {listTag(list)}
                      {k.overridden && <Tag color="orange">{t('topics.stationScope.overridden')}</Tag>}
                    </>
                  ),
                },
              ]}
            />
          )}
        </Space>
      </Card>
      {station && (
        <Card title={t('topics.stationScope.history', { station: station.name })} style={{ marginTop: 16 }}>
          <Table<ScopeChange>
            rowKey="id"
            size="small"
            loading={history.loading}
            dataSource={history.data?.items ?? []}
            data-testid="station-scope-history"
            locale={{ emptyText: t('topics.stationScope.noHistory') }}
            columns={[
              { title: t('topics.changedAt'), dataIndex: 'at', width: 170, render: time },
              { title: t('topics.changedBy'), dataIndex: 'actorName', width: 120 },
              { title: t('topics.scopeName'), dataIndex: 'code', width: 200, render: (v: string) => nameOf.get(v) ?? v },
              {
                title: t('topics.stationScope.change'),
                key: 'change',
                render: (_: unknown, c: ScopeChange) => words.change(c),
              },
              { title: t('topics.stationScope.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Card>
      )}
      {station && (
        <OverrideModal
          station={station}
          change={change}
          onClose={() => setChange(null)}
          onSaved={() => {
            void kinds.reload();
            void history.reload();
          }}
        />
      )}
    </>
  );
}
