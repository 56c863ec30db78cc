import { UploadOutlined } from '@ant-design/icons';
import type { RenovationDetail } from '@linli/urban-cases/contract';
import { type FundingSource, type RenovationPhotoStage, renovationPhotoStages } from '@linli/urban-cases/vocabulary';
import { api, apiUrl } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Image,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaToday, uploadPhoto } from './api.ts';
import { RenovationFormModal } from './renovation-form.tsx';

export const renovationColor = { planned: 'default', in_progress: 'blue', accepted: 'green' } as const;

function AcceptModal({ project, onClose, onDone }: { project: RenovationDetail | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ acceptedOn: Dayjs; note?: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['acceptedOn', 'note']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !project) return;
    const done = await run(() =>
      api.post(`/urban-cases/renovations/${project.id}/accept`, {
        version: project.version,
        acceptedOn: v.acceptedOn.format('YYYY-MM-DD'),
        note: v.note || undefined,
      }),
    );
    if (done) {
      onDone();
      close();
    }
  };
  return (
    <Modal open={project !== null} title={t('renovations.accept')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical" initialValues={{ acceptedOn: dayjs(chinaToday()) }} data-testid="renovation-accept-form">
        <Form.Item name="acceptedOn" label={t('renovations.acceptedOn')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()} />
        </Form.Item>
        <Form.Item name="note" label={t('renovations.acceptanceNote')}>
          <Input.TextArea maxLength={2000} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One project: compounds, scope, funding, phases, the before/after gallery (问题小区 → 花园小区) and the acceptance. */
export function RenovationDrawer({
  projectId,
  onClose,
  onChanged,
}: {
  projectId: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const writable = can('urbanCases.write');
  const [dialog, setDialog] = useState<'edit' | 'accept' | null>(null);
  const [stage, setStage] = useState<RenovationPhotoStage>('before');
  const detail = useData(
    (signal) =>
      projectId ? api.get<RenovationDetail>(`/urban-cases/renovations/${projectId}`, undefined, { signal }) : Promise.resolve(null),
    [projectId],
  );
  const p = detail.data ?? null;
  useEffect(() => {
    if (detail.error) message.error(detail.error.message);
  }, [detail.error, message]);
  const changed = () => {
    void detail.reload();
    onChanged();
  };
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      message.success(t('common.saved'));
      changed();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const photosOf = (s: RenovationPhotoStage) =>
    (p?.photos ?? [])
      .filter((ph) => ph.stage === s)
      .map((ph) => (
        <Image
          key={ph.id}
          width={160}
          height={120}
          style={{ objectFit: 'cover' }}
          src={apiUrl(`/urban-cases/renovations/${p?.id}/photos/${ph.id}`)}
          alt={ph.caption ?? ph.fileName}
        />
      ));
  const hasAcceptancePhoto = (p?.photos ?? []).some((ph) => ph.stage === 'acceptance');
  const column = (s: RenovationPhotoStage) => (
    <Col span={12}>
      <Typography.Text strong>{t(`renovations.${s}`)}</Typography.Text>
      <div style={{ marginTop: 8 }}>
        <Space wrap>{photosOf(s).length ? photosOf(s) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</Space>
      </div>
    </Col>
  );
  return (
    <Drawer
      open={projectId !== null}
      onClose={onClose}
      size="large"
      title={p?.name ?? t('renovations.title')}
      data-testid="renovation-detail"
      extra={
        p &&
        writable && (
          <Space>
            {p.status !== 'accepted' && <Button onClick={() => setDialog('edit')}>{t('renovations.edit')}</Button>}
            {p.status === 'planned' && (
              <Button type="primary" onClick={() => act(() => api.post(`/urban-cases/renovations/${p.id}/start`, { version: p.version }))}>
                {t('renovations.start')}
              </Button>
            )}
            {p.status === 'in_progress' && (
              <Button type="primary" disabled={!hasAcceptancePhoto} onClick={() => setDialog('accept')} data-testid="renovation-accept">
                {t('renovations.accept')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {!p ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('renovations.status')}>
              <Tag color={renovationColor[p.status]}>{t(`renovations.statuses.${p.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('renovations.place')}>{p.nodeName}</Descriptions.Item>
            <Descriptions.Item label={t('renovations.compounds')} span={2}>
              {p.compounds.map((c) => c.name).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('renovations.scopeItems')} span={2}>
              <Space wrap>
                {p.scopeItems.map((s) => (
                  <Tag key={s}>{t(`renovations.scope.${s}`, { defaultValue: s })}</Tag>
                ))}
              </Space>
              {p.scopeNote && <div>{p.scopeNote}</div>}
            </Descriptions.Item>
            <Descriptions.Item label={t('renovations.budget')}>{p.budget.toLocaleString('zh-CN')}</Descriptions.Item>
            <Descriptions.Item label={t('renovations.topicId')}>{p.topicId ?? '—'}</Descriptions.Item>
            {p.acceptedOn && (
              <Descriptions.Item label={t('renovations.acceptedOn')} span={2}>
                {p.acceptedOn} {p.acceptanceNote}
              </Descriptions.Item>
            )}
          </Descriptions>
          {writable && p.status === 'in_progress' && !hasAcceptancePhoto && (
            <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('renovations.acceptNeedsPhoto')} />
          )}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('renovations.funding')}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="source"
            dataSource={p.funding}
            columns={[
              { title: t('renovations.funding'), dataIndex: 'source', render: (s: FundingSource) => t(`renovations.sources.${s}`) },
              { title: t('renovations.amount'), dataIndex: 'amount', align: 'right', render: (a: number) => a.toLocaleString('zh-CN') },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('renovations.phases')}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="seq"
            dataSource={p.phases}
            columns={[
              { title: t('renovations.phase'), dataIndex: 'name' },
              { title: t('renovations.planned'), render: (_, r) => `${r.plannedStart ?? '—'} ~ ${r.plannedEnd ?? '—'}` },
              { title: t('renovations.actual'), render: (_, r) => `${r.actualStart ?? '—'} ~ ${r.actualEnd ?? '—'}` },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('renovations.gallery')}
          </Typography.Title>
          <Image.PreviewGroup>
            <Row gutter={16} data-testid="renovation-gallery">
              {column('before')}
              {column('after')}
            </Row>
            {photosOf('acceptance').length > 0 && (
              <div style={{ marginTop: 16 }}>
                <Typography.Text strong>{t('renovations.acceptance')}</Typography.Text>
                <div style={{ marginTop: 8 }}>
                  <Space wrap>{photosOf('acceptance')}</Space>
                </div>
              </div>
            )}
          </Image.PreviewGroup>
          {writable && (
            <Space style={{ marginTop: 16 }}>
              <Select
                value={stage}
                onChange={setStage}
                style={{ width: 120 }}
                options={renovationPhotoStages.map((s) => ({ value: s, label: t(`renovations.${s}`) }))}
                aria-label={t('renovations.photoStage')}
              />
              <Upload
                accept="image/jpeg,image/png,image/webp"
                showUploadList={false}
                beforeUpload={(file) => {
                  void act(() => uploadPhoto(`/urban-cases/renovations/${p.id}/photos`, file, { stage }));
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} data-testid="renovation-upload">
                  {t('renovations.addPhoto')}
                </Button>
              </Upload>
            </Space>
          )}
        </>
      )}
      <RenovationFormModal open={dialog === 'edit'} project={p} onClose={() => setDialog(null)} onSaved={changed} />
      <AcceptModal project={dialog === 'accept' ? p : null} onClose={() => setDialog(null)} onDone={changed} />
    </Drawer>
  );
}
