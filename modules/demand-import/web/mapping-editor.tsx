import { InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { type Category, demandChannels, demandsApi, demandTypes } from '@linli/demands/web/api';
import { channelLabel, typeLabel } from '@linli/demands/web/labels';
import { ApiError } from '@linli/web-kit/client';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { App, Button, Card, Col, Drawer, Flex, Form, Input, Row, Select, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  dateFormats,
  type FileInspection,
  type ImportConfig,
  type ImportField,
  type ImportMapping,
  type ImportPreset,
  importApi,
  importFields,
  importStatuses,
} from './api.ts';

type MapName = keyof ImportConfig['valueMaps'];
/** The value map of a field, and the field whose column gives its source values. */
const mapFields: { map: MapName; field: ImportField }[] = [
  { map: 'status', field: 'status' },
  { map: 'category', field: 'category' },
  { map: 'channel', field: 'channel' },
  { map: 'type', field: 'type' },
  { map: 'department', field: 'department' },
];
const timeZones = ['Asia/Shanghai', 'America/New_York', 'UTC', 'Europe/London', 'Asia/Tokyo'];

const emptyConfig = (): ImportConfig => ({
  columns: { externalId: '', submittedAt: '', description: [] },
  defaults: { channel: 'hotline_12345', type: 'complaint', categoryCode: 'other', nodeId: null },
  valueMaps: { channel: {}, type: {}, category: {}, status: {}, department: {} },
  dateFormat: 'YYYY-MM-DD HH:mm:ss',
  timeZone: 'Asia/Shanghai',
});

function flatten(list: Category[], depth = 0): { code: string; label: string }[] {
  return list.flatMap((c) => [{ code: c.code, label: `${'　'.repeat(depth)}${c.name}` }, ...flatten(c.children ?? [], depth + 1)]);
}

/** One value map as a table: each source value (from the sample file or already mapped) and its target. */
function ValueMapTable({
  sources,
  value,
  options,
  onChange,
}: {
  sources: string[];
  value: Record<string, string>;
  options: { value: string; label: string }[];
  onChange: (next: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const [extra, setExtra] = useState('');
  const keys = [...new Set([...sources, ...Object.keys(value)])];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        rowKey="source"
        dataSource={keys.map((source) => ({ source }))}
        columns={[
          { key: 'source', title: t('demandImport.sourceValue'), dataIndex: 'source' },
          {
            key: 'target',
            title: t('demandImport.target'),
            render: (_, r) => (
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 220 }}
                value={value[r.source]}
                options={options}
                onChange={(v?: string) => {
                  const next = { ...value };
                  if (v) next[r.source] = v;
                  else delete next[r.source];
                  onChange(next);
                }}
              />
            ),
          },
        ]}
      />
      <Space.Compact>
        <Input value={extra} onChange={(e) => setExtra(e.target.value)} placeholder={t('demandImport.sourceValue')} />
        <Button
          icon={<PlusOutlined />}
          disabled={!extra.trim() || !options[0]}
          onClick={() => {
            onChange({ ...value, [extra.trim()]: options[0]!.value });
            setExtra('');
          }}
        >
          {t('demandImport.addValue')}
        </Button>
      </Space.Compact>
    </Space>
  );
}

/**
 * Creating or editing a saved column mapping: columns are picked from a sample file's header, value
 * maps list the values the file really holds. Field errors of the server are shown on the form.
 */
