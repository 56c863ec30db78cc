import type { MyCase } from '@linli/urban-cases/contract';
import { type CaseKind, caseKinds } from '@linli/urban-cases/vocabulary';
import { api } from '@linli/web-kit/client';
import { useCurrentUser } from '@linli/web-kit/current-user';
import { Button, Form, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { uploadPhoto } from './api.ts';

/** The uuid of an ltree label (node ids without dashes). */
const idOf = (label: string) =>
  label.length === 32
    ? `${label.slice(0, 8)}-${label.slice(8, 12)}-${label.slice(12, 16)}-${label.slice(16, 20)}-${label.slice(20)}`
    : label;

/** A resident reports a problem in their own compound: kind, description and a photo; it reaches the community as a reported case. */
export default function MobileReportCase() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const { me } = useCurrentUser();
  // The compounds of the resident's households (county.street.community.compound.…): a choice only when there are several.
  const homes = new Map<string, string>();
  for (const g of me?.grants ?? []) {
    const label = g.role === 'resident' ? g.path?.split('.')[3] : undefined;
    if (label && !homes.has(idOf(label))) homes.set(idOf(label), g.nodeName ?? label);
  }
  const onFinish = async (v: { kind: CaseKind[]; description: string; compound?: string[] }) => {
    setSending(true);
    try {
      const created = await api.post<MyCase>('/me/urban-cases', {
        kind: v.kind[0],
        description: v.description,
        compoundId: homes.size > 1 ? v.compound?.[0] : undefined,
      });
      if (file) await uploadPhoto(`/me/urban-cases/${created.id}/photos`, file);
      Toast.show({ content: t('urbanMobile.reported') });
      navigate('/m/urban-cases', { replace: true });
    } catch (e) {
      Toast.show({ content: (e as Error).message });
    } finally {
      setSending(false);
    }
  };
  return (
    <Form
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ kind: ['clutter'] }}
      data-testid="m-urban-case-form"
      footer={
        <Button block type="submit" color="primary" loading={sending} data-testid="m-urban-case-submit">
          {t('urbanMobile.submit')}
        </Button>
      }
    >
      {homes.size > 1 && (
        <Form.Item name="compound" label={t('urbanMobile.home')} rules={[{ required: true, message: t('common.required') }]}>
          <Selector options={[...homes].map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      )}
      <Form.Item name="kind" label={t('urbanMobile.kind')} rules={[{ required: true, message: t('common.required') }]}>
        <Selector columns={2} options={caseKinds.map((k) => ({ value: k, label: t(`urbanCases.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('urbanMobile.description')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <TextArea maxLength={2000} rows={4} showCount />
      </Form.Item>
      <Form.Item label={t('urbanMobile.photo')}>
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          data-testid="m-urban-case-photo"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </Form.Item>
    </Form>
  );
}
