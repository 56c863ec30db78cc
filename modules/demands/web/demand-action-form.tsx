import { ApiError, api } from '@linli/web-kit/client';
import type { NodeDetail, Page } from '@linli/web-kit/types';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Radio, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Demand,
  type DemandAction,
  type DemandDetail,
  type Department,
  demandsApi,
  type HandlingLevel,
  handlingLevels,
  type SimilarDemand,
  satisfactions,
} from './api.ts';
import { AttachmentUpload, useAttachments } from './demand-attachments.tsx';
import { actionLabel, levelLabel, replyTemplates, satisfactionLabel, statusLabel } from './demand-labels.ts';

/** The text field of each action that a reply template goes into. */
const textField: Partial<Record<DemandAction, 'note' | 'reason' | 'result'>> = {
  accept: 'note',
  reject: 'reason',
  dispatch: 'note',
  start: 'note',
  resolve: 'result',
  evaluate: 'note',
  close: 'note',
  return: 'reason',
  transfer: 'reason',
  escalate: 'reason',
  request_extension: 'reason',
  decide_extension: 'note',
  reopen: 'reason',
  merge: 'note',
  supervise: 'note',
  callback: 'note',
};
const required: DemandAction[] = ['reject', 'resolve', 'return', 'transfer', 'escalate', 'request_extension', 'reopen', 'supervise'];

interface FormValues {
  note?: string;
  reason?: string;
  result?: string;
  level?: HandlingLevel;
  unit?: string;
  departmentId?: string;
  until?: Dayjs;
  approve?: boolean;
  intoId?: string;
  reached?: boolean;
  resultConfirmed?: boolean;
  satisfaction?: string;
}

/** The request body of an action from the form. */
function bodyOf(action: DemandAction, v: FormValues, version: number, attachmentIds: string[]): Record<string, unknown> {
  const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const unit = v.level === 'department' ? { departmentId: v.unit } : { nodeId: v.unit };
  switch (action) {
    case 'dispatch':
      return { version, level: v.level, ...unit, note: text(v.note) };
    case 'transfer':
      return { version, level: v.level, ...unit, reason: text(v.reason) };
    case 'escalate':
      return { version, reason: text(v.reason), departmentId: v.departmentId };
    case 'resolve':
      return { version, result: text(v.result), ...(attachmentIds.length ? { attachmentIds } : {}) };
    case 'request_extension':
      return { version, until: v.until?.toISOString(), reason: text(v.reason) };
    case 'decide_extension':
      return { version, approve: v.approve ?? true, note: text(v.note) };
    case 'merge':
      return { version, intoId: v.intoId, note: text(v.note) };
    case 'callback':
      return {
        version,
        reached: v.reached,
        resultConfirmed: v.reached === false ? undefined : v.resultConfirmed,
        satisfaction: v.reached === false ? undefined : v.satisfaction,
        note: text(v.note),
      };
    case 'evaluate':
      return { version, satisfaction: v.satisfaction, note: text(v.note) };
    case 'reject':
    case 'return':
    case 'reopen':
      return { version, reason: text(v.reason) };
    default:
      return { version, note: text(v.note) };
  }
}

/** Units a demand can go to at a level: the node of that kind containing its place, or a county department. */
function useUnitOptions(detail: DemandDetail) {
  const [ancestors, setAncestors] = useState<NodeDetail['ancestors']>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  useEffect(() => {
    api
      .get<NodeDetail>(`/territory/nodes/${detail.nodeId}`)
      .then((n) => setAncestors([...n.ancestors, { id: n.id, kind: n.kind, name: n.name }]))
      .catch(() => setAncestors([]));
    demandsApi
      .departments()
      .then((list) => setDepartments(list.filter((d) => d.active)))
      .catch(() => setDepartments([]));
  }, [detail.nodeId]);
  return (level: HandlingLevel | undefined): { value: string; label: string }[] => {
    if (!level) return [];
    if (level === 'department') return departments.map((d) => ({ value: d.id, label: d.name }));
    return ancestors.filter((a) => a.kind === level).map((a) => ({ value: a.id, label: a.name }));
  };
}

