import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { Alert, App, Button, Form, Input, List, Modal, Radio, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Category,
  categoryTreeData,
  type Demand,
  type DemandFeatures,
  demandChannels,
  demandFeatures,
  demandsApi,
  demandTypes,
  handlingLevels,
  newIdempotencyKey,
  openStatuses,
  type Suggestion,
  urgencies,
} from './api.ts';
import { AttachmentUpload, useAttachments } from './demand-attachments.tsx';
import { channelLabel, levelLabel, typeLabel, urgencyLabel } from './demand-labels.ts';
import { StatusTag } from './demand-ui.tsx';

interface Values {
  channel: string;
  externalId?: string;
  type: string;
  urgency: string;
  categoryId: string;
  level?: string;
  title?: string;
  description: string;
  nodeId: string;
  address?: string;
  reporterKind: 'caller' | 'anonymous';
  reporterName?: string;
  reporterPhone?: string;
}

/** The description's limit, as the server's. */
const DESCRIPTION_MAX = 5000;

const fields = ['channel', 'externalId', 'type', 'urgency', 'categoryId', 'level', 'title', 'description', 'nodeId', 'address'];

/**
 * Staff intake (登记诉求) of a call, visit or letter: category and level suggested from the text, open
 * similar demands shown before saving, and an Idempotency-Key for the life of the form.
 */
