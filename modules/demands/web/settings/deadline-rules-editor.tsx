import { ApiError } from '@linli/web-kit/client';
import { Alert, App, Button, Card, Flex, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CategoryDeadline,
  type CategorySetting,
  categorySettingsApi,
  type DeadlineRuleInput,
  type DeadlineUnit,
  type DemandType,
  demandTypes,
  isStaleCategory,
  type Urgency,
  urgencies,
} from '../api.ts';
import { typeLabel, urgencyLabel } from '../demand-labels.ts';

/** A rule as the table holds it: `type` null is the rule for every demand type. */
interface Rule {
  urgency: Urgency;
  type: DemandType | null;
  responseValue: number;
  responseUnit: DeadlineUnit;
  resolveValue: number;
  resolveUnit: DeadlineUnit;
}
interface Row {
  key: string;
  urgency: Urgency;
  type: DemandType | null;
  /** The category's own rule (edited here), else what it inherits. */
  own: Rule | null;
  inherited: Rule | null;
}

const units: DeadlineUnit[] = ['hours', 'working_days'];
const keyOf = (r: { urgency: Urgency; type: DemandType | null }) => `${r.urgency}/${r.type ?? 'any'}`;
const order = (r: { urgency: Urgency; type: DemandType | null }) =>
  urgencies.indexOf(r.urgency) * 10 + (r.type ? demandTypes.indexOf(r.type) + 1 : 0);
const toRule = (d: CategoryDeadline): Rule => ({
  urgency: d.urgency,
  type: d.type ?? null,
  responseValue: d.responseValue,
  responseUnit: d.responseUnit,
  resolveValue: d.resolveValue,
  resolveUnit: d.resolveUnit,
});
/** The body of one own rule: `type` only when the rule is for one type (a server before typed rules rejects it). */
const toInput = (r: Rule): DeadlineRuleInput => ({
  urgency: r.urgency,
  ...(r.type ? { type: r.type } : {}),
  responseValue: r.responseValue,
  responseUnit: r.responseUnit,
  resolveValue: r.resolveValue,
  resolveUnit: r.resolveUnit,
});

/**
 * The deadline rules of one category: a row per urgency (and per demand type where a rule exists),
 * own rules editable, inherited ones greyed with where they come from. Saving replaces the
 * category's own rules; whatever is not overridden keeps following the parent.
 */