function MergeTargetSelect({
  detail,
  initial,
  value,
  onChange,
}: {
  detail: DemandDetail;
  initial?: SimilarDemand | null;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<{ value: string; label: string }[]>(
    initial ? [{ value: initial.id, label: `${initial.number} ${initial.title}` }] : [],
  );
  const search = async (q: string) => {
    if (!q.trim()) return;
    try {
      const page = await api.get<Page<Demand>>('/demands', { q: q.trim(), limit: 20 });
      setOptions(page.items.filter((d) => d.id !== detail.id).map((d) => ({ value: d.id, label: `${d.number} ${d.title}` })));
    } catch {
      setOptions([]);
    }
  };
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={search}
      options={options}
      placeholder={t('demands.detail.mergeSearch')}
      data-testid="merge-target"
    />
  );
}

interface ActionModalProps {
  action: DemandAction;
  detail: DemandDetail;
  attachmentsEnabled: boolean;
  /** Merge: the similar demand chosen on the detail page. */
  mergeTarget?: SimilarDemand | null;
  onDone: (updated: Demand) => void;
  onReload: () => Promise<void>;
  onClose: () => void;
}

/**
 * The form of one action. A 409 (someone else moved the demand on) keeps the form open with what was
 * typed and offers to reload; the next submit sends the new version.
 */
