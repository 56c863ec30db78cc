import type { CompoundProfileDetail, ServiceMode } from '@linli/property/contract';
import { serviceModes } from '@linli/property/vocabulary';
import { api, request } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Descriptions, Drawer, Form, InputNumber, Modal, Select, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkageCard } from './linkage-card.tsx';
import { StatusTag } from './status-tag.tsx';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** One compound's property profile with the timeline of its status changes; staff may edit floor area, satisfaction and service mode. */
export function ProfileDrawer({
  compoundId,
  onClose,
  onChanged,
}: {
  compoundId: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const { data, reload } = useData(
    (signal) =>
      compoundId ? api.get<CompoundProfileDetail>(`/property/compounds/${compoundId}`, undefined, { signal }) : Promise.resolve(undefined),
    [compoundId],
  );
  const [editing, setEditing] = useState(false);
  return (
    <Drawer open={compoundId !== null} onClose={onClose} size="large" title={data?.compoundName} data-testid="property-profile-drawer">
      {data && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('property.community')}>{`${data.subdistrictName} / ${data.communityName}`}</Descriptions.Item>
            <Descriptions.Item label={t('property.households')}>{data.households}</Descriptions.Item>
            <Descriptions.Item label={t('property.floorArea')}>{data.floorAreaM2}</Descriptions.Item>
            <Descriptions.Item label={t('property.company')}>
              {data.companyName && data.companyKind ? `${data.companyName}（${t(`property.kinds.${data.companyKind}`)}）` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('property.fee')}>{data.feePerM2Month ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('property.collectionRate')}>{pct(data.collectionRate)}</Descriptions.Item>
            <Descriptions.Item label={t('property.satisfaction')}>{pct(data.satisfaction)}</Descriptions.Item>
            <Descriptions.Item label={t('property.status')}>
              <StatusTag status={data.status} />
              {data.overrideStatus && (
                <Typography.Text type="secondary">
                  {t('property.overridden')}：{data.overrideReason}（{t('property.computedStatus')}{' '}
                  {t(`property.statuses.${data.computedStatus}`)}）
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('property.serviceMode')}>
              {data.serviceMode ? t(`property.modes.${data.serviceMode}`) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('property.cluster')}>{data.clusterName ?? '—'}</Descriptions.Item>
          </Descriptions>
          {can('property.write') && (
            <Button style={{ marginTop: 12 }} onClick={() => setEditing(true)} data-testid="property-profile-edit">
              {t('property.editProfile')}
            </Button>
          )}
          <LinkageCard compoundId={data.compoundId} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('property.history')}
          </Typography.Title>
          <Timeline
            data-testid="property-history"
            items={data.history.map((h) => ({
              color: h.source === 'override' ? 'red' : 'blue',
              content: (
                <>
                  <div>
                    {new Date(h.changedAt).toLocaleString('zh-CN', { hour12: false })} · {t(`property.source.${h.source}`)}
                  </div>
                  <div>
                    {h.statusFrom ? `${t(`property.statuses.${h.statusFrom}`)} → ` : ''}
                    {t(`property.statuses.${h.statusTo}`)}
                    {h.serviceMode ? ` · ${t(`property.modes.${h.serviceMode}`)}` : ''}
                  </div>
                  {h.reason && <Typography.Text type="secondary">{h.reason}</Typography.Text>}
                </>
              ),
            }))}
          />
          <ProfileForm
            open={editing}
            profile={data}
            onClose={() => setEditing(false)}
            onSaved={async () => {
              await reload();
              onChanged();
            }}
          />
        </>
      )}
    </Drawer>
  );
}

function ProfileForm({
  open,
  profile,
  onClose,
  onSaved,
}: {
  open: boolean;
  profile: CompoundProfileDetail;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ floorAreaM2: number; satisfaction?: number | null; serviceMode?: ServiceMode | null }>();
  const { run, error, saving, clearError } = useApiForm(form, ['floorAreaM2', 'satisfaction', 'serviceMode']);
  const close = () => {
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body = {
      floorAreaM2: v.floorAreaM2,
      satisfaction: v.satisfaction === null || v.satisfaction === undefined ? null : v.satisfaction / 100,
      serviceMode: v.serviceMode ?? null,
    };
    const saved = await run(() => request('PUT', `/property/compounds/${profile.compoundId}`, { body }));
    if (saved) {
      message.success(t('common.saved'));
      onSaved();
      close();
    }
  };
  return (
    <Modal open={open} title={t('property.editProfile')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          floorAreaM2: profile.floorAreaM2,
          satisfaction: profile.satisfaction === null ? null : Math.round(profile.satisfaction * 1000) / 10,
          serviceMode: profile.serviceMode,
        }}
      >
        <Form.Item name="floorAreaM2" label={t('property.floorArea')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0} max={1e8} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="satisfaction" label={`${t('property.satisfaction')} (%)`}>
          <InputNumber min={0} max={100} precision={1} />
        </Form.Item>
        <Form.Item name="serviceMode" label={t('property.serviceMode')}>
          <Select allowClear options={serviceModes.map((m) => ({ value: m, label: t(`property.modes.${m}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