export function DemandIntakeModal({ onClose, onCreated }: { onClose: () => void; onCreated: (d: Demand) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving } = useApiForm(form, fields);
  const [categories, setCategories] = useState<Category[]>([]);
  const [features, setFeatures] = useState<DemandFeatures | null>(null);
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const attachments = useAttachments();
  const key = useRef(newIdempotencyKey());
  const reporterKind = Form.useWatch('reporterKind', form);
  const descriptionLength = ((Form.useWatch('description', form) as string | undefined) ?? '').length;

  useEffect(() => {
    demandsApi
      .categories()
      .then(setCategories)
      .catch(() => setCategories([]));
    void demandFeatures().then(setFeatures);
  }, []);

  const suggest = async () => {
    const description = (form.getFieldValue('description') as string | undefined)?.trim();
    if (!features?.suggest || !description || description.length > DESCRIPTION_MAX) return;
    try {
      const s = await demandsApi.suggest({
        description,
        title: (form.getFieldValue('title') as string | undefined)?.trim() || undefined,
        nodeId: form.getFieldValue('nodeId') as string | undefined,
      });
      setSuggestion(s);
      // Filled in only while nothing is chosen (read after the answer): what staff picked is never replaced.
      if (!form.getFieldValue('categoryId') && s.categories[0]) form.setFieldValue('categoryId', s.categories[0].categoryId);
    } catch {
      setSuggestion(null);
    }
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const attachmentIds = attachments.ids;
    const created = await run(() =>
      api.post<Demand>(
        '/demands',
        {
          channel: v.channel,
          externalId: v.externalId?.trim() || undefined,
          type: v.type,
          urgency: v.urgency,
          categoryId: v.categoryId,
          level: v.level,
          title: v.title?.trim() || undefined,
          description: v.description.trim(),
          nodeId: v.nodeId,
          address: v.address?.trim() || undefined,
          reporter:
            v.reporterKind === 'caller'
              ? { kind: 'caller', name: v.reporterName?.trim() || undefined, phone: v.reporterPhone?.trim() }
              : { kind: 'anonymous' },
          ...(attachmentIds.length ? { attachmentIds } : {}),
        },
        { headers: { 'idempotency-key': key.current } },
      ),
    );
    if (created) {
      message.success(t('demands.intake.created', { number: created.number }));
      onCreated(created);
    }
  };

  const similar = (suggestion?.similar ?? []).filter((s) => openStatuses.includes(s.status));
  const required = [{ required: true, message: t('common.required') }];

  return (
    <Modal
      open
      width={720}
      title={t('demands.intake.title')}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={saving}
            disabled={attachments.uploading || attachments.failed > 0}
            onClick={submit}
            data-testid="intake-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <FormError error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ channel: 'hotline_12345', type: 'complaint', urgency: 'normal', reporterKind: 'caller' }}
        data-testid="intake-form"
      >
        <Space wrap style={{ width: '100%' }} align="start">
          <Form.Item name="channel" label={t('demands.fields.channel')} rules={required}>
            <Select style={{ width: 170 }} options={demandChannels.map((c) => ({ value: c, label: channelLabel(c) }))} />
          </Form.Item>
          <Form.Item name="externalId" label={t('demands.intake.externalId')}>
            <Input maxLength={100} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="type" label={t('demands.fields.type')} rules={required}>
            <Select style={{ width: 110 }} options={demandTypes.map((d) => ({ value: d, label: typeLabel(d) }))} />
          </Form.Item>
          <Form.Item name="urgency" label={t('demands.fields.urgency')} rules={required}>
            <Radio.Group optionType="button" options={urgencies.map((u) => ({ value: u, label: urgencyLabel(u) }))} />
          </Form.Item>
        </Space>
        <Form.Item
          name="description"
          label={t('demands.fields.description')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            // Pasted text is never cut: it is counted, and refused with the count until shortened.
            { max: DESCRIPTION_MAX, message: t('demands.text.tooLong', { max: DESCRIPTION_MAX, count: descriptionLength }) },
          ]}
        >
          <Input.TextArea
            rows={4}
            count={{ show: ({ count }) => t('demands.text.count', { count, max: DESCRIPTION_MAX }), max: DESCRIPTION_MAX }}
            onBlur={() => void suggest()}
            data-testid="intake-description"
          />
        </Form.Item>
        <Form.Item name="title" label={t('demands.fields.title')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nodeId" label={t('demands.fields.location')} rules={required}>
          <TerritorySelect style={{ width: '100%' }} testId="intake-place" />
        </Form.Item>
        <Form.Item name="address" label={t('demands.fields.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} align="start">
          <Form.Item name="categoryId" label={t('demands.fields.category')} rules={required}>
            <TreeSelect
              treeData={categoryTreeData(categories)}
              treeDefaultExpandAll
              style={{ width: 220 }}
              popupMatchSelectWidth={false}
              data-testid="intake-category"
            />
          </Form.Item>
          <Form.Item name="level" label={t('demands.fields.level')} extra={t('demands.intake.levelHint')}>
            <Select allowClear style={{ width: 150 }} options={handlingLevels.map((l) => ({ value: l, label: levelLabel(l) }))} />
          </Form.Item>
        </Space>
        {suggestion && (suggestion.categories.length > 0 || suggestion.levels.length > 0) && (
          <Space wrap style={{ marginBottom: 12 }} data-testid="intake-suggestions">
            <Typography.Text type="secondary">{t('demands.intake.suggested')}</Typography.Text>
            {suggestion.categories.map((c) => (
              <Tag.CheckableTag
                key={c.categoryId}
                checked={form.getFieldValue('categoryId') === c.categoryId}
                onChange={() => form.setFieldValue('categoryId', c.categoryId)}
              >
                {c.name} {Math.round(c.confidence * 100)}%
              </Tag.CheckableTag>
            ))}
            {suggestion.levels.map((l) => (
              <Tag.CheckableTag
                key={l.level}
                checked={form.getFieldValue('level') === l.level}
                onChange={() => form.setFieldValue('level', l.level)}
              >
                {levelLabel(l.level)} {Math.round(l.confidence * 100)}%
              </Tag.CheckableTag>
            ))}
          </Space>
        )}
        {similar.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('demands.intake.similar')}
            data-testid="intake-similar"
            description={
              <List
                size="small"
                dataSource={similar}
                renderItem={(s) => (
                  <List.Item extra={<StatusTag status={s.status} />}>
                    <Link to={`/demands/${s.id}`} target="_blank">
                      {s.number} {s.title}
                    </Link>
                  </List.Item>
                )}
              />
            }
          />
        )}
        <Form.Item name="reporterKind" label={t('demands.fields.reporter')}>
          <Radio.Group
            options={[
              { value: 'caller', label: t('demands.intake.caller') },
              { value: 'anonymous', label: t('demands.intake.anonymous') },
            ]}
          />
        </Form.Item>
        {reporterKind !== 'anonymous' && (
          <Space wrap align="start">
            <Form.Item name="reporterName" label={t('demands.intake.reporterName')}>
              <Input maxLength={50} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="reporterPhone" label={t('demands.fields.phone')} rules={required}>
              <Input maxLength={30} style={{ width: 180 }} />
            </Form.Item>
          </Space>
        )}
        {features?.attachments && <AttachmentUpload files={attachments.files} onChange={attachments.setFiles} testId="intake-photos" />}
      </Form>
    </Modal>
  );
}