export function ActionModal({ action, detail, attachmentsEnabled, mergeTarget, onDone, onReload, onClose }: ActionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  /** The server's reason of a 409 (a newer version, or a state in which the action no longer applies). */
  const [conflict, setConflict] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const attachments = useAttachments();
  const level = Form.useWatch('level', form);
  const reached = Form.useWatch('reached', form);
  const optionsAt = useUnitOptions(detail);
  const unitOptions = optionsAt(level);
  const field = textField[action];
  const templates = useMemo(() => replyTemplates(action), [action]);
  const withUnit = action === 'dispatch' || action === 'transfer';
  const unreachedCallback = action === 'callback' && reached === false;
  const textMax = field === 'result' ? 5000 : 1000;
  const textLength = ((Form.useWatch(field ?? 'note', form) as string | undefined) ?? '').length;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    setConflict(null);
    try {
      const updated = await demandsApi.act(detail.id, action, bodyOf(action, values, detail.version, attachments.ids));
      message.success(t('demands.detail.done', { action: actionLabel(action) }));
      onDone(updated);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        // The details carry the demand's current status: say it in the user's language.
        const status = (e.details as { status?: unknown } | null)?.status;
        setConflict(typeof status === 'string' ? t('demands.detail.currentStatus', { status: statusLabel(status) }) : e.message);
      } else if (e instanceof ApiError) {
        const fields = e.detailList.filter((d) => typeof d.field === 'string');
        const known = [
          'note',
          'reason',
          'result',
          'level',
          'until',
          'intoId',
          'satisfaction',
          'departmentId',
          'reached',
          'resultConfirmed',
        ];
        const map = (f: string) => (f === 'nodeId' ? 'unit' : f === 'departmentId' && withUnit ? 'unit' : f);
        const onForm = fields.filter((d) => known.includes(String(d.field)) || d.field === 'nodeId');
        if (onForm.length)
          form.setFields(onForm.map((d) => ({ name: map(String(d.field)) as keyof FormValues, errors: [String(d.reason)] })));
        if (onForm.length < fields.length || !fields.length) setError(e.message);
      } else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const insertTemplate = (text: string) => {
    if (!field) return;
    const current = (form.getFieldValue(field) as string | undefined)?.trim();
    form.setFieldValue(field, current ? `${current}\n${text}` : text);
  };

  return (
    <Modal
      open
      title={actionLabel(action)}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} disabled={attachments.uploading} onClick={submit} data-testid="action-submit">
            {actionLabel(action)}
          </Button>
        </Space>
      }
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t('demands.detail.conflict')}
          description={conflict}
          action={
            <Button size="small" onClick={() => void onReload().then(() => setConflict(null))} data-testid="conflict-reload">
              {t('demands.detail.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
          data-testid="action-conflict"
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="action-error" />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ approve: true, level: withUnit ? detail.level : undefined, intoId: mergeTarget?.id }}
        data-testid={`action-form-${action}`}
      >
        {withUnit && (
          <>
            <Form.Item name="level" label={t('demands.fields.level')}>
              <Select
                options={handlingLevels.map((l) => ({ value: l, label: levelLabel(l) }))}
                onChange={() => form.setFieldValue('unit', undefined)}
                data-testid="action-level"
              />
            </Form.Item>
            <Form.Item
              name="unit"
              label={t('demands.fields.unit')}
              extra={
                level && level !== 'department' && unitOptions.length === 0
                  ? t('demands.detail.noUnit', { level: levelLabel(level) })
                  : t('demands.detail.defaultUnit', { level: level ? levelLabel(level) : '' })
              }
              rules={level === 'department' ? [{ required: true, message: t('common.required') }] : []}
            >
              <Select allowClear showSearch optionFilterProp="label" options={unitOptions} data-testid="action-unit" />
            </Form.Item>
          </>
        )}
        {action === 'escalate' && detail.level === 'subdistrict' && (
          <Form.Item name="departmentId" label={t('demands.fields.department')}>
            <Select allowClear showSearch optionFilterProp="label" options={optionsAt('department')} />
          </Form.Item>
        )}
        {action === 'request_extension' && (
          <Form.Item name="until" label={t('demands.fields.until')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
        )}
        {action === 'decide_extension' && (
          <Form.Item name="approve" label={t('demands.fields.approve')}>
            <Radio.Group
              options={[
                { value: true, label: t('demands.detail.approveYes') },
                { value: false, label: t('demands.detail.approveNo') },
              ]}
            />
          </Form.Item>
        )}
        {action === 'merge' && (
          <Form.Item name="intoId" label={t('demands.fields.intoId')} rules={[{ required: true, message: t('common.required') }]}>
            <MergeTargetSelect detail={detail} initial={mergeTarget} />
          </Form.Item>
        )}
        {action === 'callback' && (
          <>
            {/* The outcome is required: reached with satisfaction, or not reached with the reason (nothing preset). */}
            <Form.Item
              name="reached"
              label={t('demands.fields.reached')}
              rules={[{ required: true, message: t('demands.callback.reachedRequired') }]}
            >
              <Radio.Group
                optionType="button"
                options={[
                  { value: true, label: t('demands.callback.reachedYes') },
                  { value: false, label: t('demands.callback.reachedNo') },
                ]}
                data-testid="callback-reached"
              />
            </Form.Item>
            {reached === true && (
              <>
                <Form.Item
                  name="satisfaction"
                  label={t('demands.fields.satisfaction')}
                  rules={[{ required: true, message: t('demands.callback.satisfactionRequired') }]}
                >
                  <Radio.Group options={satisfactions.map((s) => ({ value: s, label: satisfactionLabel(s) }))} />
                </Form.Item>
                <Form.Item name="resultConfirmed" label={t('demands.fields.resultConfirmed')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </>
            )}
          </>
        )}
        {action === 'evaluate' && (
          <Form.Item
            name="satisfaction"
            label={t('demands.fields.satisfaction')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Radio.Group options={satisfactions.map((s) => ({ value: s, label: satisfactionLabel(s) }))} />
          </Form.Item>
        )}
        {field && (
          <>
            {templates.length > 0 && (
              <Form.Item label={t('demands.detail.template')}>
                <Select
                  value={null}
                  placeholder={t('demands.detail.template')}
                  onChange={(v: string) => insertTemplate(v)}
                  options={templates.map((text) => ({ value: text, label: text }))}
                  data-testid="reply-template"
                />
              </Form.Item>
            )}
            <Form.Item
              name={field}
              label={unreachedCallback ? t('demands.callback.reasonLabel') : t(`demands.fields.${field}`)}
              rules={[
                ...(required.includes(action) ? [{ required: true, whitespace: true, message: t('common.required') }] : []),
                ...(unreachedCallback ? [{ required: true, whitespace: true, message: t('demands.callback.reasonRequired') }] : []),
                // Pasted text is never cut: it is counted, and refused with the count until shortened.
                { max: textMax, message: t('demands.text.tooLong', { max: textMax, count: textLength }) },
              ]}
            >
              <Input.TextArea
                rows={field === 'result' ? 4 : 3}
                count={{ show: ({ count }) => t('demands.text.count', { count, max: textMax }), max: textMax }}
                data-testid={`action-${field}`}
              />
            </Form.Item>
          </>
        )}
        {action === 'resolve' && attachmentsEnabled && (
          <AttachmentUpload files={attachments.files} onChange={attachments.setFiles} testId="resolve-photos" />
        )}
      </Form>
    </Modal>
  );
}
