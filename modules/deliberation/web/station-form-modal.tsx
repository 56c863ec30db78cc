import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationDetail, StationKind } from '../src/station-contract.ts';

interface Values {
  name: string;
  kind: string;
  nodeId?: string;
  room?: string | null;
  areaM2?: number | null;
  lat?: number | null;
  lng?: number | null;
  active?: boolean;
}

/** Create a station (with its place), or edit one (on the version shown; the place stays). */
export function StationFormModal({
  open,
  station,
  kinds,
  onClose,
  onSaved,
}: {
  open: boolean;
  station?: StationDetail;
  kinds: StationKind[];
  onClose: () => void;
  onSaved: (s: StationDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving, clearError } = useApiForm(form, ['name', 'kind', 'nodeId', 'room', 'areaM2', 'lat', 'lng']);
  useEffect(() => {
    if (open && station) form.setFieldsValue(station);
  }, [open, station, form]);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body = { ...v, room: v.room?.trim() || null, areaM2: v.areaM2 ?? null, lat: v.lat ?? null, lng: v.lng ?? null };
    const saved = await run(() =>
      station
        ? api.patch<StationDetail>(`/deliberation/stations/${station.id}`, { ...body, nodeId: undefined, version: station.version })
        : api.post<StationDetail>('/deliberation/stations', { ...body, active: undefined }),
    );
    if (saved) {
      message.success(t('common.saved'));
      onSaved(saved);
      close();
    }
  };
  return (
    <Modal
      open={open}
      title={station ? t('deliberationStations.edit') : t('deliberationStations.create')}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="station-form">
        {!station && (
          <Form.Item
            name="nodeId"
            label={t('deliberationStations.place')}
            extra={t('deliberationStations.placeHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <TerritorySelect selectableKinds={['subdistrict', 'community', 'compound']} deepestKind="compound" testId="station-node" />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item
              name="name"
              label={t('deliberationStations.name')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input maxLength={100} data-testid="station-name" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="kind" label={t('deliberationStations.kind')} rules={[{ required: true, message: t('common.required') }]}>
              <Select
                options={kinds.filter((k) => k.active || k.code === station?.kind).map((k) => ({ value: k.code, label: k.name }))}
                data-testid="station-kind"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="room" label={t('deliberationStations.room')}>
              <Input maxLength={200} placeholder={t('deliberationStations.roomHint')} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="areaM2" label={t('deliberationStations.area')}>
              <InputNumber min={0.1} max={100000} step={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="lat" label={t('deliberationStations.lat')}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="lng" label={t('deliberationStations.lng')}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {station && (
            <Col span={8}>
              <Form.Item name="active" label={t('deliberationStations.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