export function DeadlineRulesEditor({
  category,
  parent,
  editable,
  onSaved,
  onStale,
}: {
  category: CategorySetting;
  /** The parent as the tree lists it: its effective rules are what this category inherits. */
  parent: CategorySetting | null;
  editable: boolean;
  onSaved: () => void;
  /** Someone else saved the category since it was read (409): the page reloads it and says so. */
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const initial = useMemo(() => category.deadlines.filter((d) => !d.inherited).map(toRule), [category]);
  const [own, setOwn] = useState<Rule[]>(initial);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [addUrgency, setAddUrgency] = useState<Urgency>('normal');
  const [addType, setAddType] = useState<DemandType | undefined>();

  useEffect(() => {
    setOwn(initial);
    setErrors([]);
  }, [initial]);

  const inherited = useMemo(() => {
    const source = parent ? parent.deadlines : category.deadlines.filter((d) => d.inherited);
    return new Map(source.map((d) => [keyOf({ urgency: d.urgency, type: d.type ?? null }), toRule(d)]));
  }, [category, parent]);

  const rows: Row[] = useMemo(() => {
    const ownByKey = new Map(own.map((r) => [keyOf(r), r]));
    const keys = new Map<string, { urgency: Urgency; type: DemandType | null }>();
    for (const u of urgencies) keys.set(keyOf({ urgency: u, type: null }), { urgency: u, type: null });
    for (const r of [...own, ...inherited.values()]) keys.set(keyOf(r), { urgency: r.urgency, type: r.type });
    return [...keys.entries()]
      .map(([key, k]) => ({ key, ...k, own: ownByKey.get(key) ?? null, inherited: inherited.get(key) ?? null }))
      .sort((a, b) => order(a) - order(b));
  }, [own, inherited]);

  const dirty = JSON.stringify(own.map(toInput)) !== JSON.stringify(initial.map(toInput));

  /** What a new own rule starts from: what applies now (a type's inherited rule, else the every-type rule of its urgency). */
  const startFrom = (urgency: Urgency, type: DemandType | null): Rule => {
    const base =
      inherited.get(keyOf({ urgency, type })) ??
      own.find((r) => keyOf(r) === keyOf({ urgency, type: null })) ??
      inherited.get(keyOf({ urgency, type: null }));
    return base
      ? { ...base, urgency, type }
      : { urgency, type, responseValue: 24, responseUnit: 'hours', resolveValue: 5, resolveUnit: 'working_days' };
  };
  const override = (row: Row) => setOwn((list) => [...list, row.inherited ? { ...row.inherited } : startFrom(row.urgency, row.type)]);
  const remove = (row: Row) => setOwn((list) => list.filter((r) => keyOf(r) !== row.key));
  const change = (row: Row, patch: Partial<Rule>) => setOwn((list) => list.map((r) => (keyOf(r) === row.key ? { ...r, ...patch } : r)));
  const addTyped = () => {
    if (!addType) return;
    if (own.some((r) => keyOf(r) === keyOf({ urgency: addUrgency, type: addType }))) {
      message.warning(t('demandSettings.deadlines.exists'));
      return;
    }
    setOwn((list) => [...list, startFrom(addUrgency, addType)]);
    setAddType(undefined);
  };

  const save = async () => {
    setSaving(true);
    setErrors([]);
    try {
      await categorySettingsApi.update(category.id, { deadlines: own.map(toInput), version: category.version });
      message.success(t('demandSettings.deadlines.saved'));
      onSaved();
    } catch (e) {
      if (isStaleCategory(e)) onStale();
      else if (e instanceof ApiError) {
        // `deadlines.3.resolveValue` names the row by its position in the list sent.
        const details = (Array.isArray(e.details) ? e.details : e.details ? [e.details] : []) as { field?: string; reason?: string }[];
        const lines = details.map((d) => {
          const index = /^deadlines\.(\d+)/.exec(d.field ?? '')?.[1];
          const rule = index === undefined ? undefined : own[Number(index)];
          const where = rule
            ? `${urgencyLabel(rule.urgency)} · ${rule.type ? typeLabel(rule.type) : t('demandSettings.deadlines.anyType')}`
            : d.field;
          return `${where ? `${where}: ` : ''}${d.reason ?? e.message}`;
        });
        setErrors(lines.length ? lines : [e.message]);
      } else setErrors([e instanceof Error ? e.message : String(e)]);
    } finally {
      setSaving(false);
    }
  };

  const unitLabel = (u: DeadlineUnit) => t(`demandSettings.deadlines.units.${u}`);
  const limit = (row: Row, which: 'response' | 'resolve') => {
    const valueKey = which === 'response' ? 'responseValue' : 'resolveValue';
    const unitKey = which === 'response' ? 'responseUnit' : 'resolveUnit';
    if (row.own && editable) {
      return (
        <Space.Compact>
          <InputNumber
            data-testid={`${which}-value-${row.key.replace('/', '-')}`}
            min={1}
            max={8760}
            precision={0}
            value={row.own[valueKey]}
            onChange={(v) => typeof v === 'number' && change(row, { [valueKey]: v })}
            style={{ width: 64 }}
          />
          <Select
            data-testid={`${which}-unit-${row.key.replace('/', '-')}`}
            value={row.own[unitKey]}
            onChange={(v) => change(row, { [unitKey]: v })}
            options={units.map((u) => ({ value: u, label: unitLabel(u) }))}
            style={{ width: 88 }}
          />
        </Space.Compact>
      );
    }
    const rule = row.own ?? row.inherited;
    if (!rule) return <Typography.Text type="secondary">{t('demandSettings.deadlines.notSet')}</Typography.Text>;
    const text = `${rule[valueKey]} ${unitLabel(rule[unitKey])}`;
    return row.own ? text : <Typography.Text type="secondary">{text}</Typography.Text>;
  };

  return (
    <Card
      title={t('demandSettings.deadlines.of', { name: category.name })}
      data-testid="deadline-editor"
      extra={dirty ? <Tag color="orange">{t('demandSettings.deadlines.dirty')}</Tag> : null}
    >
      <Typography.Paragraph type="secondary">{t('demandSettings.deadlines.hint')}</Typography.Paragraph>
      {errors.length > 0 && (
        <Alert type="error" showIcon title={errors.join('; ')} style={{ marginBottom: 12 }} data-testid="deadline-error" />
      )}
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        data-testid="deadline-table"
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ 'data-row-key': row.key, style: row.own ? undefined : { background: '#fafafa' } }) as object}
        columns={[
          {
            key: 'urgency',
            title: t('demandSettings.deadlines.urgency'),
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (_, r) => urgencyLabel(r.urgency),
          },
          {
            key: 'type',
            title: t('demandSettings.deadlines.type'),
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (_, r) =>
              r.type ? typeLabel(r.type) : <Typography.Text type="secondary">{t('demandSettings.deadlines.anyType')}</Typography.Text>,
          },
          {
            key: 'response',
            title: t('demandSettings.deadlines.response'),
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (_, r) => limit(r, 'response'),
          },
          {
            key: 'resolve',
            title: t('demandSettings.deadlines.resolve'),
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (_, r) => limit(r, 'resolve'),
          },
          {
            key: 'source',
            title: t('demandSettings.deadlines.source'),
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
            render: (_, r) => (
              <Flex vertical align="start">
                {r.own ? (
                  <Tag color="blue">{t('demandSettings.deadlines.own')}</Tag>
                ) : r.inherited ? (
                  <Typography.Text type="secondary">{t('demandSettings.deadlines.inherited')}</Typography.Text>
                ) : null}
                {editable &&
                  (r.own ? (
                    <Button
                      size="small"
                      type="link"
                      danger
                      onClick={() => remove(r)}
                      data-testid={`remove-${r.key.replace('/', '-')}`}
                      style={{ padding: 0 }}
                    >
                      {t('demandSettings.deadlines.remove')}
                    </Button>
                  ) : (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => override(r)}
                      data-testid={`override-${r.key.replace('/', '-')}`}
                      style={{ padding: 0 }}
                    >
                      {t('demandSettings.deadlines.override')}
                    </Button>
                  ))}
              </Flex>
            ),
          },
        ]}
      />
      {editable && (
        <Flex gap={8} wrap align="center" justify="space-between" style={{ marginTop: 12 }}>
          <Flex gap={8} wrap align="center">
            <Typography.Text>{t('demandSettings.deadlines.addTyped')}</Typography.Text>
            <Select<Urgency>
              data-testid="add-rule-urgency"
              value={addUrgency}
              onChange={setAddUrgency}
              options={urgencies.map((u) => ({ value: u, label: urgencyLabel(u) }))}
              style={{ width: 96 }}
              aria-label={t('demandSettings.deadlines.addTypedUrgency')}
            />
            <Select<DemandType>
              data-testid="add-rule-type"
              value={addType}
              onChange={setAddType}
              placeholder={t('demandSettings.deadlines.addTypedType')}
              options={demandTypes.map((d) => ({ value: d, label: typeLabel(d) }))}
              style={{ width: 120 }}
            />
            <Button onClick={addTyped} disabled={!addType} data-testid="add-rule">
              {t('demandSettings.deadlines.add')}
            </Button>
          </Flex>
          <Flex gap={8}>
            <Button onClick={() => setOwn(initial)} disabled={!dirty || saving} data-testid="deadline-reset">
              {t('demandSettings.deadlines.reset')}
            </Button>
            <Button type="primary" onClick={save} loading={saving} disabled={!dirty} data-testid="deadline-save">
              {t('demandSettings.deadlines.save')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