export function MappingEditor({
  open,
  mapping,
  onClose,
  onSaved,
}: {
  open: boolean;
  mapping: ImportMapping | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [config, setConfig] = useState<ImportConfig>(emptyConfig);
  const [presets, setPresets] = useState<ImportPreset[]>([]);
  const [categories, setCategories] = useState<{ code: string; label: string }[]>([]);
  const [departments, setDepartments] = useState<{ code: string; name: string }[]>([]);
  const [sample, setSample] = useState<FileInspection | null>(null);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<{ field?: string; reason: string }[]>([]);

  useEffect(() => {
    if (!open) return;
    setName(mapping?.name ?? '');
    setConfig(mapping?.config ?? emptyConfig());
    setSample(null);
    setProblems([]);
    importApi.presets().then(setPresets, () => setPresets([]));
    demandsApi.categories().then(
      (c) => setCategories(flatten(c)),
      () => setCategories([]),
    );
    demandsApi.departments().then(
      (list) => setDepartments(list.filter((d) => d.active)),
      () => setDepartments([]),
    );
  }, [open, mapping]);

  const headers = useMemo(() => {
    const mapped = Object.values(config.columns).flatMap((v) => (Array.isArray(v) ? v : v ? [v] : []));
    return [...new Set([...(sample?.headers ?? []), ...mapped])].filter(Boolean);
  }, [sample, config.columns]);
  const headerOptions = headers.map((h) => ({ value: h, label: h }));

  const setColumn = (field: ImportField, value: string | string[] | undefined) =>
    setConfig((c) => ({ ...c, columns: { ...c.columns, [field]: field === 'description' ? (value ?? []) : (value ?? null) } }));

  const targetOptions: Record<MapName, { value: string; label: string }[]> = {
    status: importStatuses.map((s) => ({ value: s, label: t(`demandImport.importStatuses.${s}`) })),
    category: categories.map((c) => ({ value: c.code, label: `${c.label.trim()} (${c.code})` })),
    channel: demandChannels.map((c) => ({ value: c, label: channelLabel(c) })),
    type: demandTypes.map((c) => ({ value: c, label: typeLabel(c) })),
    department: departments.map((d) => ({ value: d.code, label: `${d.name} (${d.code})` })),
  };

  const save = async () => {
    setSaving(true);
    setProblems([]);
    try {
      if (mapping) await importApi.update(mapping.id, { name, config, version: mapping.version });
      else await importApi.create({ name, config });
      message.success(t('demandImport.saved'));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.detailList.length > 0) setProblems(e.detailList as { field?: string; reason: string }[]);
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={mapping ? `${t('demandImport.edit')}：${mapping.name}` : t('demandImport.newMapping')}
      extra={
        <Button type="primary" loading={saving} onClick={save} data-testid="mapping-save">
          {t('common.save')}
        </Button>
      }
    >
      <Form layout="vertical">
        {problems.length > 0 && (
          <Typography.Paragraph type="danger" data-testid="mapping-problems">
            {problems.map((p) => `${p.field ?? ''} ${p.reason}`).join('；')}
          </Typography.Paragraph>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label={t('demandImport.name')} required>
              <Input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} data-testid="mapping-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('demandImport.preset')}>
              <Select
                allowClear
                options={presets.map((p) => ({ value: p.key, label: p.name }))}
                onChange={(key?: string) => {
                  const preset = presets.find((p) => p.key === key);
                  if (!preset) return;
                  setConfig(structuredClone(preset.config));
                  if (!name) setName(preset.name);
                }}
                data-testid="mapping-preset"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('demandImport.sampleFile')}>
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              importApi.inspect(f).then(setSample, (e: Error) => message.error(e.message));
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('demandImport.uploadHint')}</p>
          </Upload.Dragger>
          {sample && (
            <Typography.Text type="secondary">
              {t('demandImport.sampleRead', { rows: sample.rows, columns: sample.headers.length })}
            </Typography.Text>
          )}
        </Form.Item>

        <Card size="small" title={t('demandImport.columnsTitle')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            {importFields.map((field) => (
              <Col span={12} key={field}>
                <Form.Item
                  label={t(`demandImport.fields.${field}`)}
                  required={['externalId', 'submittedAt', 'description'].includes(field)}
                >
                  <Select
                    allowClear
                    showSearch
                    mode={field === 'description' ? 'multiple' : undefined}
                    placeholder={t('demandImport.noColumn')}
                    options={headerOptions}
                    value={(config.columns[field] ?? undefined) as string | string[] | undefined}
                    onChange={(v: string | string[] | undefined) => setColumn(field, v)}
                    data-testid={`mapping-column-${field}`}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>

        <Card size="small" title={t('demandImport.defaultsTitle')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label={t('demandImport.defaultChannel')}>
                <Select
                  value={config.defaults.channel}
                  options={targetOptions.channel}
                  onChange={(v) => setConfig((c) => ({ ...c, defaults: { ...c.defaults, channel: v } }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('demandImport.defaultType')}>
                <Select
                  value={config.defaults.type}
                  options={targetOptions.type}
                  onChange={(v) => setConfig((c) => ({ ...c, defaults: { ...c.defaults, type: v } }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('demandImport.defaultCategory')}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  value={config.defaults.categoryCode ?? ''}
                  options={[{ value: '', label: t('demandImport.noDefaultCategory') }, ...targetOptions.category]}
                  onChange={(v: string) => setConfig((c) => ({ ...c, defaults: { ...c.defaults, categoryCode: v || null } }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('demandImport.defaultNode')}>
                <TerritorySelect
                  allowClear
                  value={config.defaults.nodeId}
                  onChange={(v) => setConfig((c) => ({ ...c, defaults: { ...c.defaults, nodeId: v ?? null } }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={t('demandImport.datesTitle')} style={{ marginBottom: 16 }}>
          <Flex gap={16}>
            <Form.Item label={t('demandImport.dateFormat')} style={{ flex: 1 }}>
              <Select
                value={config.dateFormat}
                options={dateFormats.map((f) => ({ value: f, label: f === 'iso' ? 'ISO 8601' : f }))}
                onChange={(v) => setConfig((c) => ({ ...c, dateFormat: v }))}
              />
            </Form.Item>
            <Form.Item label={t('demandImport.timeZone')} style={{ flex: 1 }}>
              <Select
                showSearch
                value={config.timeZone}
                options={[...new Set([config.timeZone, ...timeZones])].map((z) => ({ value: z, label: z }))}
                onChange={(v) => setConfig((c) => ({ ...c, timeZone: v }))}
              />
            </Form.Item>
          </Flex>
        </Card>

        <Card size="small" title={t('demandImport.valueMapsTitle')}>
          <Typography.Paragraph type="secondary">{t('demandImport.valueMapHint')}</Typography.Paragraph>
          {mapFields.map(({ map, field }) => {
            const column = config.columns[field] as string | null | undefined;
            if (!column) return null;
            return (
              <div key={map} style={{ marginBottom: 16 }}>
                <Typography.Title level={5}>
                  {t(`demandImport.fields.${field}`)} · {column}
                </Typography.Title>
                <ValueMapTable
                  sources={sample?.values[column] ?? []}
                  value={(config.valueMaps[map] ?? {}) as Record<string, string>}
                  options={targetOptions[map]}
                  onChange={(next) => setConfig((c) => ({ ...c, valueMaps: { ...c.valueMaps, [map]: next } }))}
                />
              </div>
            );
          })}
        </Card>
      </Form>
    </Drawer>
  );
}
